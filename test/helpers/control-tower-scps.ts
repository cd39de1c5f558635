/**
 * The SCPs AWS Control Tower writes for its two Region deny controls, in the
 * shapes its control reference documents: the landing-zone control
 * (GRREGIONDENY, governed Regions) and the OU control (CTMULTISERVICEPV1,
 * configured by parameters). The NotAction list is abridged: the real one names
 * only global services, none of them a Bedrock prefix.
 *
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/primary-region-deny-policy.html
 * @see https://docs.aws.amazon.com/controltower/latest/controlreference/ou-region-deny.html
 */
import { RegionDenyParameter } from '../../src/core/control-tower-region-deny';

const GLOBAL_SERVICES = ['a4b:*', 'account:*', 'budgets:*', 'cloudfront:*', 'health:*', 'iam:*', 'organizations:*', 'route53:*', 'sso:*', 'sts:*', 'support:*'];
const CONTROL_TOWER_ROLES = [
  'arn:*:iam::*:role/AWSControlTowerExecution',
  'arn:*:iam::*:role/aws-controltower-ConfigRecorderRole',
  'arn:*:iam::*:role/aws-controltower-ForwardSnsNotificationRole',
  'arn:*:iam::*:role/AWSControlTower_VPCFlowLogsRole',
];

/** The landing-zone Region deny for the given governed Regions. */
export function landingZoneRegionDeny(governedRegions: string[]): object {
  return {
    Version: '2012-10-17',
    Statement: [{
      Sid: 'GRREGIONDENY',
      Effect: 'Deny',
      NotAction: GLOBAL_SERVICES,
      Resource: '*',
      Condition: {
        StringNotEquals: { 'aws:RequestedRegion': governedRegions },
        ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/AWSControlTowerExecution'] },
      },
    }],
  };
}

/** The OU Region deny as Control Tower renders it from the control's parameters. */
export function ouRegionDeny(parameters: readonly RegionDenyParameter[]): object {
  const get = (key: string) => parameters.find((p) => p.key === key)?.value ?? [];
  return {
    Version: '2012-10-17',
    Statement: [{
      Sid: 'CTMULTISERVICEPV1',
      Effect: 'Deny',
      NotAction: [...get('ExemptedActions'), ...GLOBAL_SERVICES],
      Resource: '*',
      Condition: {
        StringNotEquals: { 'aws:RequestedRegion': get('AllowedRegions') },
        ArnNotLike: { 'aws:PrincipalARN': [...get('ExemptedPrincipalArns'), ...CONTROL_TOWER_ROLES] },
      },
    }],
  };
}

export const FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
