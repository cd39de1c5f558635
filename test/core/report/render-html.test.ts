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

