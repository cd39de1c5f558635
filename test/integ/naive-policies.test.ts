/**
 * Why the policies look the way they do: the naive designs that FACTS.md warns
 * about, evaluated by the same independent evaluator on the same legs.
 */
import { ACCOUNT, foundationModelArn, systemProfileArn } from './decision-table/legs';
import { simulate } from './decision-table/simulate';
import { synthesizedPolicies } from '../helpers/synth-policies';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const melbourneLegOfAuCall = {
  principal: `arn:aws:iam::${ACCOUNT}:role/workload-app`,
  action: 'bedrock:InvokeModel',
  resource: foundationModelArn('ap-southeast-4', SONNET_45),
  context: {
    'aws:RequestedRegion': 'ap-southeast-4',
    'bedrock:InferenceProfileArn': systemProfileArn('ap-southeast-2', 'au.', SONNET_45),
  },
};

function policy(statement: object) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Resource: '*', ...statement }] };
}

test('a Sydney-only Region allow-list without the profile-leg exemption breaks au. calls served in Melbourne', async () => {
  const naive = policy({ Action: 'bedrock:*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['ap-southeast-2'] } } });
  expect((await simulate(melbourneLegOfAuCall, [{ name: 'naive', policy: naive }])).decision).toBe('Denied');

  const ours = synthesizedPolicies().regionAllowlist;
  expect((await simulate(melbourneLegOfAuCall, [{ name: 'ours', policy: ours }])).decision).toBe('Allowed');
});

test('a Region allow-list on bedrock:* alone leaves Bedrock Mantle open abroad', async () => {
  const mantleInUsEast1 = {
    principal: `arn:aws:iam::${ACCOUNT}:role/workload-app`,
    action: 'bedrock-mantle:CreateInference',
    resource: `arn:aws:bedrock-mantle:us-east-1:${ACCOUNT}:project/proj1234`,
    context: { 'aws:RequestedRegion': 'us-east-1' },
  };
  const naive = policy({ Action: 'bedrock:*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['ap-southeast-2'] } } });
  expect((await simulate(mantleInUsEast1, [{ name: 'naive', policy: naive }])).decision).toBe('Allowed');
  expect((await simulate(mantleInUsEast1, [{ name: 'ours', policy: synthesizedPolicies().regionAllowlist }])).decision).toBe('Denied');
});

test('denying "global" instead of "unspecified" never matches a global. leg', async () => {
  const globalLeg = {
    principal: `arn:aws:iam::${ACCOUNT}:role/workload-app`,
    action: 'bedrock:InvokeModel',
    resource: foundationModelArn('', SONNET_45),
    context: {
      'aws:RequestedRegion': 'unspecified',
      'bedrock:InferenceProfileArn': systemProfileArn('ap-southeast-2', 'global.', SONNET_45),
    },
  };
  const naive = policy({ Action: 'bedrock:*', Condition: { StringEquals: { 'aws:RequestedRegion': 'global' } } });
  expect((await simulate(globalLeg, [{ name: 'naive', policy: naive }])).decision).toBe('Allowed');
  expect((await simulate(globalLeg, [{ name: 'ours', policy: synthesizedPolicies().auOnly }])).decision).toBe('Denied');
});
