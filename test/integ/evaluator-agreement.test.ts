/**
 * The audit's own SCP evaluator (src/core/evaluate, shipped) must agree with
 * the independent evaluator (@cloud-copilot/iam-simulate, AGPL, test-only) on
 * the whole decision table and on randomized policies.
 */
import * as fc from 'fast-check';
import { generatedCalls } from './decision-table/generated-calls';
import { ACCOUNT, APP_ROLE, contextOf, foundationModelArn, legsOf, systemProfileArn } from './decision-table/legs';
import { routingProfileLegs } from './decision-table/routing-profile-legs';
import { loadScenarioFiles } from './decision-table/scenario-loader';
import { evaluateScpChain, PolicyLevel } from '../../src/core/evaluate/scp-evaluator';
import { iamSimulateVerdict } from '../helpers/iam-simulate-raw';
import { POLICY_VARIANTS, synthesizedPolicies } from '../helpers/synth-policies';

const FULL = { name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

function chain(ouPolicies: { name: string; document: unknown }[], account = ACCOUNT, fullAtOu = true): PolicyLevel[] {
  return [
    { id: 'r-ab12', policies: [FULL] },
    { id: 'ou-ab12-34cd56ef', policies: [...(fullAtOu ? [FULL] : []), ...ouPolicies] },
    { id: account, policies: [FULL] },
  ];
}

function ours(levels: PolicyLevel[], request: { principal: string; action: string; resource: string; context: Record<string, string | string[]> }) {
  return evaluateScpChain(levels, {
    action: request.action,
    resource: request.resource,
    context: { 'aws:PrincipalArn': request.principal, ...request.context },
  }).decision;
}

describe('agreement on the decision table', () => {
  const requests = [
    ...generatedCalls().flatMap(legsOf).map((leg) => ({
      name: leg.name, principal: leg.principal, action: leg.action, resource: leg.resource, context: contextOf(leg),
    })),
    ...loadScenarioFiles().flatMap((f) => f.rows),
    ...routingProfileLegs().map((l) => ({ ...l, context: { 'aws:RequestedRegion': l.region } })),
  ];
  const policies = synthesizedPolicies();

  test.each(POLICY_VARIANTS.map((v) => [v]))('%s: every row', async (variant) => {
    const levels = chain([{ name: variant, document: policies[variant] }]);
    const disagreements: string[] = [];
    for (const r of requests) {
      const account = r.principal.split(':')[4];
      const l = chain([{ name: variant, document: policies[variant] }], account);
      const theirs = await iamSimulateVerdict(l, r);
      if (!theirs) throw new Error(`iam-simulate rejected ${r.name}`);
      if (ours(l, r) !== theirs.decision) disagreements.push(`${r.name}: ours ${ours(l, r)}, iam-simulate ${theirs.decision}`);
    }
    expect(disagreements).toEqual([]);
    expect(levels).toHaveLength(3);
    expect(requests.length).toBeGreaterThan(700);
  });
});

describe('agreement on randomized policies (property-based)', () => {
  const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
  const requestPool = [
    { action: 'bedrock:InvokeModel', resource: foundationModelArn('ap-southeast-2', 'amazon.nova-pro-v1:0'), context: { 'aws:RequestedRegion': 'ap-southeast-2' } },
    { action: 'bedrock:InvokeModelWithResponseStream', resource: foundationModelArn('ap-southeast-4', SONNET), context: { 'aws:RequestedRegion': 'ap-southeast-4', 'bedrock:InferenceProfileArn': systemProfileArn('ap-southeast-2', 'au.', SONNET) } },
    { action: 'bedrock:InvokeModel', resource: foundationModelArn('ap-northeast-1', SONNET), context: { 'aws:RequestedRegion': 'ap-northeast-1', 'bedrock:InferenceProfileArn': systemProfileArn('ap-southeast-2', 'apac.', SONNET) } },
    { action: 'bedrock:InvokeModel', resource: foundationModelArn('', SONNET), context: { 'aws:RequestedRegion': 'unspecified', 'bedrock:InferenceProfileArn': systemProfileArn('ap-southeast-2', 'global.', SONNET) } },
    { action: 'bedrock:InvokeModel', resource: systemProfileArn('ap-southeast-2', 'global.', SONNET), context: { 'aws:RequestedRegion': 'ap-southeast-2' } },
    { action: 'bedrock-mantle:CreateInference', resource: `arn:aws:bedrock-mantle:us-east-1:${ACCOUNT}:project/p1`, context: { 'aws:RequestedRegion': 'us-east-1' } },
    { action: 'bedrock:ListFoundationModels', resource: '*', context: { 'aws:RequestedRegion': 'eu-west-1' } },
    { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', context: { 'aws:RequestedRegion': 'us-east-1' } },
  ];
  const principals = [APP_ROLE, `arn:aws:iam::${ACCOUNT}:role/BreakGlassAdmin`, `arn:aws:iam::${ACCOUNT}:user/Ops.Person`];

  const actionPattern = fc.constantFrom('*', 'bedrock:*', 'bedrock:Invoke*', 'bedrock:InvokeModel', 'bedrock:invokemodel',
    'bedrock:InvokeModel?ithResponseStream', 'bedrock-mantle:*', 's3:*', 'bedrock:List*');
  const resourcePattern = fc.constantFrom('*', 'arn:aws:bedrock:*::foundation-model/*', 'arn:aws:bedrock:ap-southeast-2::foundation-model/*',
    'arn:aws:bedrock:ap-southeast-?::foundation-model/*', 'arn:aws:bedrock:*:*:inference-profile/au.*', 'arn:aws:bedrock:ap-*',
    'arn:aws:bedrock:*:*:*', 'arn:aws:s3:::*', 'arn:aws:bedrock:::foundation-model/*', 'arn:aws:bedrock-mantle:*');
  const profileValues = fc.constantFrom('arn:aws:bedrock:*:*:inference-profile/au.*', 'arn:aws:bedrock:*:*:inference-profile/global.*',
    'arn:aws:bedrock:ap-southeast-2:*:inference-profile/*', `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/apac.${SONNET}`);
  const regionValues = fc.constantFrom('ap-southeast-2', 'ap-southeast-4', 'ap-southeast-*', 'us-*', 'unspecified', 'AP-SOUTHEAST-2', 'eu-west-?');
  const principalValues = fc.constantFrom('arn:aws:iam::*:role/BreakGlass*', `arn:aws:iam::${ACCOUNT}:role/workload-app`, 'arn:aws:iam::*:user/*');

  const values = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.uniqueArray(arb, { minLength: 1, maxLength: 3 }));
  const stringOps = ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase',
    'StringEqualsIfExists', 'StringNotEqualsIfExists', 'StringLikeIfExists', 'ForAnyValue:StringLike', 'ForAllValues:StringEquals', 'ForAllValues:StringNotLike'];
  const arnOps = ['ArnLike', 'ArnNotLike', 'ArnEquals', 'ArnNotEquals', 'ArnLikeIfExists', 'ArnNotLikeIfExists', 'ForAnyValue:ArnLike'];
  const conditionEntry = fc.oneof(
    fc.tuple(fc.constantFrom(...stringOps), fc.constant('aws:RequestedRegion'), values(regionValues)),
    fc.tuple(fc.constantFrom(...arnOps), fc.constantFrom('bedrock:InferenceProfileArn', 'aws:PrincipalArn'), values(fc.oneof(profileValues, principalValues))),
    fc.tuple(fc.constant('Null'), fc.constantFrom('bedrock:InferenceProfileArn', 'aws:RequestedRegion', 'aws:SourceIp'), fc.constantFrom('true', 'false')),
    fc.tuple(fc.constantFrom('Bool', 'BoolIfExists'), fc.constant('aws:SecureTransport'), fc.constantFrom('true', 'false')),
    fc.tuple(fc.constantFrom('IpAddress', 'NotIpAddress', 'IpAddressIfExists'), fc.constant('aws:SourceIp'), values(fc.constantFrom('10.0.0.0/8', '192.168.1.7/32', '203.0.113.0/24'))),
    fc.tuple(fc.constantFrom('NumericLessThan', 'NumericGreaterThanEquals', 'NumericEquals', 'NumericNotEquals'), fc.constant('aws:MultiFactorAuthAge'), fc.constantFrom('0', '3600')),
    fc.tuple(fc.constantFrom('DateGreaterThan', 'DateLessThanEquals', 'DateNotEquals'), fc.constant('aws:CurrentTime'), fc.constantFrom('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')),
  );
  // Optional global context a real request may or may not carry.
  const extraContext = fc.record({
    'aws:SecureTransport': fc.constantFrom('true', 'false'),
    'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.168.1.7', '198.51.100.9'),
    'aws:MultiFactorAuthAge': fc.constantFrom('0', '600', '7200'),
    'aws:CurrentTime': fc.constantFrom('2026-11-22T03:00:00Z', '2025-06-01T00:00:00Z'),
  }, { requiredKeys: [] });
  const condition = fc.array(conditionEntry, { maxLength: 3 }).map((entries) => {
    const c: Record<string, Record<string, unknown>> = {};
    for (const [op, key, v] of entries) c[op] = { ...(c[op] ?? {}), [key]: v };
    return c;
  });
  const statement = fc.record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    actions: values(actionPattern),
    notAction: fc.boolean(),
    resources: values(resourcePattern),
    notResource: fc.boolean(),
    Condition: condition,
  }).map((s) => ({
    Effect: s.Effect,
    ...(s.notAction ? { NotAction: s.actions } : { Action: s.actions }),
    ...(s.notResource ? { NotResource: s.resources } : { Resource: s.resources }),
    ...(Object.keys(s.Condition).length > 0 ? { Condition: s.Condition } : {}),
  }));
  const policy = fc.array(statement, { minLength: 1, maxLength: 4 }).map((Statement) => ({ name: 'random', document: { Version: '2012-10-17', Statement } }));

  test('our evaluator and iam-simulate agree', async () => {
    let compared = 0;
    await fc.assert(fc.asyncProperty(
      fc.array(policy, { minLength: 1, maxLength: 2 }), fc.boolean(), fc.constantFrom(...requestPool), fc.constantFrom(...principals), extraContext,
      async (ouPolicies, fullAtOu, req, principal, extra) => {
        const levels = chain(ouPolicies.map((p, i) => ({ ...p, name: `p${i}` })), ACCOUNT, fullAtOu);
        const request = { principal, ...req, context: { ...req.context, ...extra } as Record<string, string> };
        const theirs = await iamSimulateVerdict(levels, request);
        if (!theirs) return true; // input its validator rejects: not comparable
        // Keys the evaluator dropped as not applicable to the action are absent in AWS too.
        for (const k of theirs.ignoredContextKeys) delete request.context[k];
        compared++;
        return ours(levels, request) === theirs.decision;
      }), { numRuns: 1500, seed: Number(process.env.AGREEMENT_SEED ?? 20261122) });
    // Most generated inputs must be comparable, or the property proves little.
    expect(compared).toBeGreaterThan(1000);
  });
});
