import { Template } from 'aws-cdk-lib/assertions';
import { AuBedrockPosture, ControlTowerRegionDeny } from '../../src';
import { newStack, validationErrors, warnings } from '../helpers/stack';

const OU_A = 'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef';
const OU_B = 'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-98fe76dc';

describe('ControlTowerRegionDeny', () => {
  test('one enabled control per OU with both Australian Regions allowed, chained one after the other', () => {
    const stack = newStack();
    const deny = new ControlTowerRegionDeny(stack, 'RegionDeny', {
      targetOuArns: [OU_A, OU_B],
      exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'],
    });
    const template = Template.fromStack(stack);
    const controls = template.findResources('AWS::ControlTower::EnabledControl');
    expect(Object.keys(controls)).toHaveLength(2);
    const [first, second] = deny.enabledControls.map((c) => controls[stack.resolve(c.logicalId)]);
    expect(first.Properties).toEqual({
      ControlIdentifier: 'arn:aws:controlcatalog:::control/50utmyu7yqmhr8fpnpo8bnaj1',
      TargetIdentifier: OU_A,
      Parameters: [
        { Key: 'AllowedRegions', Value: ['ap-southeast-2', 'ap-southeast-4'] },
        {
          Key: 'ExemptedPrincipalArns',
          Value: [
            'arn:aws:iam::*:role/AWSControlTowerExecution',
            'arn:aws:iam::*:role/aws-controltower-ConfigRecorderRole',
            'arn:aws:iam::*:role/aws-controltower-ForwardSnsNotificationRole',
            'arn:aws:iam::*:role/AWSControlTower_VPCFlowLogsRole',
            'arn:aws:iam::*:role/BreakGlassAdmin',
          ],
        },
      ],
    });
    expect(first.DependsOn).toBeUndefined();
    expect(second.Properties.TargetIdentifier).toBe(OU_B);
    expect(second.DependsOn).toEqual([stack.resolve(deny.enabledControls[0].logicalId)]);
    expect(deny.allowedRegions).toEqual(['ap-southeast-2', 'ap-southeast-4']);
  });

  test('invalid props throw one error listing every problem', () => {
    const stack = newStack();
    expect(() => new ControlTowerRegionDeny(stack, 'RegionDeny', {
      targetOuArns: ['ou-ab12-34cd56ef'],
      additionalAllowedRegions: ['mars-1'],
      controlIdentifier: 'CT.MULTISERVICE.PV.1',
    })).toThrow(/ControlTowerRegionDeny at Test\/RegionDeny: invalid props \(3 problems\)[\s\S]*targetOuArns\[0\][\s\S]*additionalAllowedRegions\[0\][\s\S]*controlIdentifier: "CT.MULTISERVICE.PV.1" is not a control ARN/);
  });

  test('a Regional control ARN is accepted; exempting Bedrock actions warns', () => {
    const stack = newStack();
    new ControlTowerRegionDeny(stack, 'RegionDeny', {
      targetOuArns: [OU_A],
      controlIdentifier: 'arn:aws:controltower:ap-southeast-2::control/ABCDEFGHIJKL',
      exemptedActions: ['bedrock:Invoke*'],
    });
    expect(validationErrors(stack)).toBe('');
    expect(warnings(stack)).toEqual([expect.stringMatching(/"bedrock:Invoke\*" takes bedrock out of the Region deny/)]);
  });

  test('AuBedrockPosture offers it as an option and passes its break-glass roles on', () => {
    const stack = newStack();
    const posture = new AuBedrockPosture(stack, 'Posture', {
      targetIds: ['ou-ab12-34cd56ef'],
      exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'],
      controlTowerRegionDeny: { targetOuArns: [OU_A], additionalAllowedRegions: ['us-east-1'] },
    });
    expect(posture.regionDeny?.allowedRegions).toEqual(['ap-southeast-2', 'ap-southeast-4', 'us-east-1']);
    expect(posture.regionDeny?.exemptPrincipalArns).toContain('arn:aws:iam::*:role/BreakGlassAdmin');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ControlTower::EnabledControl', 1);
    template.resourceCountIs('AWS::Organizations::Policy', 1);
  });
});
