/**
 * Roles AWS Control Tower uses in every enrolled account. Its own Region deny
 * control (CT.MULTISERVICE.PV.1) exempts them; a residency posture that does not
 * can break Control Tower's Config recording and notifications in other Regions.
 * Never edit Control Tower's own SCPs: exempt these instead.
 *
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/ou-region-deny.html
 */
export const CONTROL_TOWER_ROLE_NAMES: readonly string[] = [
  'AWSControlTowerExecution',
  'aws-controltower-ConfigRecorderRole',
  'aws-controltower-ForwardSnsNotificationRole',
  'AWSControlTower_VPCFlowLogsRole',
];

/** `arn:aws:iam::*:role/NAME` for each Control Tower role, for `aws:PrincipalArn` exemptions. */
export function controlTowerRoleArnPatterns(): string[] {
  return CONTROL_TOWER_ROLE_NAMES.map((name) => `arn:aws:iam::*:role/${name}`);
}
