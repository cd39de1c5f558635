/* Records every decision the decision table makes: node ... > out.json */
import { writeFileSync } from 'fs';
import { generatedCalls } from '../test/integ/decision-table/generated-calls';
import { contextOf, legsOf } from '../test/integ/decision-table/legs';
import { routingProfileLegs } from '../test/integ/decision-table/routing-profile-legs';
import { loadScenarioFiles } from '../test/integ/decision-table/scenario-loader';
import { simulate } from '../test/integ/decision-table/simulate';
import { synthesizedInvokerPolicy } from '../test/helpers/invoker';
import { POLICY_VARIANTS, synthesizedPolicies } from '../test/helpers/synth-policies';

async function main() {
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
  for (const call of generatedCalls()) for (const leg of legsOf(call)) {
    const req = { principal: leg.principal, action: leg.action, resource: leg.resource, context: contextOf(leg) };
    for (const v of POLICY_VARIANTS) out[`generated | ${leg.name} | ${v}`] = (await simulate(req, [{ name: v, policy: policies[v] }])).decision;
  }
  for (const leg of routingProfileLegs()) {
    const req = { principal: leg.principal, action: leg.action, resource: leg.resource, context: { 'aws:RequestedRegion': leg.region } };
    for (const v of POLICY_VARIANTS) out[`routing | ${leg.name} | ${v}`] = (await simulate(req, [{ name: v, policy: policies[v] }])).decision;
  }
  writeFileSync(process.argv[2], JSON.stringify(out, undefined, 1));
  console.log(Object.keys(out).length, 'decisions');
}
void main();
