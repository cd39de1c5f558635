import * as iam from 'aws-cdk-lib/aws-iam';
import { AU_BEDROCK_16 } from '../../../src/checks/rules/au-bedrock-16-no-australian-processing';
import { NO_AUSTRALIAN_PROCESSING_DATA_ACTIONS, NO_AUSTRALIAN_PROCESSING_PREFIXES } from '../../../src/core/checks/service-actions';
import { DENIED_EVERYWHERE_PREFIXES } from '../../../src/core/surface/ai-surface';
import { ACCOUNT, policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

const run = (region: string) => `arn:aws:nova-act:${region}:${ACCOUNT}:workflow-definition/checkout/workflow-run/run-1`;

describe('AuBedrock16: services with no Australian processing (CDK app)', () => {
  test.each([
    ['nova-act:CreateAct', '*'],
    ['nova-act:InvokeActStep', run('us-east-1')],
    ['nova-act:InvokeActStep', run('ap-southeast-2')],
    ['nova-act:*', run('*')],
  ])('%s on %s fails, even in Sydney', (action, resource) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: [action], resources: [resource] });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(/^AuBedrock16 error: .*AWS documents no Australian Region for nova-act/)]);
  });

  test('compliant: read and list actions, and a Deny of nova-act:*', () => {
    const { app, stack } = sydneyApp();
    const role = roleWith(stack, { actions: ['nova-act:Get*', 'nova-act:List*'], resources: ['*'] });
    role.addToPolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['nova-act:*'], resources: ['*'] }));
    expect(validateApp(app).violations).toEqual([]);
  });

  test('reads the AI surface table: every denied-everywhere prefix but Claude Platform (AuBedrock7)', () => {
    expect(NO_AUSTRALIAN_PROCESSING_PREFIXES).toEqual(DENIED_EVERYWHERE_PREFIXES.filter((p) => p !== 'aws-external-anthropic'));
    expect(NO_AUSTRALIAN_PROCESSING_DATA_ACTIONS).toEqual(expect.arrayContaining(['nova-act:CreateAct', 'nova-act:InvokeActStep']));
    expect(NO_AUSTRALIAN_PROCESSING_DATA_ACTIONS).not.toContain('nova-act:ListModels');
    expect(runRule(AU_BEDROCK_16, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'nova-act:CreateAct', Resource: 'arn:aws:s3:::bucket/*' }))).toEqual([]);
  });
});
