import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { AuBedrockResidencyScp } from '../src';
const targetIds = Array.from({ length: 200 }, (_, i) => `ou-ab12-${i.toString(36).padStart(8, '0')}`);
function once() { const app = new App(); const stack = new Stack(app, 'L'); const ns = [0,1,2,3].map(n => new NestedStack(stack, 'N'+n)); targetIds.forEach((t, i) => new AuBedrockResidencyScp(ns[Math.floor(i/50)], `P${i}`, { targetIds: [t], policyName: `p-${i}` })); app.synth(); }
once(); once();
const { Session } = require('inspector'); const s = new Session(); s.connect();
s.post('Profiler.enable', () => s.post('Profiler.start', () => {
  const t = Date.now(); for (let i = 0; i < 5; i++) once(); console.log('ms/run', (Date.now() - t) / 5);
  s.post('Profiler.stop', (_e: any, { profile }: any) => {
    const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
    const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map<string, number>(); const counts = new Map<number, number>();
    for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, c] of counts) { const seen = new Set<string>(); let cur: number | undefined = id; while (cur !== undefined) { const n = nodes.get(cur); const k = `${n.callFrame.functionName} ${n.callFrame.url.replace(/.*\/(src|node_modules)\//, '$1/')}:${n.callFrame.lineNumber}`; if (!seen.has(k)) { incl.set(k, (incl.get(k) ?? 0) + c); seen.add(k); } cur = parent.get(cur); } }
    const total = profile.samples.length;
    console.log([...incl].filter(([k]) => k.includes('src/')).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / total * 100).toFixed(1)}% ${k}`).join('\n'));
  });
}));
