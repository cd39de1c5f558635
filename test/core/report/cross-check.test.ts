import { crossCheck, ReportMismatchError, trailOrganizationId } from '../../../src/core/report/cross-check';
import { loadInput, ReportInputs } from '../../../src/core/report/report-inputs';
import { thrown } from '../../helpers/errors';
import { auditDoc, call, ORG_ACCOUNTS, probeDoc, probeResult, trafficDoc } from '../../helpers/report-fixtures';

function inputs(docs: { audit?: any; traffic?: any; probe?: any }): ReportInputs {
  return {
    audit: docs.audit && loadInput('audit', 'audit.json', JSON.stringify(docs.audit)),
    traffic: docs.traffic && loadInput('traffic', 'traffic.json', JSON.stringify(docs.traffic)),
    probe: docs.probe && loadInput('probe', 'probe.json', JSON.stringify(docs.probe)),
  };
}

const prodAbroad = (over: Record<string, unknown> = {}) => call({
  accountId: ORG_ACCOUNTS.prod, principalArn: `arn:aws:sts::${ORG_ACCOUNTS.prod}:assumed-role/app/s`, servedRegion: 'us-west-2', count: 3, ...over,
});

test('inputs that agree give no contradiction', () => {
  expect(crossCheck(inputs({ audit: auditDoc(), traffic: trafficDoc(), probe: probeDoc() }))).toEqual([]);
});

test('a PROTECTED account with calls served abroad is a contradiction, worded by whether the calls predate the audit', () => {
  const before = crossCheck(inputs({ audit: auditDoc(), traffic: trafficDoc({ calls: [prodAbroad()] }) }));
  expect(before).toEqual([expect.objectContaining({
    kind: 'contradiction',
    title: 'prod-app (333333333333) is PROTECTED in the audit, but 3 calls were served outside Australia',
    detail: expect.stringMatching(/^Served in us-west-2, last on 2026-11-12T01:00:00Z\. The calls predate the audit/),
  })]);
  const after = crossCheck(inputs({ audit: auditDoc(), traffic: trafficDoc({ calls: [prodAbroad({ lastSeen: '2026-11-23T00:00:00Z' })] }) }));
  expect(after[0].detail).toMatch(/served after the audit judged the account protected/);
  // Attempts an SCP refused did not leave Australia.
  expect(crossCheck(inputs({ audit: auditDoc(), traffic: trafficDoc({ calls: [prodAbroad({ alreadyDeniedBySCP: true })] }) }))).toEqual([]);
});

test('calls from the management account are a difference of scope: no SCP applies there', () => {
  const found = crossCheck(inputs({ audit: auditDoc(), traffic: trafficDoc({ calls: [call({ accountId: ORG_ACCOUNTS.management })] }) }));
  expect(found).toEqual([expect.objectContaining({ kind: 'scope', title: '5 calls served outside Australia from the management account management (111111111111)' })]);
});

test('inputs of different organizations are a named error; accounts outside an OU audit are called out', () => {
  const stranger = trafficDoc({ calls: [call({ accountId: '999999999999' })] });
  const e = thrown(() => crossCheck(inputs({ audit: auditDoc(), traffic: stranger })));
  expect(e).toBeInstanceOf(ReportMismatchError);
  expect((e as Error).message).toMatch(/^the traffic replay's accounts \(999999999999\) are none of the 3 accounts of organization o-abcdef1234 .* cannot describe the same organization/);
  expect((thrown(() => crossCheck(inputs({ audit: auditDoc(), probe: probeDoc({ accountId: '999999999999' }) }))) as Error).message)
    .toMatch(/^the probe ran in account 999999999999, which is not one of the 3 accounts/);
  const ouAudit = auditDoc({ target: 'ou-ab12-workload' });
  expect(crossCheck(inputs({ audit: ouAudit, traffic: stranger }))).toEqual([expect.objectContaining({
    kind: 'scope', detail: '999999999999: the audit covered ou-ab12-workload only; these accounts were not judged.',
  })]);
  // Some accounts of a whole-organization audit missing from it: joined later, or another organization.
  const mixed = crossCheck(inputs({ audit: auditDoc(), traffic: trafficDoc({ calls: [...trafficDoc().calls, call({ accountId: '999999999999' })] }) }));
  expect(mixed[0].detail).toMatch(/^999999999999: the audit read the whole organization/);
});

test('an organization trail of another organization is a named error', () => {
  const other = trafficDoc({ source: 's3://trail-bucket/AWSLogs/o-zzzzzzzzzz/' });
  expect((thrown(() => crossCheck(inputs({ audit: auditDoc(), traffic: other }))) as Error).message)
    .toBe('the traffic replay read the organization trail of o-zzzzzzzzzz (s3://trail-bucket/AWSLogs/o-zzzzzzzzzz/), but the audit read '
      + 'organization o-abcdef1234: the two files cannot describe the same organization.');
  expect(crossCheck(inputs({ audit: auditDoc(), traffic: trafficDoc({ source: 's3://trail-bucket/p/AWSLogs/o-abcdef1234/' }) }))).toEqual([]);
  expect(trailOrganizationId('s3://b/AWSLogs/111122223333/CloudTrail/')).toBeUndefined();
});

test('a probe path reached that the audit says is denied, or denied that it says stays open, is a contradiction', () => {
  const probe = probeDoc({
    results: [
      probeResult({ outcome: 'REACHED', ok: false }),
      probeResult({ path: 'au. profile', expect: 'ALLOWED', outcome: 'DENIED_BY_SCP', ok: false }),
      probeResult({ path: 'mantle', outcome: 'INCONCLUSIVE', ok: false }),
    ],
  });
  const found = crossCheck(inputs({ audit: auditDoc(), probe }));
  expect(found.map((d) => [d.kind, d.title])).toEqual([
    ['contradiction', 'Probe path "global. profile from Sydney" was reached, but the audit judges prod-app (333333333333) PROTECTED'],
    ['contradiction', 'Probe path "au. profile" was denied by an SCP, but the audit says Australian paths stay open in prod-app (333333333333)'],
  ]);
  // The same results in an account the audit already finds unprotected contradict nothing.
  expect(crossCheck(inputs({ audit: auditDoc(), probe: { ...probe, accountId: ORG_ACCOUNTS.sandbox } }))).toEqual([]);
});

test('inputs far apart in time, a probe summary that does not match its rows, and mixed tool versions are called out', () => {
  const found = crossCheck(inputs({
    audit: auditDoc({ generatedAt: '2026-08-01T00:00:00Z' }),
    probe: { ...probeDoc(), summary: { passed: 5, failed: 0, inconclusive: 0 }, tool: { name: 'cdk-sovereign-bedrock', version: '2.0.0' } },
  }));
  // Integrity before scope.
  expect(found.map((d) => d.title)).toEqual([
    'The probe\'s summary does not match its results',
    'The inputs are 113 days apart',
    'The inputs were written by different versions of the tool',
  ]);
  expect(found[0]).toMatchObject({ kind: 'integrity', detail: expect.stringContaining('results: 2 passed, 0 failed, 0 inconclusive') });
});

test('a probe without an account cannot be compared with the audit, and says so', () => {
  expect(crossCheck(inputs({ audit: auditDoc(), probe: probeDoc({ accountId: null }) }))).toEqual([expect.objectContaining({ title: 'The probe did not record its account' })]);
});
