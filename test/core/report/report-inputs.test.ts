import { createHash } from 'crypto';
import { loadInput, ReportInputError } from '../../../src/core/report/report-inputs';
import { thrown } from '../../helpers/errors';
import { auditDoc, call, probeDoc, trafficDoc } from '../../helpers/report-fixtures';

const text = (d: unknown) => JSON.stringify(d);
const inputError = (fn: () => unknown) => {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ReportInputError);
  expect((e as Error).name).toBe('ReportInputError');
  return (e as Error).message;
};

test('each kind loads with the SHA-256 and size of the file as given', () => {
  const content = text(trafficDoc());
  const t = loadInput('traffic', 'traffic.json', Buffer.from(content));
  expect(t.sha256).toBe(createHash('sha256').update(content).digest('hex'));
  expect(t.bytes).toBe(Buffer.byteLength(content));
  expect(t.data.calls).toHaveLength(2);
  expect(loadInput('audit', 'a.json', text(auditDoc())).data.accounts).toHaveLength(3);
  expect(loadInput('probe', 'p.json', text(probeDoc())).data.results).toHaveLength(2);
});

test('a file of another kind names the flag it belongs to', () => {
  expect(inputError(() => loadInput('traffic', 'probe.json', text(probeDoc()))))
    .toBe('--traffic probe.json: this is a probe run (cdk-sovereign-bedrock probe --format json), not a traffic replay '
      + '(cdk-sovereign-bedrock traffic --format json): pass it as --probe');
  expect(inputError(() => loadInput('probe', 'audit.json', text(auditDoc())))).toMatch(/this is an audit report .* pass it as --audit$/);
  expect(inputError(() => loadInput('audit', 'traffic.json', text(trafficDoc())))).toMatch(/pass it as --traffic$/);
});

test('not JSON, not an object, an unknown kind, no kind, another schema version', () => {
  expect(inputError(() => loadInput('audit', 'a.json', '{"kind": '))).toMatch(/^--audit a\.json: not JSON \(.*\); expected an audit report/);
  expect(inputError(() => loadInput('probe', 'p.json', '[]'))).toBe('--probe p.json: expected a probe run (cdk-sovereign-bedrock probe --format json), a JSON object, got an array');
  expect(inputError(() => loadInput('probe', 'p.json', text({ ...probeDoc(), kind: 'something/else' })))).toMatch(/"kind" is "something\/else"; expected "cdk-sovereign-bedrock\/probe"/);
  const { kind, ...noKind } = trafficDoc();
  expect(kind).toBeDefined();
  expect(inputError(() => loadInput('traffic', 't.json', text(noKind)))).toMatch(/"kind" is nothing; expected "cdk-sovereign-bedrock\/traffic"/);
  expect(inputError(() => loadInput('traffic', 't.json', text({ ...trafficDoc(), schemaVersion: 2 })))).toMatch(/schemaVersion 2 is not one this version reads \(1\)/);
});

test('malformed fields are listed with their JSON path, all at once', () => {
  const bad = trafficDoc({ calls: [call({ count: -1, accountId: '12345', servedRegion: 7 }), call({ firstSeen: 'yesterday' })], window: { from: '1 Nov', to: null, firstEvent: null, lastEvent: null } });
  const message = inputError(() => loadInput('traffic', 't.json', text(bad)));
  expect(message).toContain('not a traffic replay');
  expect(message).toContain('window.from: expected a day such as 2026-11-01, got "1 Nov"');
  expect(message).toContain('calls[0].accountId: expected a 12-digit account ID, got "12345"');
  expect(message).toContain('calls[0].servedRegion: expected a string, got 7');
  expect(message).toContain('calls[0].count: expected a whole number of 0 or more, got -1');
  expect(message).toContain('calls[1].firstSeen: expected an ISO 8601 time such as 2026-11-22T03:00:00Z, got "yesterday"');
  expect(inputError(() => loadInput('probe', 'p.json', text(probeDoc({ results: [{ path: 'x', outcome: 'MAYBE' }] })))))
    .toMatch(/results\[0\]\.outcome: expected one of REACHED, DENIED_BY_SCP, DENIED_OTHER, INCONCLUSIVE, got "MAYBE"/);
});

test('a thousand bad rows give a short error', () => {
  const bad = trafficDoc({ calls: Array.from({ length: 1000 }, () => call({ count: 'many' })) });
  expect(inputError(() => loadInput('traffic', 't.json', text(bad))).split('\n').length).toBeLessThanOrEqual(13);
});

test('an audit whose summary disagrees with its accounts is refused (edited or truncated)', () => {
  const doc = auditDoc();
  doc.accounts = doc.accounts.slice(0, 2);
  expect(inputError(() => loadInput('audit', 'a.json', text(doc)))).toContain('summary.UNPROTECTED is 1 but 0 accounts have that verdict');
});

test('an audit written before the header existed is recognised by its shape; anything else without a header is not', () => {
  const { kind, schemaVersion, tool, ...legacy } = auditDoc();
  expect([kind, schemaVersion, tool]).not.toContain(undefined);
  expect(loadInput('audit', 'old.json', text(legacy)).data.kind).toBeUndefined();
  expect(inputError(() => loadInput('audit', 'a.json', text({ ...auditDoc(), tool: { name: 'x' } })))).toContain('tool.version: expected a string, got nothing');
  expect(inputError(() => loadInput('audit', 'x.json', text({ hello: 'world' })))).toMatch(/not an audit report.*\n  - generatedAt: expected a string, got nothing\n  - rootId: expected a string/s);
  expect(inputError(() => loadInput('audit', 'x.json', text({ ...legacy, accounts: [{ ...legacy.accounts[0], protection: 'SAFE' }] }))))
    .toContain('accounts[0].protection: expected one of PROTECTED, PARTIAL, UNPROTECTED, NOT_COVERED, ERROR, got "SAFE"');
});
