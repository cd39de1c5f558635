/**
 * Soundness of the audit (property-based): postures that leave a path open
 * never read PROTECTED, and each leak the audit reports is confirmed by the
 * independent evaluator (@cloud-copilot/iam-simulate, AGPL, test-only). The
 * library's own postures always read PROTECTED.
 */
import * as fc from 'fast-check';
import { ResidencyPolicies, ResidencyPolicyOptions } from '../../src';
import { judgeChain } from '../../src/core/audit/judge-chain';
import { surfaceActions } from '../../src/core/audit/service-surface';
import { Protection } from '../../src/core/audit/verdict';
import { COMMERCIAL_REGIONS } from '../../src/core/regions';
import { fullSurfacePosture } from '../helpers/full-surface-posture';
import { iamSimulateVerdict } from '../helpers/iam-simulate-raw';

const ACCOUNT = '111111111111';
const FULL = { name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };
const chainOf = (...documents: unknown[]) => [
  { id: 'r-ab12', policies: [FULL] },
  { id: 'ou-ab12-34cd56ef', policies: [FULL, ...documents.map((document, i) => ({ name: `p${i}`, document }))] },
  { id: ACCOUNT, policies: [FULL] },
];

type Mutation =
  | { kind: 'drop-action'; action: string }
  | { kind: 'drop-region'; region: string }
  | { kind: 'drop-statement'; sid: string }
  | { kind: 'carve-out'; pattern: string }
  | { kind: 'exempt-condition'; operator: string; key: string; value: string };

const ACTIONS = surfaceActions().map((a) => a.action);
const FOREIGN = [...COMMERCIAL_REGIONS.filter((r) => r !== 'ap-southeast-2' && r !== 'ap-southeast-4'), 'unspecified'];
const SIDS = fullSurfacePosture().Statement.map((s: any) => s.Sid as string);
const CARVE_OUTS = [
  'arn:aws:bedrock:*::foundation-model/anthropic.*', 'arn:aws:bedrock:*::foundation-model/*', 'arn:aws:bedrock:*:*:knowledge-base/*',
  'arn:aws:bedrock-agentcore:*:*:memory/*', 'arn:aws:bedrock-agentcore:*:*:runtime/*', 'arn:aws:bedrock-mantle:*:*:project/*',
  'arn:aws:bedrock:us-*', 'arn:aws:bedrock:*:*:agent-alias/*',
];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...ACTIONS).map((action) => ({ kind: 'drop-action' as const, action })),
  fc.constantFrom(...FOREIGN).map((region) => ({ kind: 'drop-region' as const, region })),
  fc.constantFrom(...SIDS).map((sid) => ({ kind: 'drop-statement' as const, sid })),
  fc.constantFrom(...CARVE_OUTS).map((pattern) => ({ kind: 'carve-out' as const, pattern })),
  fc.record({
    operator: fc.constantFrom('StringNotEquals', 'StringNotLike', 'StringNotEqualsIgnoreCase'),
    key: fc.constantFrom('aws:PrincipalTag/residency-exempt', 'aws:SourceVpce', 'aws:PrincipalAccount', 'aws:CalledViaFirst', 'aws:userid'),
    value: fc.constantFrom('true', 'vpce-0abc', '222222222222', 'bedrock.amazonaws.com', 'AROAEXAMPLE:*'),
  }).map((r) => ({ kind: 'exempt-condition' as const, ...r })),
);

/** Applies a near miss to the reference posture in a way that opens at least one path the standard requires closed. */
function apply(m: Mutation): any {
  const doc = JSON.parse(JSON.stringify(fullSurfacePosture()));
  const statements: any[] = doc.Statement;
  const prefix = (a: string) => a.slice(0, a.indexOf(':'));
  switch (m.kind) {
    case 'drop-action': {
      // Every statement naming the action's prefix with a wildcard gets the explicit list of its actions, less one.
      const rest = ACTIONS.filter((a) => prefix(a) === prefix(m.action) && a !== m.action);
      for (const s of statements) {
        const actions: string[] = Array.isArray(s.Action) ? s.Action : [s.Action];
        if (actions.includes(`${prefix(m.action)}:*`)) s.Action = [...actions.filter((a) => a !== `${prefix(m.action)}:*`), ...rest];
      }
      break;
    }
    case 'drop-region': {
      // The Region statements become a deny-list of every foreign Region but one.
      doc.Statement = statements.filter((s) => s.Sid !== 'DenyOriginOutsideSydney');
      doc.Statement.find((s: any) => s.Sid === 'DenyOutsideAustralia').Condition = {
        StringEquals: { 'aws:RequestedRegion': FOREIGN.filter((r) => r !== m.region) },
      };
      break;
    }
    case 'drop-statement':
      doc.Statement = statements.filter((s) => s.Sid !== m.sid);
      break;
    case 'carve-out':
      for (const s of statements.filter((x) => x.Resource === '*')) {
        delete s.Resource;
        s.NotResource = m.pattern;
      }
      break;
    case 'exempt-condition':
      for (const s of statements) s.Condition = { ...(s.Condition ?? {}), [m.operator]: { ...(s.Condition?.[m.operator] ?? {}), [m.key]: m.value } };
      break;
  }
  return doc;
}

describe('audit soundness (property-based)', () => {
  test('the reference posture reads PROTECTED', () => {
    expect(judgeChain(chainOf(fullSurfacePosture())).protection).toBe(Protection.PROTECTED);
  });

  test('random near misses never read PROTECTED, and iam-simulate confirms a reported leak', async () => {
    const seen = new Set<string>();
    let confirmed = 0;
    await fc.assert(fc.asyncProperty(mutation, async (m) => {
      seen.add(m.kind);
      const chain = chainOf(apply(m));
      const v = judgeChain(chain);
      if (v.protection === Protection.PROTECTED || v.protection === Protection.ERROR) return false;
      // Confirm one leak with the independent evaluator. It drops context keys the Service Authorization
      // Reference does not list for an action (the profile key on batch jobs, say): such a request is not
      // comparable, so the first leak it evaluates in full must be allowed there too.
      for (const leak of v.failures.filter((f) => f.expected === 'Denied').slice(0, 10)) {
        const theirs = await iamSimulateVerdict(chain, {
          principal: String(leak.request!.context['aws:PrincipalArn']),
          action: leak.request!.action,
          resource: leak.request!.resource,
          context: Object.fromEntries(Object.entries(leak.request!.context).filter(([k]) => k !== 'aws:PrincipalArn')) as Record<string, string>,
        });
        if (!theirs || theirs.ignoredContextKeys.length > 0) continue;
        confirmed++;
        return theirs.decision === 'Allowed';
      }
      return true;
    }), { numRuns: 100, seed: 20261123 });
    expect(confirmed).toBeGreaterThan(80);
    expect([...seen].sort()).toEqual(['carve-out', 'drop-action', 'drop-region', 'drop-statement', 'exempt-condition']);
  });
});

/**
 * FAILS until issue 9 merges: on this branch the library's postures do not yet
 * cover bedrock-agentcore, bedrock-websearch, aws-external-anthropic, or
 * non-au. guardrail and data-automation profiles, and the audit says so.
 */
describe('the library\'s own postures always read PROTECTED (property-based)', () => {
  const options: fc.Arbitrary<ResidencyPolicyOptions> = fc.record({
    allowedRegions: fc.constantFrom(['ap-southeast-2'], ['ap-southeast-2', 'ap-southeast-4']),
    exemptPrincipalArns: fc.constantFrom([], ['arn:aws:iam::*:role/BreakGlass*'], ['arn:aws:iam::*:role/BreakGlassAdmin', 'arn:aws:iam::123456789012:role/Pipeline']),
    denyGlobalCrossRegionInference: fc.boolean(),
    allowedApplicationInferenceProfileArns: fc.constantFrom([], ['arn:aws:bedrock:ap-southeast-2:111111111111:application-inference-profile/a1b2c3d4e5f6']),
  }, { requiredKeys: ['allowedRegions'] });

  test('single slot and two locks, with and without break-glass', () => {
    fc.assert(fc.property(options, fc.boolean(), (o, twoLocks) => {
      const docs = twoLocks ? [ResidencyPolicies.auOnlyInference(o), ResidencyPolicies.regionAllowlist(o)] : [ResidencyPolicies.posture(o)];
      const v = judgeChain(chainOf(...docs), { allowedRegions: o.allowedRegions });
      if (v.protection !== Protection.PROTECTED) throw new Error(`${JSON.stringify(o)} two locks=${twoLocks}: ${v.protection}: ${v.failures[0]?.description}`);
      return v.escapeHatches.every((h) => !h.broad);
    }), { numRuns: 40, seed: 20261124 });
  });
});
