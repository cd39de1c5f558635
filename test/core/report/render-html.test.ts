import { REGION_BOUND_PREFIXES } from '../../../src/core/coverage';
import { buckets, timelineChart } from '../../../src/core/report/charts';
import { coverageTable } from '../../../src/core/report/coverage-table';
import { evidenceMapping } from '../../../src/core/report/evidence-mapping';
import { buildEvidenceReport } from '../../../src/core/report/evidence-report';
import { auditDoc, file, hostileInputs, probeDoc, probeResult, trafficDoc } from '../../helpers/report-fixtures';

const OPTIONS = { toolVersion: '9.9.9', now: new Date('2026-11-30T00:00:00Z') };
const SECTIONS = ['at-a-glance', 'disagreements', 'organization', 'traffic', 'probe', 'coverage', 'mapping', 'method'];

test('every section is present, with a heading and content, from all three inputs', () => {
  const { html } = buildEvidenceReport({ audit: file('audit.json', auditDoc()), traffic: file('traffic.json', trafficDoc()), probe: file('probe.json', probeDoc()) }, OPTIONS);
  expect([...html.matchAll(/<section class="report-section" id="([a-z-]+)"/g)].map((m) => m[1])).toEqual(SECTIONS);
  expect(html).toContain('Written 2026-11-30T00:00:00.000Z by cdk-sovereign-bedrock 9.9.9');
  expect(html).toContain('prod-app');
  expect(html).toContain('Calls that left Australia, by account and principal');
});

test('self-contained: no script, no external resource, no event handler', () => {
  const { html } = buildEvidenceReport({ audit: file('audit.json', auditDoc()), traffic: file('traffic.json', trafficDoc()), probe: file('probe.json', probeDoc()) }, OPTIONS);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|\bon[a-z]+=|src=|url\((?!#)/i);
  // Links would be fetched by nobody, but the report prints URLs as text.
  expect(html).not.toMatch(/href=/);
  expect(html).toContain('default-src \'none\'');
});

test('every string from an input is escaped', () => {
  const { html } = buildEvidenceReport(hostileInputs(), OPTIONS);
  expect(html).not.toContain('<script>');
  expect(html).not.toContain('<img');
  // No tag the renderer wrote carries the hostile attribute.
  expect(html).not.toMatch(/<[^>]*onerror/);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;');
});

test('an input not given still has its section, saying so and how to produce it', () => {
  const { html } = buildEvidenceReport({ probe: file('probe.json', probeDoc()) }, OPTIONS);
  expect(html).toContain('No organization audit was given');
  expect(html).toContain('cdk-sovereign-bedrock traffic --format json &gt; traffic.json');
  expect(html).toContain('Only one input was given');
  // The mapping says what the missing evidence would show.
  expect(html).toContain('<strong>Audit:</strong> not given. It would show: For each audited account');
});

test('the result: incomplete evidence over findings over nothing found', () => {
  const quiet = trafficDoc({ calls: [trafficDoc().calls[1]], timeline: [] });
  expect(buildEvidenceReport({ traffic: file('t.json', quiet) }, OPTIONS).status).toEqual({ exitCode: 0, findings: [], incomplete: [] });
  expect(buildEvidenceReport({ traffic: file('t.json', trafficDoc()) }, OPTIONS).status)
    .toEqual({ exitCode: 1, findings: ['5 calls served outside Australia (traffic replay)'], incomplete: [] });
  const all = buildEvidenceReport({
    audit: file('a.json', auditDoc()),
    traffic: file('t.json', { ...quiet, problems: [{ file: 'x.json.gz', record: null, reason: 'not gzip' }], summary: { ...quiet.summary, malformedFiles: 1 } }),
    probe: file('p.json', probeDoc({ results: [probeResult({ outcome: 'INCONCLUSIVE', ok: false }), probeResult({ outcome: 'REACHED', ok: false })] })),
  }, OPTIONS);
  expect(all.status).toEqual({
    exitCode: 2,
    findings: ['1 account not protected (audit)', '1 probe path decided against expectation (probe)', '1 contradiction between the inputs'],
    incomplete: ['1 trail files or records could not be read (traffic replay)', '1 probe path inconclusive (probe)'],
  });
  expect(all.html).toContain('data-verdict="INCOMPLETE_EVIDENCE">INCOMPLETE EVIDENCE</span>');
});

test('the method section carries every input\'s SHA-256, size, writer and dates', () => {
  const r = buildEvidenceReport({ audit: file('audit.json', auditDoc()), probe: file('probe.json', probeDoc()) }, OPTIONS);
  for (const input of [r.inputs.audit!, r.inputs.probe!]) {
    expect(r.html).toContain(`<span class="hash">${input.sha256}</span>`);
    expect(r.html).toContain(`${input.bytes.toLocaleString('en-AU')} bytes`);
  }
  expect(r.html).toContain('Service Authorization Reference data 0.21.202609261 of 2026-09-26');
  expect(r.html).toContain('cdk-sovereign-bedrock 1.2.3');
});

test('the timeline draws every day of a short window and weeks of a long one', () => {
  const short = buckets([{ day: '2026-11-01', servedRegion: 'x', count: 1 }, { day: '2026-11-05', servedRegion: 'x', count: 1 }]);
  expect(short.unit).toBe('day');
  expect(short.starts).toHaveLength(5);
  const long = buckets([{ day: '2026-01-07', servedRegion: 'x', count: 1 }, { day: '2026-12-31', servedRegion: 'x', count: 1 }]);
  expect(long.unit).toBe('week');
  // 2026-01-07 is a Wednesday: the first week starts on Monday 2026-01-05.
  expect(new Date(long.starts[0] * 86_400_000).toISOString().slice(0, 10)).toBe('2026-01-05');
  expect(long.of('2026-12-31')).toBe(long.starts.length - 1);
  const svg = timelineChart([{ day: '2026-11-01', servedRegion: 'us-east-1', count: 4 }, { day: '2026-11-01', servedRegion: 'ap-southeast-2', count: 6 }]);
  expect(svg).toContain('<title>2026-11-01, us-east-1: 4 calls</title>');
  expect(svg).toContain('fill="url(#hatch-abroad)"');
  expect(svg).toContain('Sydney (ap-southeast-2) <span class="where" data-verdict="IN_AUSTRALIA">in Australia</span>');
  expect(timelineChart([])).toContain('no calls');
});

test('the coverage table names every governed prefix and has a mitigation for everything invisible', () => {
  const rows = coverageTable();
  const text = rows.map((r) => r.path).join('\n');
  for (const p of REGION_BOUND_PREFIXES) expect(text).toContain(`${p}:*`);
  expect(text).toContain('aws-external-anthropic:*');
  for (const r of rows.filter((x) => x.status === 'INVISIBLE' || x.status === 'OPT_IN')) expect(r.mitigation).toBeTruthy();
  for (const r of rows.filter((x) => x.source)) expect(r.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
});

test('the mapping covers the five requirements for each input', () => {
  expect(evidenceMapping().map((m) => m.id)).toEqual(['ISM-1572', 'ISM-1637/1638', 'CPS 234', 'CPS 230', 'APP 8']);
  for (const m of evidenceMapping()) {
    for (const scope of Object.values(m.byInput)) expect(scope.shows.length * scope.doesNotShow.length).toBeGreaterThan(0);
  }
});
