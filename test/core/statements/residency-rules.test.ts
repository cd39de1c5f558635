/**
 * Properties of the options of the 2026 surface, over random combinations
 * (seeded): the Region rules cover exactly the services asked for, every path
 * an option opens draws a warning, and nothing else changes.
 */
import * as fc from 'fast-check';
import { REGION_BOUND_PREFIXES } from '../../../src/core/coverage';
import { evaluateScpChain } from '../../../src/core/evaluate/scp-evaluator';
import { coverageWarnings } from '../../../src/core/statements/coverage-warnings';
import { residencyPostureDocument } from '../../../src/core/statements/documents';
import { resolveResidencyRules, SERVICE_SIDE_DEFAULTS, ServiceSideRules } from '../../../src/core/statements/residency-rules';

const FULL = { name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };
const ANY_ACTION: Record<string, string> = {
  'bedrock': 'bedrock:InvokeModel',
  'bedrock-mantle': 'bedrock-mantle:CreateInference',
  'bedrock-agentcore': 'bedrock-agentcore:InvokeAgentRuntime',
  'bedrock-websearch': 'bedrock-websearch:InvokeSearch',
  'agent-registry': 'agent-registry:GetRegistryRecord',
};

/** A resource of the action's service in the Region: content-sending actions always name one. */
function decide(doc: unknown, action: string, region: string): string {
  const resource = `arn:aws:${action.split(':')[0]}:${region}:111122223333:resource/probe`;
  return evaluateScpChain([{ id: 'ou', policies: [FULL, { name: 'posture', document: doc }] }], {
    action, resource, context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app', 'aws:RequestedRegion': region },
  }).decision;
}

const serviceSide = fc.record(
  Object.fromEntries(Object.keys(SERVICE_SIDE_DEFAULTS).map((k) => [k, fc.option(fc.boolean(), { nil: undefined })])),
) as fc.Arbitrary<Partial<ServiceSideRules>>;

describe('residency rules over random options', () => {
  test('covered services are denied outside Australia, the others are not, and each left out draws a warning', () => {
    fc.assert(fc.property(
      fc.subarray(REGION_BOUND_PREFIXES.filter((p) => p !== 'bedrock')), fc.boolean(), serviceSide,
      (others, allowClaude, side) => {
        const input = { coveredServices: ['bedrock', ...others], allowClaudePlatformOnAws: allowClaude, serviceSideInference: side };
        const rules = resolveResidencyRules(input);
        const doc = residencyPostureDocument(rules);
        for (const prefix of REGION_BOUND_PREFIXES) {
          const covered = prefix === 'bedrock' || others.includes(prefix);
          expect({ prefix, abroad: decide(doc, ANY_ACTION[prefix], 'us-east-1') })
            .toEqual({ prefix, abroad: covered ? 'ExplicitlyDenied' : 'Allowed' });
        }
        expect(decide(doc, 'aws-external-anthropic:CreateInference', 'ap-southeast-2')).toBe(allowClaude ? 'Allowed' : 'ExplicitlyDenied');
        const switchedOff = Object.entries(side).filter(([k, v]) => v === false && SERVICE_SIDE_DEFAULTS[k as keyof ServiceSideRules]).length;
        const expected = (REGION_BOUND_PREFIXES.length - 1 - others.length) + (allowClaude ? 1 : 0) + switchedOff;
        expect(coverageWarnings(rules)).toHaveLength(expected);
        // Always allowed: an on-demand call in Sydney and a non-Bedrock service anywhere.
        expect(decide(doc, 'bedrock:InvokeModel', 'ap-southeast-2')).toBe('Allowed');
        expect(decide(doc, 's3:GetObject', 'us-east-1')).toBe('Allowed');
      },
    ), { seed: 9009, numRuns: 200 });
  });
});
