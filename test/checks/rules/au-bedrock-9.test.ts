import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AU_BEDROCK_9 } from '../../../src/checks/rules/au-bedrock-9-guardrail-profiles';
import { ACCOUNT, policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

const profile = (id: string) => `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:guardrail-profile/${id}`;

function guardrail(stack: any, profileArn?: string) {
  return new bedrock.CfnGuardrail(stack, 'Guardrail', {
    name: 'g',
    blockedInputMessaging: 'blocked',
    blockedOutputsMessaging: 'blocked',
    crossRegionConfig: profileArn ? { guardrailProfileArn: profileArn } : undefined,
  });
}

describe('AuBedrock9: guardrail profiles outside Australia (CDK app)', () => {
  test('a guardrail whose cross-Region configuration names apac.guardrail.v1:0 fails', () => {
    const { app, stack } = sydneyApp();
    guardrail(stack, profile('apac.guardrail.v1:0'));
    const report = validateApp(app);
    expect(summary(report)).toEqual([
      expect.stringMatching(/^AuBedrock9 error: .*CrossRegionConfig: ".*guardrail-profile\/apac\.guardrail\.v1:0" is not an au\. guardrail-profile/),
    ]);
    expect(report.violations[0].violatingResources[0].locations).toEqual(['Properties/CrossRegionConfig/GuardrailProfileArn']);
    expect(report.violations[0].fix).toMatch(/au\.guardrail\.v1:0/);
  });

  test.each([
    ['guardrail-profile/apac.guardrail.v1:0', profile('apac.guardrail.v1:0')],
    ['guardrail-profile/*', `arn:aws:bedrock:*:${ACCOUNT}:guardrail-profile/*`],
    ['"*"', '*'],
  ])('bedrock:ApplyGuardrail on %s fails, even pinned to Australian Regions', (_what, resource) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, {
      actions: ['bedrock:ApplyGuardrail'],
      resources: [resource],
      conditions: { StringEquals: { 'aws:RequestedRegion': 'ap-southeast-2' } },
    });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(/^AuBedrock9 error: .* grants bedrock:ApplyGuardrail on .*route guardrail checks of your prompts to Regions outside Australia/)]);
  });

  test('bedrock:* on "*" draws AuBedrock1 alone, not a second finding here', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:*'], resources: ['*'] });
    expect(summary(validateApp(app)).map((l) => l.split(' ')[0])).toEqual(['AuBedrock1']);
  });

  test('compliant: au.guardrail.v1:0, a guardrail without cross-Region configuration, ApplyGuardrail on a guardrail in Sydney', () => {
    const { app, stack } = sydneyApp();
    guardrail(stack, profile('au.guardrail.v1:0'));
    new bedrock.CfnGuardrail(stack, 'Plain', { name: 'p', blockedInputMessaging: 'b', blockedOutputsMessaging: 'b' });
    const role = roleWith(stack, { actions: ['bedrock:ApplyGuardrail'], resources: [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:guardrail/abc123`] });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['bedrock:ApplyGuardrail'], resources: [profile('au.guardrail.v1:0')] }));
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock9 on template fragments', () => {
  test('a bare profile ID is read too; a deploy-time profile is a warning', () => {
    const props = (GuardrailProfileArn: unknown) => ({ CrossRegionConfig: { GuardrailProfileArn } });
    expect(runRule(AU_BEDROCK_9, 'AWS::Bedrock::Guardrail', props('us.guardrail.v1:0'))).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(runRule(AU_BEDROCK_9, 'AWS::Bedrock::Guardrail', props({ Ref: 'ProfileArn' }))).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(runRule(AU_BEDROCK_9, 'AWS::Bedrock::Guardrail', props('au.guardrail.v1:0'))).toEqual([]);
  });

  test('NotResource on an ApplyGuardrail Allow is an error', () => {
    expect(runRule(AU_BEDROCK_9, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'bedrock:ApplyGuardrail', NotResource: profile('au.guardrail.v1:0') })))
      .toEqual([expect.objectContaining({ severity: 'error', location: 'Properties/PolicyDocument/Statement/0/NotResource' })]);
  });
});
