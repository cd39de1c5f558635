import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SovereignBedrockInvoker } from '../../src';
import { errorOf } from '../helpers/errors';
import { invokerStack, synthesizedInvokerPolicy } from '../helpers/invoker';
import { synthesizedPolicies } from '../helpers/synth-policies';
import { ACCOUNT, foundationModelArn, systemProfileArn } from '../integ/decision-table/legs';
import { simulate } from '../integ/decision-table/simulate';

const lambdaPrincipal = () => new iam.ServicePrincipal('lambda.amazonaws.com');


describe('SovereignBedrockInvoker: the policy', () => {
  test('default identity policy (snapshot)', () => {
    expect(synthesizedInvokerPolicy()).toMatchSnapshot();
  });

  test('narrowed to named models (snapshot): on-demand by base ID, au. by profile and its two legs', () => {
    expect(synthesizedInvokerPolicy({ models: ['Nova Pro', 'Claude Sonnet 4.5'] })).toMatchSnapshot();
  });

  test('the Melbourne leg is allowed only when it carries an au. profile of this account', () => {
    const doc: any = synthesizedInvokerPolicy();
    const legs = doc.Statement.find((s: any) => s.Sid === 'InvokeModelLegsOfAustralianProfiles');
    expect(legs.Resource).toEqual([
      'arn:aws:bedrock:ap-southeast-2::foundation-model/*',
      'arn:aws:bedrock:ap-southeast-4::foundation-model/*',
    ]);
    expect(legs.Condition).toEqual({ ArnLike: { 'bedrock:InferenceProfileArn': [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/au.*`] } });
  });

  test('nothing names another Region, geography or service', () => {
    const text = JSON.stringify(synthesizedInvokerPolicy({ allowBatchInference: true }));
    for (const r of text.match(/arn:aws:bedrock:[a-z0-9-]*:/g) ?? []) expect(['arn:aws:bedrock:ap-southeast-2:', 'arn:aws:bedrock:ap-southeast-4:']).toContain(r);
    expect(text).not.toMatch(/apac\.|global\.|us\.|eu\./);
    for (const a of (synthesizedInvokerPolicy({ allowBatchInference: true }) as any).Statement.flatMap((s: any) => [].concat(s.Action))) {
      expect(a).toMatch(/^bedrock:/);
    }
  });

  test('guardrails in Sydney with the au. guardrail profile, own models in Sydney, short-term keys in Sydney: each opt-in', () => {
    const doc: any = synthesizedInvokerPolicy({
      guardrails: ['gr1abc2def3g', `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:guardrail/zz9zz9zz9zz9`],
      provisionedOrCustomModelArns: [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:provisioned-model/pt0123abcd45`],
      allowShortTermApiKeys: true,
    });
    const by = (sid: string) => doc.Statement.find((x: any) => x.Sid === sid);
    expect(by('ApplyGuardrailsInSydney')).toEqual({
      Sid: 'ApplyGuardrailsInSydney',
      Effect: 'Allow',
      Action: 'bedrock:ApplyGuardrail',
      Resource: [
        `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:guardrail/gr1abc2def3g`,
        `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:guardrail/zz9zz9zz9zz9`,
        `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:guardrail-profile/au.guardrail.v1:0`,
      ],
    });
    expect(by('InvokeOwnModelsInSydney').Condition).toEqual({ Null: { 'bedrock:InferenceProfileArn': 'true' } });
    expect(by('ShortTermApiKeysInSydney').Condition).toEqual({
      StringEquals: { 'bedrock:BearerTokenType': 'SHORT_TERM', 'aws:RequestedRegion': 'ap-southeast-2' },
    });
    const dflt: any = synthesizedInvokerPolicy();
    expect(dflt.Statement.map((x: any) => x.Sid)).toEqual([
      'InvokeOnDemandInSydney', 'InvokeAustralianInferenceProfiles', 'InvokeModelLegsOfAustralianProfiles', 'CountTokensInSydney',
    ]);
    expect(JSON.stringify(synthesizedInvokerPolicy({ allowCountTokens: false }))).not.toMatch(/CountTokens/);
  });

  test('streaming can be switched off', () => {
    const doc: any = synthesizedInvokerPolicy({ allowStreaming: false });
    for (const s of doc.Statement.filter((x: any) => x.Sid.startsWith('Invoke'))) expect(s.Action).toBe('bedrock:InvokeModel');
    expect(JSON.stringify(doc)).not.toMatch(/ResponseStream/);
  });

  test('batch inference: jobs in Sydney, and the service role passed to Bedrock only', () => {
    const stack = invokerStack();
    const serviceRole = new iam.Role(stack, 'BatchRole', { assumedBy: new iam.ServicePrincipal('bedrock.amazonaws.com') });
    new SovereignBedrockInvoker(stack, 'Invoker', { assumedBy: lambdaPrincipal(), allowBatchInference: true, batchServiceRole: serviceRole });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'ManageBatchInferenceJobsInSydney', Resource: `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:model-invocation-job/*` }),
          Match.objectLike({
            Sid: 'PassBatchServiceRoleToBedrock',
            Action: 'iam:PassRole',
            Condition: { StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' } },
          }),
        ]),
      },
    });
  });
});

describe('SovereignBedrockInvoker: idioms', () => {
  test('role, grantPrincipal and the model ID for a Lambda environment', () => {
    const stack = invokerStack();
    const invoker = new SovereignBedrockInvoker(stack, 'Invoker', { assumedBy: lambdaPrincipal(), models: ['Claude Haiku 4.5'] });
    const fn = new lambda.Function(stack, 'Fn', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => {}'),
      role: invoker.role,
      environment: { BEDROCK_MODEL_ID: invoker.modelId },
    });
    expect(invoker.grantPrincipal).toBe(invoker.role);
    expect(invoker.modelIds).toEqual(['au.anthropic.claude-haiku-4-5-20251001-v1:0']);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { BEDROCK_MODEL_ID: 'au.anthropic.claude-haiku-4-5-20251001-v1:0' } },
    });
    expect(fn.role).toBe(invoker.role);
  });

  test('modelId needs exactly one model', () => {
    const invoker = new SovereignBedrockInvoker(invokerStack(), 'Invoker', { assumedBy: lambdaPrincipal() });
    expect(() => invoker.modelId).toThrow(/modelId needs exactly one model in models \(got 0\); use modelIds/);
  });

  test('grantInvoke gives another principal the same invocation rights, not batch', () => {
    const stack = invokerStack();
    const invoker = new SovereignBedrockInvoker(stack, 'Invoker', { assumedBy: lambdaPrincipal(), allowBatchInference: true });
    const other = new iam.Role(stack, 'Other', { assumedBy: lambdaPrincipal() });
    invoker.grantInvoke(other);
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^Other') }] } });
    const statements = (Object.values(policies)[0] as any).Properties.PolicyDocument.Statement;
    expect(statements).toHaveLength(4);
    expect(JSON.stringify(statements)).not.toMatch(/ModelInvocationJob/);
  });

  test('an existing role gets the policy attached', () => {
    const stack = invokerStack();
    const existing = new iam.Role(stack, 'Existing', { assumedBy: lambdaPrincipal() });
    const invoker = new SovereignBedrockInvoker(stack, 'Invoker', { role: existing });
    expect(invoker.role).toBe(existing);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', { Roles: [{ Ref: Match.stringLikeRegexp('^Existing') }] });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 1);
  });

  test('a bedrock-runtime interface endpoint whose policy allows the same paths only', () => {
    const stack = invokerStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    new SovereignBedrockInvoker(stack, 'Invoker', { assumedBy: lambdaPrincipal(), vpc, models: ['amazon.nova-pro-v1:0'] });
    const endpoint = Object.values(Template.fromStack(stack).findResources('AWS::EC2::VPCEndpoint'))[0] as any;
    expect(endpoint.Properties.ServiceName).toBe('com.amazonaws.ap-southeast-2.bedrock-runtime');
    expect(endpoint.Properties.PrivateDnsEnabled).toBe(true);
    expect(endpoint.Properties.PolicyDocument.Statement).toEqual([{
      Sid: 'InvokeOnDemandInSydney',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: 'arn:aws:bedrock:ap-southeast-2::foundation-model/amazon.nova-pro-v1:0',
      Condition: { Null: { 'bedrock:InferenceProfileArn': 'true' } },
    }, {
      Sid: 'CountTokensInSydney',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'bedrock:CountTokens',
      Resource: 'arn:aws:bedrock:ap-southeast-2::foundation-model/amazon.nova-pro-v1:0',
    }]);
  });
});

describe('SovereignBedrockInvoker: bad input', () => {
  test.each([
    ['a model with no Australian path says why and what to use', { models: ['Claude Opus 4.5'] },
      /models\[0\]: Claude Opus 4\.5 is reachable from Sydney only through global\.\* \(any commercial Region worldwide\): no Australian path\. Use instead: Claude Opus 4\.7 \(au\.anthropic\.claude-opus-4-7\), Claude Sonnet 4\.6 \(au\.anthropic\.claude-sonnet-4-6\), Claude Opus 4\.6/],
    ['a guardrail in another Region', { guardrails: ['arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123'] },
      /guardrails\[0\]: "arn:aws:bedrock:us-east-1:111122223333:guardrail\/abc123" is not a guardrail ARN in ap-southeast-2\./],
    ['a guardrail profile other than au.', { guardrails: ['arn:aws:bedrock:ap-southeast-2:111122223333:guardrail-profile/apac.guardrail.v1:0'] },
      /guardrails\[0\]: .* a guardrail profile other than au\.guardrail\.v1:0 routes outside Australia/],
    ['a provisioned model outside Sydney', { provisionedOrCustomModelArns: ['arn:aws:bedrock:us-west-2:111122223333:provisioned-model/abc'] },
      /provisionedOrCustomModelArns\[0\]: "arn:aws:bedrock:us-west-2:111122223333:provisioned-model\/abc" is not a provisioned, custom or imported model ARN in ap-southeast-2/],
    ['a foundation model passed as a provisioned model', { provisionedOrCustomModelArns: ['arn:aws:bedrock:ap-southeast-2::foundation-model/amazon.nova-pro-v1:0'] },
      /provisionedOrCustomModelArns\[0\]: .* is not a provisioned, custom or imported model ARN in ap-southeast-2/],
    ['a global. ID points at the au. ID', { models: ['global.anthropic.claude-sonnet-4-6'] },
      /models\[0\]: global\.anthropic\.claude-sonnet-4-6 names the global\. profile of Claude Sonnet 4\.6.* Use au\.anthropic\.claude-sonnet-4-6 instead/],
    ['an unknown model ID', { models: ['anthropic.claude-9'] }, /models\[0\]: "anthropic\.claude-9" is not in the Sydney model catalog/],
    ['an empty model list', { models: [] }, /models: must not be empty\. Omit it to allow every residency-safe model/],
    ['the same model twice', { models: ['Claude Sonnet 4.5', 'au.anthropic.claude-sonnet-4-5-20250929-v1:0'] }, /models\[1\]: .* is the same model as models\[0\]/],
    ['neither assumedBy nor role', { assumedBy: undefined }, /assumedBy: give exactly one of assumedBy .* and role/],
    ['a batch role without batch', { batchServiceRole: iam.Role.fromRoleArn(invokerStack(), 'R', `arn:aws:iam::${ACCOUNT}:role/batch`) }, /batchServiceRole: is only used with allowBatchInference: true/],
  ])('%s', (_name, props, message) => {
    const msg = errorOf(() => new SovereignBedrockInvoker(invokerStack(), 'Invoker', { assumedBy: lambdaPrincipal(), ...props } as any));
    expect(msg).toMatch(/^SovereignBedrockInvoker at Workload\/Invoker: invalid props/);
    expect(msg).toMatch(message);
  });

  test('every problem is reported together', () => {
    const msg = errorOf(() => new SovereignBedrockInvoker(invokerStack(), 'Invoker', { assumedBy: lambdaPrincipal(), models: ['Claude Opus 4.5', 'nope', 'Nova Pro'] }));
    expect(msg).toMatch(/invalid props \(2 problems\)/);
  });
});

describe('SovereignBedrockInvoker narrowed to models, evaluated under the posture SCP', () => {
  const scp = [{ name: 'posture', policy: synthesizedPolicies().posture }];
  const identity = [{ name: 'invoker', policy: synthesizedInvokerPolicy({ models: ['Nova Pro', 'Claude Sonnet 4.5'] }) }];
  const role = `arn:aws:iam::${ACCOUNT}:role/workload-app`;
  const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
  const SONNET_46 = 'anthropic.claude-sonnet-4-6';
  const leg = (resource: string, region: string, profile?: string) => ({
    principal: role,
    action: 'bedrock:InvokeModel',
    resource,
    context: { 'aws:RequestedRegion': region, ...(profile ? { 'bedrock:InferenceProfileArn': profile } : {}) },
  });

  test.each([
    ['Nova Pro direct in Sydney', leg(foundationModelArn('ap-southeast-2', 'amazon.nova-pro-v1:0'), 'ap-southeast-2'), 'Allowed'],
    ['Nova Lite direct in Sydney (not named)', leg(foundationModelArn('ap-southeast-2', 'amazon.nova-lite-v1:0'), 'ap-southeast-2'), 'Denied'],
    ['Sonnet 4.5 au. profile check', leg(systemProfileArn('ap-southeast-2', 'au.', SONNET_45), 'ap-southeast-2'), 'Allowed'],
    ['Sonnet 4.5 au. Melbourne leg', leg(foundationModelArn('ap-southeast-4', SONNET_45), 'ap-southeast-4', systemProfileArn('ap-southeast-2', 'au.', SONNET_45)), 'Allowed'],
    ['Sonnet 4.6 au. profile check (not named)', leg(systemProfileArn('ap-southeast-2', 'au.', SONNET_46), 'ap-southeast-2'), 'Denied'],
    ['Sonnet 4.5 direct in Sydney (not an on-demand model: no such grant)', leg(foundationModelArn('ap-southeast-2', SONNET_45), 'ap-southeast-2'), 'Denied'],
    ['Sonnet 4.5 global. profile check', leg(systemProfileArn('ap-southeast-2', 'global.', SONNET_45), 'ap-southeast-2'), 'Denied'],
  ])('%s', async (_name, request, expected) => {
    const outcome = await simulate(request, scp, identity);
    expect(outcome.ignoredContextKeys).toEqual([]);
    expect(outcome.decision).toBe(expected);
  });
});
