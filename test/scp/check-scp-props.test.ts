import { Lazy, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import {
  AuBedrockResidencyScp, AuOnlyInferenceScp, RegionAllowlistScp, ResidencyPolicies, SovereignBedrockErrors,
} from '../../src';
import { errorOf } from '../helpers/errors';
import { newStack, onlyPolicy, validationErrors, warnings } from '../helpers/stack';

const OU = 'ou-ab12-34cd56ef';

describe('configurations that would quietly open the posture do not synthesize', () => {
  test.each<[string, object, RegExp]>([
    ['every role, every account', { exemptPrincipalArns: ['arn:aws:iam::*:role/*'] }, /exemptPrincipalArns\[0\]: "arn:aws:iam::\*:role\/\*" exempts every IAM role in every account/],
    ['every user, every account', { exemptPrincipalArns: ['arn:aws:iam::*:user/*'] }, /exemptPrincipalArns\[0\]: .* exempts every IAM user/],
    ['every role by ?*', { exemptPrincipalArns: ['arn:aws:iam::*:role/?*'] }, /exemptPrincipalArns\[0\]: .* exempts every IAM role/],
    ['every role of one account', { exemptPrincipalArns: ['arn:aws:iam::111122223333:role/*'] }, /exemptPrincipalArns\[0\]: .* exempts every IAM role in account 111122223333/],
    ['every principal (not a principal pattern)', { exemptPrincipalArns: ['arn:aws:iam::*:*'] }, /exemptPrincipalArns\[0\]: "arn:aws:iam::\*:\*" is not a principal ARN pattern/],
    ['an origin abroad', { allowedRegions: ['us-east-1'] }, /allowedRegions\[0\]: "us-east-1" is outside Australia/],
    ['an origin abroad beside Sydney', { allowedRegions: ['ap-southeast-2', 'us-east-1'] }, /allowedRegions\[1\]: "us-east-1" is outside Australia/],
    ['a size quota above AWS\'s maximum', { quota: { maxPolicySize: 1e9 } }, /quota\.maxPolicySize: must be at most 10240, got 1000000000/],
    ['a slot quota above AWS\'s maximum', { quota: { maxPoliciesPerTarget: 11 } }, /quota\.maxPoliciesPerTarget: must be at most 10, got 11/],
    // A Lazy list resolves at synth: its elements are checked like literals.
    ['a Lazy exemption list', { exemptPrincipalArns: Lazy.list({ produce: () => ['arn:aws:iam::*:role/*'] }) }, /exemptPrincipalArns\[0\]: "arn:aws:iam::\*:role\/\*" exempts every IAM role in every account/],
    ['a deploy-time exemption list', { exemptPrincipalArns: Token.asList({ Ref: 'Exempt' }) }, /exemptPrincipalArns: is a deploy-time list, which cannot be checked at synth time/],
    ['a deploy-time Region list', { allowedRegions: Token.asList({ Ref: 'Regions' }) }, /allowedRegions: is a deploy-time list/],
    ['a string for the Region list', { allowedRegions: 'us-east-1' }, /allowedRegions: must be a list of strings, got a string \("us-east-1"\)/],
    ['a null Region', { allowedRegions: [null] }, /allowedRegions\[0\]: must be a string, got null/],
    ['a string for a boolean', { denyGlobalCrossRegionInference: 'false' }, /denyGlobalCrossRegionInference: must be true or false, got a string/],
  ])('%s', (_name, extra, message) => {
    for (const Scp of [AuBedrockResidencyScp, AuOnlyInferenceScp, RegionAllowlistScp]) {
      const relevant = !('allowedRegions' in extra) || Scp !== AuOnlyInferenceScp;
      if (!relevant) continue;
      let thrown: unknown;
      try {
        new Scp(newStack(), 'Posture', { targetIds: [OU], ...extra } as any);
      } catch (e) {
        thrown = e;
      }
      expect(SovereignBedrockErrors.isValidationError(thrown)).toBe(true);
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).toMatch(new RegExp(`^${Scp.name} at Test/Posture: `));
    }
  });

  test('the issue\'s oversized policy: 160 exemptions with a 1e9 quota', () => {
    const exemptPrincipalArns = Array.from({ length: 160 }, (_, i) => `arn:aws:iam::*:role/team-${String(i).padStart(3, '0')}-bedrock-break-glass`);
    expect(errorOf(() => new AuBedrockResidencyScp(newStack(), 'P', { targetIds: [OU], exemptPrincipalArns, quota: { maxPolicySize: 1e9 } })))
      .toMatch(/quota\.maxPolicySize: must be at most 10240/);
    // More than one statement can hold: named, with the count that would fit.
    expect(errorOf(() => new AuBedrockResidencyScp(newStack(), 'P', { targetIds: [OU], exemptPrincipalArns: [...exemptPrincipalArns, ...exemptPrincipalArns.map((a) => `${a}-2`)] })))
      .toMatch(/quota\.maxPolicySize: statement DenyBedrockOutsideResidencyRegions is \d+ characters as a policy of its own; .* a statement is never cut in two: the budget holds this posture with the first \d+ of its 320 exemptions/);
    // Within AWS's quota it spills over several SCPs; a budget of two slots cannot hold it, and the error says what would.
    expect(errorOf(() => new AuBedrockResidencyScp(newStack(), 'P', {
      targetIds: [OU], exemptPrincipalArns, quota: { maxPolicySize: 10240, maxPoliciesPerTarget: 3 },
    }))).toMatch(/quota\.maxPoliciesPerTarget: the posture needs \d+ SCPs \([\d +]+ characters\) and the budget is 2 SCP slots of 10240 characters: the budget holds this posture with the first \d+ of its 160 exemptions \(drop \d+\)\. The budget is quota\.maxPoliciesPerTarget \(3\) less quota\.policiesAttachedElsewhere \(1\)/);
  });

  test('no props, or a string of targets, from JavaScript: named errors, not TypeErrors', () => {
    expect(errorOf(() => new AuBedrockResidencyScp(newStack(), 'P', undefined as any))).toMatch(/^AuBedrockResidencyScp at Test\/P: invalid props \(1 problem\):\n {2}- props: must be an object/);
    expect(errorOf(() => new RegionAllowlistScp(newStack(), 'P', {} as any))).toMatch(/- targetIds: is required/);
    expect(errorOf(() => new AuOnlyInferenceScp(newStack(), 'P', { targetIds: OU } as any))).toMatch(/- targetIds: must be a list of strings, got a string/);
  });

  test('the CDK-free facade refuses the same', () => {
    expect(errorOf(() => ResidencyPolicies.posture({ exemptPrincipalArns: ['arn:aws:iam::*:role/*'] }))).toMatch(/^ResidencyPolicies\.posture: .*\n {2}- exemptPrincipalArns\[0\]/);
    expect(errorOf(() => ResidencyPolicies.regionAllowlist({ allowedRegions: ['eu-west-1'] }))).toMatch(/allowedRegions\[0\]: "eu-west-1" is outside Australia/);
  });
});

describe('what still synthesizes', () => {
  test('a break-glass role, a break-glass path, Sydney and Melbourne origins, a role ARN token, the raised quota', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'BreakGlass', { assumedBy: new iam.AccountRootPrincipal() });
    new AuBedrockResidencyScp(stack, 'P', {
      targetIds: [OU],
      exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass', 'arn:aws:iam::*:role/break-glass/*', role.roleArn],
      allowedRegions: ['ap-southeast-2', 'ap-southeast-4'],
      quota: { maxPolicySize: 10240, maxPoliciesPerTarget: 10, policiesAttachedElsewhere: 3 },
    });
    expect(validationErrors(stack)).toBe('');
    expect(warnings(stack)).toEqual([]);
  });

  test('an acknowledged account-wide exemption synthesizes with a warning', () => {
    const stack = newStack();
    const sandbox = 'arn:aws:iam::111122223333:role/*';
    new AuBedrockResidencyScp(stack, 'P', { targetIds: [OU], exemptPrincipalArns: [sandbox], acknowledgedAccountWideExemptions: [sandbox] });
    const boundary = onlyPolicy(stack).Content.Statement.find((s: any) => s.Sid === 'DenyBedrockOutsideResidencyRegions');
    expect(boundary.Condition.ArnNotLike['aws:PrincipalArn']).toEqual([sandbox]);
    expect(warnings(stack)).toEqual([expect.stringMatching(/exemptPrincipalArns: "arn:aws:iam::111122223333:role\/\*" exempts every principal it names in account 111122223333 \(acknowledged\)/)]);
  });
});

describe('duplicate SCP names in one app', () => {
  test('two library SCPs with one name: the second is refused where it is created', () => {
    const stack = newStack();
    new AuOnlyInferenceScp(stack, 'A', { targetIds: [OU], policyName: 'bedrock-au' });
    expect(errorOf(() => new RegionAllowlistScp(stack, 'B', { targetIds: [OU], policyName: 'bedrock-au' })))
      .toMatch(/^RegionAllowlistScp at Test\/B: invalid props \(1 problem\):\n {2}- policyName: "bedrock-au" is already the name of the SCP at Test\/A/);
  });

  test('a hand-written SCP with a library SCP\'s name fails the synth', () => {
    const stack = newStack();
    new AuOnlyInferenceScp(stack, 'A', { targetIds: [OU], policyName: 'bedrock-au' });
    new CfnPolicy(stack, 'Hand', { name: 'bedrock-au', type: 'SERVICE_CONTROL_POLICY', content: {} });
    expect(validationErrors(stack)).toMatch(/SCP name "bedrock-au" is used by 2 policies \(Test\/A\/Resource\/Resource, Test\/Hand\)/);
  });
});
