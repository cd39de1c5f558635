import { AUSTRALIAN_REGIONS, regionDenyParameters, validateRegionDenyInput, RegionDenyInput } from '../../src/core/control-tower-region-deny';
import { ValidationErrors } from '../../src/core/validation-errors';

const OU_ARN = 'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef';
const CT_ROLES = [
  'arn:aws:iam::*:role/AWSControlTowerExecution',
  'arn:aws:iam::*:role/aws-controltower-ConfigRecorderRole',
  'arn:aws:iam::*:role/aws-controltower-ForwardSnsNotificationRole',
  'arn:aws:iam::*:role/AWSControlTower_VPCFlowLogsRole',
];

function problems(input: RegionDenyInput & { targetOuArns?: string[] }): { errors: readonly string[]; warnings: string[] } {
  const errors = new ValidationErrors();
  const warnings = validateRegionDenyInput(input, errors);
  return { errors: errors.all, warnings };
}

describe('OU Region deny parameters', () => {
  test('by default: both Australian Regions, Control Tower roles exempt, no exempted actions', () => {
    expect(regionDenyParameters({})).toEqual([
      { key: 'AllowedRegions', value: ['ap-southeast-2', 'ap-southeast-4'] },
      { key: 'ExemptedPrincipalArns', value: CT_ROLES },
    ]);
  });

  test('the user\'s Regions, break-glass roles and actions are added; Regions sorted and the Australian ones always kept', () => {
    const params = regionDenyParameters({
      additionalAllowedRegions: ['us-east-1'],
      exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin', CT_ROLES[0]],
      exemptedActions: ['logs:DescribeLogGroups'],
    });
    expect(params).toEqual([
      { key: 'AllowedRegions', value: ['ap-southeast-2', 'ap-southeast-4', 'us-east-1'] },
      { key: 'ExemptedPrincipalArns', value: [...CT_ROLES, 'arn:aws:iam::*:role/BreakGlassAdmin'] },
      { key: 'ExemptedActions', value: ['logs:DescribeLogGroups'] },
    ]);
    expect(AUSTRALIAN_REGIONS.every((r) => params[0].value.includes(r))).toBe(true);
  });

  test('without the Control Tower roles and break-glass roles, no principal parameter is sent', () => {
    expect(regionDenyParameters({ exemptControlTowerRoles: false }).map((p) => p.key)).toEqual(['AllowedRegions']);
  });
});

describe('OU Region deny validation', () => {
  test('a valid request has no problems', () => {
    expect(problems({ targetOuArns: [OU_ARN], additionalAllowedRegions: ['us-east-1'], exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'] }))
      .toEqual({ errors: [], warnings: [] });
  });

  test('every problem is reported, each under its prop, with the accepted form', () => {
    const { errors } = problems({
      targetOuArns: ['ou-ab12-34cd56ef', OU_ARN, OU_ARN],
      additionalAllowedRegions: ['ap-southeast-4', 'ap-sotheast-1'],
      exemptPrincipalArns: ['arn:aws:iam::*:role/*', 'BreakGlass'],
      exemptedActions: ['*', 'logs:Describe*', 'logs'],
    });
    expect(errors).toEqual([
      expect.stringMatching(/^targetOuArns\[0\]: "ou-ab12-34cd56ef" is not an OU ARN\. Use an OU ARN like arn:aws:organizations::/),
      'targetOuArns[2]: "arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef" is listed more than once',
      'additionalAllowedRegions[0]: "ap-southeast-4" is always allowed; list only Regions besides ap-southeast-2 and ap-southeast-4',
      expect.stringMatching(/^additionalAllowedRegions\[1\]: "ap-sotheast-1" is not a known AWS commercial Region/),
      'exemptPrincipalArns[0]: "arn:aws:iam::*:role/*" matches every role, which turns the Region deny off. Name the break-glass roles',
      expect.stringMatching(/^exemptPrincipalArns\[1\]: "BreakGlass" is not a principal ARN pattern/),
      expect.stringMatching(/^exemptedActions\[0\]: "\*" is not an IAM action/),
      expect.stringMatching(/^exemptedActions\[2\]: "logs" is not an IAM action/),
    ]);
  });

  test('no OUs at all is refused', () => {
    expect(problems({ targetOuArns: [] }).errors).toEqual(['targetOuArns: must not be empty']);
  });

  test('exempting a Bedrock-family action is allowed with a warning that the posture must stay attached', () => {
    const { errors, warnings } = problems({ exemptedActions: ['bedrock:InvokeModel', 'bedrock-mantle:*', 'logs:StartQuery'] });
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/"bedrock:InvokeModel" takes bedrock out of the Region deny/);
    expect(warnings[1]).toMatch(/"bedrock-mantle:\*" takes bedrock-mantle out/);
  });
});

describe('OU Region deny exemptions follow the SCPs\' rules (issue 18)', () => {
  test.each([
    ['arn:aws:iam::*:user/*', /exempts every IAM user in every account/],
    ['arn:aws:iam::*:user/?*', /exempts every IAM user in every account/],
    ['arn:aws:iam::*:role/*/*', /exempts every IAM role in every account/],
    ['arn:aws:iam::111122223333:role/*', /exempts every IAM role in account 111122223333.*\(this cannot be acknowledged here\)/],
    ['arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*', /IAM Identity Center roles of every permission set/],
    ['arn:aws:iam::*:role/cdk-*', /also matches ordinary roles such as role\/cdk-hnb659fds-/],
  ])('%s is refused', (pattern, message) => {
    expect(problems({ targetOuArns: [OU_ARN], exemptPrincipalArns: [pattern] }).errors).toEqual([expect.stringMatching(message)]);
  });

  test('digit-prefix account sets with prefix names that together cover every account are refused', () => {
    const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-'.split('');
    const patterns = '0123456789'.split('').flatMap((d) => chars.map((c) => `arn:aws:iam::${d}*:role/${c}*`));
    expect(problems({ targetOuArns: [OU_ARN], exemptPrincipalArns: patterns }).errors)
      .toContainEqual(expect.stringMatching(/^exemptPrincipalArns: .*together match every IAM role name in every account/));
  });

  test('a wildcard in a break-glass name draws the same warning as on the SCPs', () => {
    expect(problems({ targetOuArns: [OU_ARN], exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass*'] }).warnings)
      .toEqual([expect.stringMatching(/^exemptPrincipalArns: .*also role\/BreakGlassTeamApp/)]);
  });

  test('wrongly typed input is named, never a TypeError', () => {
    const e = new ValidationErrors();
    validateRegionDenyInput(null as any, e, undefined, true);
    expect(e.all).toEqual([expect.stringMatching(/^props: must be an object with at least targetOuArns, got null/)]);
    expect(problems({ targetOuArns: [OU_ARN], exemptControlTowerRoles: 'false' as any, exemptedActions: 'logs:*' as any }).errors).toEqual([
      expect.stringMatching(/^exemptControlTowerRoles: must be true or false/),
      expect.stringMatching(/^exemptedActions: must be a list of strings/),
    ]);
  });
});
