import { SYDNEY_CATALOG } from '../../../src/core/catalog/sydney-catalog.generated';
import { probePaths } from '../../../src/core/probe/probe-paths';
import { probeStatements } from '../../../src/core/probe/probe-statements';
import { ValidationErrors } from '../../../src/core/validation-errors';
import { iamSimulateVerdict } from '../../helpers/iam-simulate-raw';

/**
 * The probe role's identity policy, judged by the independent evaluator: each
 * probed request (and each leg its profile makes) is allowed, and nothing
 * beside it, so that only an SCP can deny a must-deny path.
 */
const ACCOUNT = '333344445555';
const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:role/SovereignBedrockProbe-x`;
const FULL_ACCESS = { id: 'r-root', policies: [{ name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] };
const paths = probePaths(SYDNEY_CATALOG, { originRegion: 'ap-southeast-2' }, new ValidationErrors());
const identity = [{ name: 'probe', document: { Version: '2012-10-17', Statement: probeStatements(paths, ACCOUNT) } }];
const profile = (id: string) => `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/${id}`;

const ROWS: [string, string, string, Record<string, string>, string][] = [
  ['the apac. profile itself', 'bedrock:InvokeModel', profile('apac.amazon.nova-micro-v1:0'), { 'aws:RequestedRegion': 'ap-southeast-2' }, 'Allowed'],
  ['its Tokyo leg', 'bedrock:InvokeModel', 'arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.nova-micro-v1:0',
    { 'aws:RequestedRegion': 'ap-northeast-1', 'bedrock:InferenceProfileArn': profile('apac.amazon.nova-micro-v1:0') }, 'Allowed'],
  ['a Tokyo leg of another profile', 'bedrock:InvokeModel', 'arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.nova-micro-v1:0',
    { 'aws:RequestedRegion': 'ap-northeast-1', 'bedrock:InferenceProfileArn': profile('apac.amazon.nova-lite-v1:0') }, 'ImplicitlyDenied'],
  ['a direct call in Tokyo', 'bedrock:InvokeModel', 'arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.nova-micro-v1:0',
    { 'aws:RequestedRegion': 'ap-northeast-1' }, 'ImplicitlyDenied'],
  ['the direct call in us-east-1', 'bedrock:InvokeModel', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0',
    { 'aws:RequestedRegion': 'us-east-1' }, 'Allowed'],
  ['another model in us-east-1', 'bedrock:InvokeModel', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0',
    { 'aws:RequestedRegion': 'us-east-1' }, 'ImplicitlyDenied'],
  ['the Melbourne leg of the au. profile', 'bedrock:InvokeModel', 'arn:aws:bedrock:ap-southeast-4::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0',
    { 'aws:RequestedRegion': 'ap-southeast-4', 'bedrock:InferenceProfileArn': profile('au.anthropic.claude-haiku-4-5-20251001-v1:0') }, 'Allowed'],
  ['the Region-less leg of the global. profile', 'bedrock:InvokeModel', 'arn:aws:bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0',
    { 'aws:RequestedRegion': 'unspecified', 'bedrock:InferenceProfileArn': profile('global.anthropic.claude-haiku-4-5-20251001-v1:0') }, 'Allowed'],
  ['streaming the same model', 'bedrock:InvokeModelWithResponseStream', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0',
    { 'aws:RequestedRegion': 'us-east-1' }, 'ImplicitlyDenied'],
  ['the AgentCore memory probed', 'bedrock-agentcore:ListActors', `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:memory/SovereignProbeNoSuchMemory-0000000000`,
    { 'aws:RequestedRegion': 'us-east-1' }, 'Allowed'],
  ['another AgentCore memory', 'bedrock-agentcore:ListActors', `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:memory/RealMemory-0123456789`,
    { 'aws:RequestedRegion': 'us-east-1' }, 'ImplicitlyDenied'],
];

test.each(ROWS)('%s: %s is %s', async (_name, action, resource, context, expected) => {
  const verdict = await iamSimulateVerdict([FULL_ACCESS], { principal: PRINCIPAL, action, resource, context }, identity);
  expect(verdict?.decision).toBe(expected);
  expect(verdict?.ignoredContextKeys).toEqual([]);
});
