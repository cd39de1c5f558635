import { REGION_BOUND_PREFIXES } from '../../../src/core/coverage';
import { coverageTable } from '../../../src/core/report/coverage-table';
import { AI_SURFACE, SurfaceEntry } from '../../../src/core/surface/ai-surface';
import { ResidencyPolicies } from '../../../src/policy-core';

test('the coverage table names every governed prefix and has a mitigation for everything invisible', () => {
  const rows = coverageTable();
  const text = rows.map((r) => r.path).join('\n');
  for (const p of REGION_BOUND_PREFIXES) expect(text).toContain(`${p}:*`);
  expect(text).toContain('aws-external-anthropic:*');
  for (const r of rows.filter((x) => x.status === 'INVISIBLE' || x.status === 'OPT_IN')) expect(r.mitigation).toBeTruthy();
  for (const r of rows.filter((x) => x.source)) expect(r.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
});

test('every prefix denied everywhere or partly governed by the classification has a row, with its reason and source', () => {
  const rows = coverageTable();
  for (const e of AI_SURFACE as readonly SurfaceEntry[]) {
    if (e.treatment !== 'DENIED_EVERYWHERE' && e.partialActions === undefined) continue;
    const row = rows.find((r) => r.path.includes(e.prefix));
    expect([e.prefix, row?.source]).toEqual([e.prefix, e.source]);
  }
  expect(rows.map((r) => r.path).join('\n')).toMatch(/nova-act:\*/);
  expect(rows.map((r) => r.path).join('\n')).toMatch(/sagemaker:InvokeEndpoint/);
});

test('every statement the table names is in the posture (every opt-in control on)', () => {
  const sids = new Set<string>(ResidencyPolicies.posture({
    denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true },
  }).Statement.map((s: { Sid: string }) => s.Sid));
  const named = coverageTable().flatMap((r) => r.statements);
  expect(named.filter((sid) => !sids.has(sid))).toEqual([]);
});
