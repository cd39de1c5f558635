import { REGION_BOUND_PREFIXES } from '../../../src/core/coverage';
import { coverageTable } from '../../../src/core/report/coverage-table';

test('the coverage table names every governed prefix and has a mitigation for everything invisible', () => {
  const rows = coverageTable();
  const text = rows.map((r) => r.path).join('\n');
  for (const p of REGION_BOUND_PREFIXES) expect(text).toContain(`${p}:*`);
  expect(text).toContain('aws-external-anthropic:*');
  for (const r of rows.filter((x) => x.status === 'INVISIBLE' || x.status === 'OPT_IN')) expect(r.mitigation).toBeTruthy();
  for (const r of rows.filter((x) => x.source)) expect(r.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
});
