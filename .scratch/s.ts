import { App, Stack } from 'aws-cdk-lib';
import { AuBedrockResidencyScp, ControlTowerRoles, ResidencyPolicies } from '../src';
const arn = (i: number) => `arn:aws:iam::111122223333:role/BreakGlass-${String(i).padStart(3, '0')}xx`; // 45 chars?
console.log(arn(0).length);
const ct = ControlTowerRoles.arnPatterns();
const all = { denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true } };
for (const n of [0, 1, 30, 60]) {
  const ex = [...ct, ...Array.from({ length: n }, (_, i) => arn(i))];
  const docs = ResidencyPolicies.postureDocuments({ exemptPrincipalArns: ex, ...all }, { maxPoliciesPerTarget: 10 });
  console.log(n, docs.map((d: any) => ResidencyPolicies.minifiedSize(d)), ResidencyPolicies.minifiedSize(ResidencyPolicies.posture({ exemptPrincipalArns: ex, ...all }, { reportOversize: true })));
}
const app = new App();
const stack = new Stack(app, 'S');
const scp = new AuBedrockResidencyScp(stack, 'P', { targetIds: ['ou-ab12-34cd56ef'], exemptPrincipalArns: [...ct, ...Array.from({ length: 30 }, (_, i) => arn(i))], ...all });
console.log(scp.policies.length, scp.policySizes);
const t = Date.now();
const app2 = new App();
const s2 = new Stack(app2, 'Landing');
for (let i = 0; i < 200; i++) new AuBedrockResidencyScp(s2, `Posture${i}`, { targetIds: [`ou-ab12-${i.toString(36).padStart(8, '0')}`], exemptPrincipalArns: ct, policyName: `p${i}` });
try { app2.synth(); } catch (e) { console.log((e as Error).message.slice(0, 1500)); }
console.log(Date.now() - t);
