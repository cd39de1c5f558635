import { Template } from 'aws-cdk-lib/assertions';
import { AuOnlyInferenceScp, ExemptionScope } from '../../src';
import { newStack, onlyPolicy, warnings } from '../helpers/stack';

describe('AuOnlyInferenceScp', () => {
  test('default policy JSON (snapshot)', () => {
    const stack = newStack();
    const scp = new AuOnlyInferenceScp(stack, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'] });
    // The template (keys sorted by jest) and the exact minified text sent to Organizations.
    expect({ template: onlyPolicy(stack), minified: scp.policyJson }).toMatchSnapshot();
  });

  test('one-line use attaches a SERVICE_CONTROL_POLICY to the target', () => {
    const stack = newStack();
    new AuOnlyInferenceScp(stack, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef', '123456789012'] });
    Template.fromStack(stack).hasResourceProperties('AWS::Organizations::Policy', {
      Type: 'SERVICE_CONTROL_POLICY',
      TargetIds: ['ou-ab12-34cd56ef', '123456789012'],
    });
  });

  test('denies only when a profile is in play, so on-demand calls are untouched', () => {
    const stack = newStack();
    new AuOnlyInferenceScp(stack, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'] });
    const [prefixRule] = onlyPolicy(stack).Content.Statement;
    expect(prefixRule.Effect).toBe('Deny');
    expect(prefixRule.Condition.Null).toEqual({ 'bedrock:InferenceProfileArn': 'false' });
    // Only au. profiles are exempt: every other prefix, and unprefixed application profiles, are denied.
    expect(prefixRule.Condition.ArnNotLike['bedrock:InferenceProfileArn']).toEqual([
      'arn:aws:bedrock:*:*:inference-profile/au.*',
    ]);
  });

  test('keeps AWS\'s verbatim global. deny by default, and can drop it', () => {
    const on = newStack();
    new AuOnlyInferenceScp(on, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'] });
    const global = onlyPolicy(on).Content.Statement[1];
    expect(global.Condition).toEqual({
      StringLike: { 'aws:RequestedRegion': ['unspecified'] },
      ArnLike: { 'bedrock:InferenceProfileArn': 'arn:aws:bedrock:*:*:inference-profile/global.*' },
    });

    const off = newStack();
    new AuOnlyInferenceScp(off, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'], denyGlobalCrossRegionInference: false });
    expect(onlyPolicy(off).Content.Statement.map((s: any) => s.Sid))
      .toEqual(['DenyUnapprovedInferenceProfiles', 'DenyUnapprovedGuardrailAndDataAutomationProfiles', 'DenyInferenceProfileArnNotAnArn']);
  });

  test('guardrail and Data Automation profiles other than au. are denied by resource, failing closed', () => {
    const stack = newStack();
    new AuOnlyInferenceScp(stack, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'] });
    const gate = onlyPolicy(stack).Content.Statement[2];
    expect(gate.Sid).toBe('DenyUnapprovedGuardrailAndDataAutomationProfiles');
    expect(gate.Resource).toBeUndefined();
    // Everything these actions accept is exempt except profiles: only au. ones are listed.
    expect(gate.NotResource).toEqual(expect.arrayContaining([
      'arn:aws:bedrock:*:*:guardrail-profile/au.*', 'arn:aws:bedrock:*:*:data-automation-profile/au.*', 'arn:aws:bedrock:*:*:guardrail/*',
    ]));
    expect(gate.NotResource.filter((r: string) => /-profile\//.test(r))).toEqual([
      'arn:aws:bedrock:*:*:data-automation-profile/au.*', 'arn:aws:bedrock:*:*:guardrail-profile/au.*',
    ]);
    expect(gate.Condition).toBeUndefined();
  });

  test('vouched application profiles join the allowed list', () => {
    const stack = newStack();
    const arn = 'arn:aws:bedrock:ap-southeast-2:123456789012:application-inference-profile/a1b2c3d4e5f6';
    new AuOnlyInferenceScp(stack, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'], allowedApplicationInferenceProfileArns: [arn] });
    const [prefixRule] = onlyPolicy(stack).Content.Statement;
    expect(prefixRule.Condition.ArnNotLike['bedrock:InferenceProfileArn']).toContain(arn);
  });

  test('exempt principals pass no profile statement by default (they guard invocation legs), every one with EVERY_STATEMENT', () => {
    const exemptPrincipalArns = ['arn:aws:iam::*:role/BreakGlass'];
    const byDefault = newStack();
    new AuOnlyInferenceScp(byDefault, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'], exemptPrincipalArns });
    for (const s of onlyPolicy(byDefault).Content.Statement) expect(s.Condition?.ArnNotLike?.['aws:PrincipalArn']).toBeUndefined();
    const every = newStack();
    new AuOnlyInferenceScp(every, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'], exemptPrincipalArns, exemptionScope: ExemptionScope.EVERY_STATEMENT });
    for (const s of onlyPolicy(every).Content.Statement) expect(s.Condition.ArnNotLike['aws:PrincipalArn']).toEqual(exemptPrincipalArns);
  });

  test('a prefix that routes abroad draws a warning naming the Regions', () => {
    const stack = newStack();
    new AuOnlyInferenceScp(stack, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'], allowedProfilePrefixes: ['au.', 'apac.'] });
    const w = warnings(stack);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/"apac\." profiles route outside Australia \(ap-northeast-1, .*ap-southeast-1\)/);
  });

  test('exposes document, minified JSON and size', () => {
    const stack = newStack();
    const scp = new AuOnlyInferenceScp(stack, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'] });
    expect(scp.policyJson).not.toMatch(/\s/);
    expect(scp.sizeChars).toBe(scp.policyJson.length);
    expect(JSON.parse(scp.policyJson)).toEqual(onlyPolicy(stack).Content);
    expect(stack.resolve(scp.document.toJSON())).toEqual(onlyPolicy(stack).Content);
    expect(scp.limits.maxPolicySize).toBe(10240);
  });
});
