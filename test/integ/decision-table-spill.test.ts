/**
 * The decision table again, for postures spilled over several SCPs: every
 * hand-written row, and every generated leg of the default posture, decided by
 * the independent evaluator with all the parts attached to the OU, must be the
 * decision of the one-policy posture. Spilling moves statements between
 * documents; it must never change what is denied.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { expectedLegDecision } from './decision-table/expectations';
import { generatedCalls } from './decision-table/generated-calls';
import { contextOf, legsOf } from './decision-table/legs';
import { loadScenarioFiles } from './decision-table/scenario-loader';
import { NamedPolicy, simulate } from './decision-table/simulate';
import { AuBedrockResidencyScp, ResidencyPolicies, ResidencyPolicyOptions } from '../../src';
import { DOCUMENT_OVERHEAD, statementSize } from '../../src/core/statements/pack';

/** The posture synthesized with a size quota small enough that it spans several SCPs: the parts as the template has them. */
function spilledParts(options: ResidencyPolicyOptions): NamedPolicy[] {
  const statements = ResidencyPolicies.posture(options, { reportOversize: true }).Statement;
  const largest = Math.max(...statements.map(statementSize)) + DOCUMENT_OVERHEAD;
  const whole = ResidencyPolicies.minifiedSize(ResidencyPolicies.posture(options, { reportOversize: true }));
  const maxPolicySize = Math.max(largest, Math.ceil(whole / 4));
  const stack = new Stack(new App(), 'Spilled');
  new AuBedrockResidencyScp(stack, 'Posture', {
    ...options, targetIds: ['ou-ab12-34cd56ef'], quota: { maxPolicySize, maxPoliciesPerTarget: 10, policiesAttachedElsewhere: 0 },
  });
  const parts = Object.values(Template.fromStack(stack).findResources('AWS::Organizations::Policy'));
  return parts.map((p) => ({ name: p.Properties.Name, policy: p.Properties.Content }));
}

describe.each(loadScenarioFiles().map((f) => [f.file, f] as const))('spilled posture, hand-written table %s', (_file, scenario) => {
  const parts = spilledParts(scenario.options);

  test('it spans several SCPs', () => {
    expect(parts.length).toBeGreaterThan(1);
  });

  test.each(scenario.rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const outcome = await simulate(row, parts);
    expect(outcome.ignoredContextKeys).toEqual([]);
    expect(outcome.decision).toBe(row.expect.posture);
  });
});

describe('spilled default posture, generated from the Sydney model matrix', () => {
  const parts = spilledParts({});
  const legs = generatedCalls().flatMap((call) => legsOf(call));

  test.each(legs.map((l) => [l.name, l] as const))('%s', async (_name, leg) => {
    const outcome = await simulate({ principal: leg.principal, action: leg.action, resource: leg.resource, context: contextOf(leg) }, parts);
    expect(outcome.decision).toBe(expectedLegDecision(leg, 'posture'));
  });
});
