import { ResidencyPolicies, ControlTowerRoles } from '../src';
process.removeAllListeners('warning');
const all = { denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true } };
for (const opts of [{}, all]) {
  const d = ResidencyPolicies.posture(opts, { reportOversize: true });
  console.log(d.Statement.length, ResidencyPolicies.minifiedSize(d));
  for (const s of d.Statement) console.log('  ', s.Sid, JSON.stringify(s).length, JSON.stringify(s.Action).slice(0, 120), JSON.stringify(s.Condition ?? {}).slice(0, 150));
}
const arn = (i: number) => `arn:aws:iam::111122223333:role/BreakGlass${String(i).padStart(4, '0')}`;
const at = (n: number) => ResidencyPolicies.minifiedSize(ResidencyPolicies.posture({ ...all, exemptPrincipalArns: [...ControlTowerRoles.arnPatterns(), ...Array.from({ length: n }, (_, i) => arn(i))] }, { reportOversize: true }));
console.log('per exemption', (at(10) - at(0)) / 10, 'ct', at(0));
console.log(ControlTowerRoles.arnPatterns());
