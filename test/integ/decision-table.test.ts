/**
 * The decision table: real authorisation legs evaluated by an independent IAM
 * evaluator (@cloud-copilot/iam-simulate) against the SCPs exactly as
 * synthesized, under a FullAWSAccess organization hierarchy.
 */
import { callKeepsDataInAustralia, expectedInvokerDecision, expectedLegDecision } from './decision-table/expectations';
import { generatedCalls } from './decision-table/generated-calls';
import { contextOf, Leg, legsOf } from './decision-table/legs';
import { expectedInvokerRoutingDecision, expectedRoutingLegDecision, routingProfileLegs } from './decision-table/routing-profile-legs';
import { loadScenarioFiles } from './decision-table/scenario-loader';
import { simulate } from './decision-table/simulate';
import { synthesizedInvokerPolicy } from '../helpers/invoker';
import { POLICY_VARIANTS, synthesizedPolicies } from '../helpers/synth-policies';

const scenarioFiles = loadScenarioFiles();

// The invoker column: SovereignBedrockInvoker's default role policy as the
// identity policy, under the posture SCP.
const invokerIdentity = [{ name: 'invoker', policy: synthesizedInvokerPolicy() }];

describe.each(scenarioFiles.map((f) => [f.file, f] as const))('hand-written table %s', (_file, scenario) => {
  const policies = synthesizedPolicies(scenario.options);
  // The invoker column: a role made by SovereignBedrockInvoker with the file's props.
  const scenarioInvoker = [{ name: 'invoker', policy: synthesizedInvokerPolicy(scenario.invoker) }];

  test.each(scenario.rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const actual: Record<string, string> = {};
    for (const variant of POLICY_VARIANTS) {
      const outcome = await simulate(row, [{ name: variant, policy: policies[variant] }]);
      expect(outcome.ignoredContextKeys).toEqual([]);
      actual[variant] = outcome.decision;
    }
    if (row.expectInvoker) {
      const outcome = await simulate(row, [{ name: 'posture', policy: policies.posture }], scenarioInvoker);
      expect(outcome.ignoredContextKeys).toEqual([]);
      actual.invoker = outcome.decision;
    }
    expect(actual).toEqual({ ...row.expect, ...(row.expectInvoker ? { invoker: row.expectInvoker } : {}) });
  });
});

describe('generated from the Sydney model matrix (default posture)', () => {
  const policies = synthesizedPolicies();
  const calls = generatedCalls();
  const rows: [string, Leg][] = calls.flatMap((call) => legsOf(call).map((leg) => [leg.name, leg] as [string, Leg]));

  test('the table is large enough to mean something', () => {
    expect(calls.length).toBeGreaterThanOrEqual(300);
    expect(rows.length).toBeGreaterThanOrEqual(600);
  });

  test.each(rows)('%s', async (_name, leg) => {
    const request = { principal: leg.principal, action: leg.action, resource: leg.resource, context: contextOf(leg) };
    for (const variant of POLICY_VARIANTS) {
      const outcome = await simulate(request, [{ name: variant, policy: policies[variant] }]);
      expect(outcome.ignoredContextKeys).toEqual([]);
      expect({ variant, decision: outcome.decision }).toEqual({ variant, decision: expectedLegDecision(leg, variant) });
    }
    const invoker = await simulate(request, [{ name: 'posture', policy: policies.posture }], invokerIdentity);
    expect(invoker.ignoredContextKeys).toEqual([]);
    expect({ variant: 'invoker', decision: invoker.decision }).toEqual({ variant: 'invoker', decision: expectedInvokerDecision(leg) });
  });

  // The mission stated once, per call: a call succeeds under the whole posture
  // exactly when it keeps data in Australia.
  test.each(calls.map((c) => [`${c.label} [${c.action}, ${c.path} from ${c.origin}]`, c] as const))(
    'whole call: %s', async (_name, call) => {
      const decisions = await Promise.all(legsOf(call).map((leg) => simulate(
        { principal: leg.principal, action: leg.action, resource: leg.resource, context: contextOf(leg) },
        [{ name: 'posture', policy: policies.posture }],
      )));
      const succeeds = decisions.every((d) => d.decision === 'Allowed');
      expect(succeeds).toBe(callKeepsDataInAustralia(call));
    });

  // The same, for a workload role made by SovereignBedrockInvoker: it can make a
  // call exactly when the call keeps data in Australia.
  test.each(calls.map((c) => [`${c.label} [${c.action}, ${c.path} from ${c.origin}]`, c] as const))(
    'whole call as the invoker role: %s', async (_name, call) => {
      const decisions = await Promise.all(legsOf(call).map((leg) => simulate(
        { principal: leg.principal, action: leg.action, resource: leg.resource, context: contextOf(leg) },
        [{ name: 'posture', policy: policies.posture }], invokerIdentity,
      )));
      expect(decisions.every((d) => d.decision === 'Allowed')).toBe(callKeepsDataInAustralia(call));
    });
});

describe('generated from the catalog\'s guardrail and Data Automation profiles (default posture)', () => {
  const policies = synthesizedPolicies();
  const legs = routingProfileLegs();
  const guardrailInvoker = [{ name: 'invoker', policy: synthesizedInvokerPolicy({ guardrails: ['gr1abc2def3g'] }) }];

  test('covers every profile, action and destination', () => {
    expect(legs.length).toBeGreaterThanOrEqual(60);
  });

  test.each(legs.map((l) => [l.name, l] as const))('%s', async (_name, leg) => {
    const request = { principal: leg.principal, action: leg.action, resource: leg.resource, context: { 'aws:RequestedRegion': leg.region } };
    for (const variant of POLICY_VARIANTS) {
      const outcome = await simulate(request, [{ name: variant, policy: policies[variant] }]);
      expect(outcome.ignoredContextKeys).toEqual([]);
      expect({ variant, decision: outcome.decision }).toEqual({ variant, decision: expectedRoutingLegDecision(leg, variant) });
    }
    const invoker = await simulate(request, [{ name: 'posture', policy: policies.posture }], guardrailInvoker);
    expect({ variant: 'invoker', decision: invoker.decision }).toEqual({ variant: 'invoker', decision: expectedInvokerRoutingDecision(leg) });
  });
});
