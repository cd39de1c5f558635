/**
 * Tokens in props that shape a policy: each is resolved at synth and checked
 * like a literal, passed as a deploy-time value of a kind that names one thing
 * (a role's ARN defined in the app), or refused. Never waved through.
 */
import { Aws, CfnParameter, Fn, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import {
  AuBedrockPosture, AuBedrockResidencyScp, AuOnlyInferenceScp, ControlTowerRegionDeny, InferenceRegionAlarm, PostureAuditor, RegionAllowlistScp,
  SovereignBedrockErrors, SovereignBedrockInvoker,
} from '../../src';
import { judgeToken } from '../../src/private/tokens';
import { thrown } from '../helpers/errors';
import { newStack, onlyPolicy, warnings } from '../helpers/stack';

const OU = 'ou-ab12-34cd56ef';
const OU_ARN = 'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef';
const lazy = (v: string) => Lazy.string({ produce: () => v });
const EVERY_ROLE = 'arn:aws:iam::*:role/*';

function problems(fn: () => unknown): string[] {
  const e = thrown(fn);
  if (!SovereignBedrockErrors.isValidationError(e)) throw e;
  return e.problems.map((p) => `${p.prop}: ${p.message}`);
}

describe('judgeToken', () => {
  test('a Lazy string, an Fn.join and an Fn.sub of literals resolve to the text they produce', () => {
    const stack = newStack();
    for (const token of [lazy(EVERY_ROLE), Fn.join('', ['arn:aws:iam::*:', 'role/*']), Fn.sub('arn:aws:iam::*:role/*')]) {
      expect(judgeToken(stack, token, 'principal', 'x')).toEqual({ kind: 'check', value: EVERY_ROLE });
    }
  });

  test('the account pseudo parameter is read as the stack\'s account, or 000000000000 without an environment', () => {
    const agnostic = newStack();
    expect(judgeToken(agnostic, `arn:aws:iam::${Aws.ACCOUNT_ID}:role/*`, 'principal', 'x')).toEqual({ kind: 'check', value: 'arn:aws:iam::000000000000:role/*' });
    expect(judgeToken(agnostic, Fn.sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:role/BreakGlass'), 'principal', 'x'))
      .toEqual({ kind: 'check', value: 'arn:aws:iam::000000000000:role/BreakGlass' });
    const pinned = new Stack(undefined, 'Pinned', { env: { account: '444455556666', region: 'ap-southeast-2' } });
    expect(judgeToken(pinned, `arn:aws:iam::${pinned.account}:role/Ops`, 'principal', 'x')).toEqual({ kind: 'check', value: 'arn:aws:iam::444455556666:role/Ops' });
  });

  test('a role ARN defined in the app is a deploy-time value; its name, a parameter, or a Region token are not', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'BreakGlass', { assumedBy: new iam.AccountRootPrincipal() });
    const param = new CfnParameter(stack, 'Exempt');
    expect(judgeToken(stack, role.roleArn, 'principal', 'x')).toEqual({ kind: 'deploy-time' });
    expect(judgeToken(stack, role.roleArn, 'literal', 'x').kind).toBe('problem');
    expect(judgeToken(stack, role.roleName, 'principal', 'x').kind).toBe('problem');
    expect(judgeToken(stack, param.valueAsString, 'principal', 'the pattern')).toEqual({
      kind: 'problem', message: expect.stringMatching(/CloudFormation parameter Exempt, which could hold anything.*Give the pattern itself/),
    });
    expect(judgeToken(stack, Aws.REGION, 'literal', 'x').kind).toBe('problem');
    expect(judgeToken(stack, Fn.importValue('Shared-Role'), 'principal', 'x').kind).toBe('problem');
  });
});

describe('the cases of issue 18: tokens no longer skip the checks', () => {
  const everyRoleTokens = () => [lazy(EVERY_ROLE), Fn.join('', ['arn:aws:iam::*:', 'role/*']), Fn.sub(EVERY_ROLE)];

  test.each([AuBedrockResidencyScp, AuOnlyInferenceScp, RegionAllowlistScp])('%p refuses exemptions that resolve to role/*', (Scp) => {
    for (const token of everyRoleTokens()) {
      expect(problems(() => new Scp(newStack(), 'Scp', { targetIds: [OU], exemptPrincipalArns: [token] })))
        .toEqual([expect.stringMatching(/^exemptPrincipalArns\[0\]: "arn:aws:iam::\*:role\/\*" exempts every IAM role in every account/)]);
    }
  });

  test('ControlTowerRegionDeny refuses exemptions that resolve to role/*, and Regions that only CloudFormation knows', () => {
    for (const token of everyRoleTokens()) {
      expect(problems(() => new ControlTowerRegionDeny(newStack(), 'Deny', { targetOuArns: [OU_ARN], exemptPrincipalArns: [token] })).join('\n'))
        .toMatch(/^exemptPrincipalArns\[0\]: "arn:aws:iam::\*:role\/\*" matches every role/);
    }
    expect(problems(() => new ControlTowerRegionDeny(newStack(), 'Deny', { targetOuArns: [OU_ARN], additionalAllowedRegions: [Aws.REGION] })))
      .toEqual([expect.stringMatching(/^additionalAllowedRegions\[0\]: is a deploy-time value \(the pseudo parameter AWS::Region\)/)]);
  });

  test('a Lazy Region abroad is refused by the residency SCPs, the posture, the auditor and the alarm', () => {
    const abroad = /allowedRegions\[0\]: "us-east-1" is outside Australia/;
    expect(problems(() => new RegionAllowlistScp(newStack(), 'Scp', { targetIds: [OU], allowedRegions: [lazy('us-east-1')] })).join('\n')).toMatch(abroad);
    expect(problems(() => new AuBedrockResidencyScp(newStack(), 'Scp', { targetIds: [OU], allowedRegions: [lazy('us-east-1')] })).join('\n')).toMatch(abroad);
    expect(problems(() => new AuBedrockPosture(newStack(), 'Posture', { targetIds: [OU], allowedRegions: [lazy('us-east-1')] })).join('\n')).toMatch(abroad);
    expect(problems(() => new PostureAuditor(newStack(), 'Audit', { allowedRegions: [lazy('us-east-1')] })).join('\n')).toMatch(abroad);
    const stack = newStack();
    const logGroup = new logs.LogGroup(stack, 'Trail');
    expect(problems(() => new InferenceRegionAlarm(stack, 'Alarm', { logGroup, allowedInferenceRegions: [lazy('us-east-1')] })).join('\n'))
      .toMatch(/allowedInferenceRegions\[0\]: "us-east-1" is outside Australia/);
  });

  test('a Lazy Region in Australia is accepted and written as the Region itself', () => {
    const stack = newStack();
    const logGroup = new logs.LogGroup(stack, 'Trail');
    new InferenceRegionAlarm(stack, 'Alarm', { logGroup, allowedInferenceRegions: [lazy('ap-southeast-2'), lazy('ap-southeast-4')] });
    const filters = Template.fromStack(stack).findResources('AWS::Logs::MetricFilter');
    expect(JSON.stringify(filters)).toContain('ap-southeast-4');
  });

  test('application profiles and own-model ARNs: Lazy * is refused, a profile defined in the app passes', () => {
    expect(problems(() => new AuOnlyInferenceScp(newStack(), 'Scp', { targetIds: [OU], allowedApplicationInferenceProfileArns: [lazy('*')] })))
      .toEqual([expect.stringMatching(/^allowedApplicationInferenceProfileArns\[0\]: "\*" is not an application inference profile ARN/)]);
    expect(problems(() => new SovereignBedrockInvoker(newStack(), 'Invoker', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), provisionedOrCustomModelArns: [lazy('*')],
    }))).toEqual([expect.stringMatching(/^provisionedOrCustomModelArns\[0\]: "\*" is not a provisioned, custom or imported model ARN/)]);
    const stack = newStack();
    const profile = new bedrock.CfnApplicationInferenceProfile(stack, 'Profile', {
      inferenceProfileName: 'team', modelSource: { copyFrom: 'arn:aws:bedrock:ap-southeast-2::foundation-model/amazon.nova-pro-v1:0' },
    });
    new AuOnlyInferenceScp(stack, 'Scp', { targetIds: [OU], allowedApplicationInferenceProfileArns: [profile.attrInferenceProfileArn] });
    expect(JSON.stringify(onlyPolicy(stack).Content)).toContain('Fn::GetAtt');
  });

  test('a break-glass role defined in the app passes; its ARN stays a deploy-time value in the policy', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'BreakGlass', { assumedBy: new iam.AccountRootPrincipal() });
    new AuBedrockResidencyScp(stack, 'Scp', { targetIds: [OU], exemptPrincipalArns: [role.roleArn, `arn:aws:iam::${Aws.ACCOUNT_ID}:role/Ops`] });
    expect(JSON.stringify(onlyPolicy(stack).Content)).toContain('Fn::GetAtt');
  });

  test('an uncached Lazy value that changes after the constructor is checked again at synth, with the library\'s error', () => {
    // Lazy.string caches its first answer (the one the constructor checked); Lazy.uncachedString may change.
    let value = 'arn:aws:iam::*:role/BreakGlass';
    const stack = newStack();
    new AuBedrockResidencyScp(stack, 'Scp', { targetIds: [OU], exemptPrincipalArns: [Lazy.uncachedString({ produce: () => value })] });
    value = EVERY_ROLE;
    const e = thrown(() => Template.fromStack(stack));
    expect(SovereignBedrockErrors.isValidationError(e)).toBe(true);
    expect((e as Error).message).toMatch(/AuBedrockResidencyScp at Test\/Scp.*\n.*exemptPrincipalArns\[0\]: "arn:aws:iam::\*:role\/\*" exempts every IAM role/);
  });

  test('a wildcard in a token exemption draws the same warning as a literal one', () => {
    const stack = newStack();
    new AuBedrockResidencyScp(stack, 'Scp', { targetIds: [OU], exemptPrincipalArns: [lazy('arn:aws:iam::*:role/BreakGlass*')] });
    expect(warnings(stack).join('\n')).toMatch(/exemptPrincipalArns: "arn:aws:iam::\*:role\/BreakGlass\*" has a wildcard in the role name.*BreakGlassTeamApp/);
  });
});

describe('the invoker\'s guardrails', () => {
  test('a guardrail defined in the app passes; a Lazy * is refused', () => {
    const stack = newStack();
    const guardrail = new bedrock.CfnGuardrail(stack, 'Guardrail', {
      name: 'g',
      blockedInputMessaging: 'no',
      blockedOutputsMessaging: 'no',
      contentPolicyConfig: { filtersConfig: [{ type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' }] },
    });
    new SovereignBedrockInvoker(stack, 'Invoker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), guardrails: [guardrail.attrGuardrailId] });
    expect(problems(() => new SovereignBedrockInvoker(newStack(), 'Invoker', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), guardrails: [lazy('*')],
    }))).toEqual([expect.stringMatching(/^guardrails\[0\]: "\*" is not a guardrail ID/)]);
  });
});
