/**
 * Records every decision the decision table makes, one key per row, policy
 * variant and column, so a change that reshapes the statements can be proven
 * to decide row for row as before:
 *
 *   TS_NODE_PROJECT=test/tsconfig.json npx ts-node --transpile-only test/integ/decision-table/record-decisions.ts before.json
 *   (change the statements)
 *   TS_NODE_PROJECT=test/tsconfig.json npx ts-node --transpile-only test/integ/decision-table/record-decisions.ts after.json
 *
 * then compare the two files: keys present in both must have the same decision.
 */
import { writeFileSync } from 'fs';
import { generatedCalls } from './generated-calls';
import { contextOf, legsOf } from './legs';
import { routingProfileLegs } from './routing-profile-legs';
import { loadScenarioFiles } from './scenario-loader';
import { simulate } from './simulate';
import { synthesizedInvokerPolicy } from '../../helpers/invoker';
import { POLICY_VARIANTS, synthesizedPolicies } from '../../helpers/synth-policies';

async function main(): Promise<void> {
  const out: Record<string, string> = {};
  for (const f of loadScenarioFiles()) {
    const policies = synthesizedPolicies(f.options);
    const inv = [{ name: 'invoker', policy: synthesizedInvokerPolicy(f.invoker) }];
    for (const row of f.rows) {
      for (const v of POLICY_VARIANTS) out[`${f.file} | ${row.name} | ${v}`] = (await simulate(row, [{ name: v, policy: policies[v] }])).decision;
      if (row.expectInvoker) out[`${f.file} | ${row.name} | invoker`] = (await simulate(row, [{ name: 'posture', policy: policies.posture }], inv)).decision;
    }
  }
  const policies = synthesizedPolicies();
  for (const call of generatedCalls()) {
    for (const leg of legsOf(call)) {
      const req = { principal: leg.principal, action: leg.action, resource: leg.resource, context: contextOf(leg) };
      for (const v of POLICY_VARIANTS) out[`generated | ${leg.name} | ${v}`] = (await simulate(req, [{ name: v, policy: policies[v] }])).decision;
    }
  }
  for (const leg of routingProfileLegs()) {
    const req = { principal: leg.principal, action: leg.action, resource: leg.resource, context: { 'aws:RequestedRegion': leg.region } };
    for (const v of POLICY_VARIANTS) out[`routing | ${leg.name} | ${v}`] = (await simulate(req, [{ name: v, policy: policies[v] }])).decision;
  }
  writeFileSync(process.argv[2], JSON.stringify(out, undefined, 1));
  console.log(Object.keys(out).length, 'decisions');
}
void main();
