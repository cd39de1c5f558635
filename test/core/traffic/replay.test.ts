import { mkdtempSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { trafficExitCode } from '../../../src/core/traffic/aggregate';
import { replayPosture } from '../../../src/core/traffic/judge';
import { replayRecords, replaySource, ReplayStats } from '../../../src/core/traffic/replay';
import { TrafficCallRow } from '../../../src/core/traffic/traffic-types';
import { ExemptionScope } from '../../../src/scp/residency-scp-props';
import { localSource } from '../../../src/traffic/local-log-source';
import { loadCorpus } from '../../helpers/event-corpus';
import { corpusRecords, FIXTURE_ORG, trailFiles, writeTrail } from '../../helpers/trail-fixture';

const NOW = new Date('2026-12-01T00:00:00Z');
const posture = replayPosture({});
const base = { posture, version: '0.0.0-test', now: NOW };

function trailDir(records = corpusRecords()): string {
  const dir = mkdtempSync(join(tmpdir(), 'traffic-'));
  writeTrail(dir, trailFiles(records));
  return dir;
}

const byModel = (calls: readonly TrafficCallRow[], modelId: string) => calls.filter((c) => c.modelId === modelId);

describe('replay of the event corpus (real record shapes)', () => {
  const records = corpusRecords();
  const report = replayRecords(records, base);

  test('every governed event is counted once; other services are read but not reported', () => {
    const governed = records.filter((r) => /^(bedrock|aws-external-anthropic)/.test(r.eventSource));
    expect(report.summary.eventsRead).toBe(records.length);
    expect(report.summary.residencyEvents).toBe(governed.length);
    expect(report.calls.reduce((n, c) => n + c.count, 0)).toBe(governed.length);
    expect(report.calls.some((c) => c.eventSource.startsWith('s3.') || c.eventSource.startsWith('sts.'))).toBe(false);
  });

  test('served outside Australia agrees with the corpus\'s own expectation for Bedrock model calls', () => {
    for (const c of loadCorpus()) {
      const e = c.event;
      if (e.eventSource !== 'bedrock.amazonaws.com' || !e.additionalEventData?.inferenceRegion) continue;
      const row = report.calls.find((r) => r.modelId === e.requestParameters.modelId && r.sourceRegion === e.awsRegion
        && r.errorCode === (e.errorCode ?? null));
      expect(row).toBeDefined();
      const foreign = row!.errorCode === null && !['ap-southeast-2', 'ap-southeast-4'].includes(row!.servedRegion);
      expect([c.file, foreign]).toEqual([c.file, c.fires.servedOutsideAustralia]);
    }
  });

  test('the caller of an assumed role is the role, not the session', () => {
    expect(new Set(report.calls.map((c) => c.principalArn))).toEqual(new Set(['arn:aws:iam::111122223333:role/BedrockApp']));
  });

  test('decisions, statements and alternatives of typical calls', () => {
    const apac = byModel(report.calls, 'apac.anthropic.claude-3-7-sonnet-20250219-v1:0')[0];
    expect(apac).toMatchObject({ decision: 'DENIED', statement: 'DenyUnapprovedInferenceProfiles', profilePrefix: 'apac.', servedRegion: 'ap-northeast-1' });
    const au = byModel(report.calls, 'au.anthropic.claude-sonnet-4-5-20250929-v1:0')[0];
    expect(au).toMatchObject({ decision: 'ALLOWED', statement: null, profilePrefix: 'au.', servedRegion: 'ap-southeast-4', australianAlternative: null });
    const globalSonnet = byModel(report.calls, 'global.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(globalSonnet.map((c) => c.australianAlternative)).toEqual(['au.anthropic.claude-sonnet-4-5-20250929-v1:0', 'au.anthropic.claude-sonnet-4-5-20250929-v1:0']);
    const denied = globalSonnet.find((c) => c.alreadyDeniedBySCP)!;
    expect(denied).toMatchObject({ errorCode: 'AccessDenied', servedRegion: 'ap-southeast-2', decision: 'DENIED' });
    const opus = byModel(report.calls, 'global.anthropic.claude-opus-4-5-20251101-v1:0')[0];
    expect(opus.australianAlternative).toBeNull();
    expect(opus.alternativeNote).toMatch(/no Australian path for Claude Opus 4\.5/);
    const app = report.calls.find((c) => c.profilePrefix === 'application')!;
    expect(app).toMatchObject({ decision: 'DENIED', australianAlternative: null });
    const melbourne = byModel(report.calls, 'amazon.nova-lite-v1:0')[0];
    expect(melbourne).toMatchObject({ decision: 'DENIED', statement: 'DenyBedrockOutsideAllowedRegions', sourceRegion: 'ap-southeast-4' });
    expect(report.summary.deniedBySCP).toBe(2);
  });

  test('blind spots name the data events the evidence lacks and not those it has', () => {
    const surfaces = report.blindSpots.map((b) => b.surface);
    expect(surfaces.some((s) => s.includes('knowledge bases'))).toBe(true);
    expect(surfaces.some((s) => s.includes('StartAsyncInvoke'))).toBe(false);
    expect(surfaces.some((s) => s.includes('Mantle'))).toBe(false);
    const none = replayRecords([], base);
    expect(none.blindSpots.some((b) => b.surface.includes('Mantle'))).toBe(true);
    expect(trafficExitCode(none)).toBe(0);
  });

  test('the posture\'s options change the decisions: an exempt role, Melbourne as an origin', () => {
    const role = 'arn:aws:iam::111122223333:role/BedrockApp';
    const all = replayRecords(records, base).summary.wouldBeDenied;
    // By default an exempt principal passes the administration statements, not the prompt paths abroad.
    const exempt = replayRecords(records, { ...base, posture: replayPosture({ exemptPrincipalArns: [role] }) });
    expect(exempt.summary.wouldBeDenied).toBeGreaterThan(0);
    expect(exempt.summary.wouldBeDenied).toBeLessThan(all);
    expect(exempt.calls.filter((c) => c.decision === 'DENIED').every((c) => c.statement !== 'DenyBedrockOutsideAllowedRegions')).toBe(true);
    // Exempt from every statement, the role's calls are never denied.
    const everything = replayRecords(records, {
      ...base, posture: replayPosture({ exemptPrincipalArns: [role], exemptionScope: ExemptionScope.EVERY_STATEMENT }),
    });
    expect(everything.summary.wouldBeDenied).toBe(0);
    const melbourne = replayRecords(records, { ...base, posture: replayPosture({ allowedRegions: ['ap-southeast-2', 'ap-southeast-4'] }) });
    expect(byModel(melbourne.calls, 'amazon.nova-lite-v1:0')[0].decision).toBe('ALLOWED');
    expect(() => replayPosture({ allowedRegions: ['us-east-1'] })).toThrow(/allowedRegions/);
  });

  test('a service-linked role is not governed by SCPs', () => {
    const slr = { ...records[0], userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForX/s', sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::111122223333:role/aws-service-role/bedrock.amazonaws.com/AWSServiceRoleForX' } } }, awsRegion: 'us-east-1' };
    const r = replayRecords([slr], base);
    expect(r.calls[0]).toMatchObject({ decision: 'ALLOWED', principalArn: expect.stringContaining('aws-service-role') });
  });
});

describe('reading a trail folder', () => {
  test('the same report from the folder, with or without the pre-parse skip, as from the records', async () => {
    const dir = trailDir();
    const fast: ReplayStats = { parsed: 0 };
    const full: ReplayStats = { parsed: 0 };
    const a = await replaySource(localSource(dir), base, fast);
    const b = await replaySource(localSource(dir), { ...base, fullParse: true }, full);
    const c = replayRecords(corpusRecords(), base);
    expect(a.calls).toEqual(b.calls);
    expect(a.calls).toEqual(c.calls);
    expect(a.summary).toEqual({ ...c.summary, filesRead: a.summary.filesRead });
    expect(a.summary.filesRead).toBe(trailFiles(corpusRecords()).filter((f) => !f.key.includes('Digest')).length);
    expect(fast.parsed).toBeLessThan(full.parsed);
  });

  test('--from/--to, accounts and Regions prune what is read', async () => {
    const dir = trailDir();
    const days = await replaySource(localSource(dir), { ...base, filter: { from: '2026-04-12', to: '2026-04-12' } });
    expect(days.summary.residencyEvents).toBeGreaterThan(0);
    expect(days.calls.every((c) => c.firstSeen.startsWith('2026-04-12'))).toBe(true);
    const all = await replaySource(localSource(dir), base);
    expect(days.summary.filesRead).toBeLessThan(all.summary.filesRead);
    const none = await replaySource(localSource(dir), { ...base, filter: { accounts: ['999999999999'] } });
    expect(none.summary.filesRead).toBe(0);
    const tokyo = await replaySource(localSource(dir), { ...base, filter: { regions: ['ap-northeast-1'] } });
    expect(tokyo.calls.every((c) => c.sourceRegion === 'ap-northeast-1')).toBe(true);
    expect(tokyo.summary.filesRead).toBeGreaterThan(0);
  });

  test('malformed files and records are counted and named, never a crash', async () => {
    const dir = trailDir(corpusRecords().slice(0, 3));
    const folder = join(dir, 'AWSLogs', FIXTURE_ORG, '111122223333', 'CloudTrail', 'ap-southeast-2', '2026', '04', '12');
    mkdirSync(folder, { recursive: true });
    const name = (n: string) => `111122223333_CloudTrail_ap-southeast-2_20260412T1200Z_${n}.json.gz`;
    const good = corpusRecords()[0];
    writeFileSync(join(folder, name('NotGzip0000000a')), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    writeFileSync(join(folder, name('Truncated000000b')), gzipSync(JSON.stringify({ Records: [good, good] }).slice(0, -30)));
    writeFileSync(join(folder, name('BadRecords00000c')), gzipSync(JSON.stringify({ Records: [good, 7, { eventSource: 'bedrock.amazonaws.com' }, { noSource: true }] })));
    writeFileSync(join(folder, name('NoRecords000000d')), gzipSync(JSON.stringify({ records: [] })));
    writeFileSync(join(folder, name('Pretty000000000e')), gzipSync(JSON.stringify({ Records: [good] }, null, 2)));
    const r = await replaySource(localSource(dir), base);
    expect(r.summary.malformedFiles).toBe(3);
    expect(r.summary.malformedRecords).toBe(2);
    const about = (n: string) => r.problems.filter((p) => p.file.includes(n));
    expect(about('NotGzip')[0]).toMatchObject({ record: null, reason: expect.stringMatching(/decompress/) });
    expect(about('Truncated')[0]).toMatchObject({ record: null, reason: expect.stringMatching(/truncated/) });
    expect(about('BadRecords').map((p) => p.record)).toEqual([1, 2]);
    expect(about('NoRecords')[0].reason).toMatch(/no Records array/);
    expect(about('Pretty')).toEqual([]);
    expect(trafficExitCode(r)).toBe(2);
  });

  test('one file can be given on its own', async () => {
    const dir = trailDir(corpusRecords().slice(0, 2));
    const file = trailFiles(corpusRecords().slice(0, 2)).find((f) => !f.key.includes('Digest'))!;
    const r = await replaySource(localSource(join(dir, ...file.key.split('/'))), base);
    expect(r.summary.filesRead).toBe(1);
  });
});

test('an AWS service principal is not governed by SCPs; a caller without an ARN is judged (fail closed)', () => {
  const record = { ...corpusRecords()[0], awsRegion: 'us-east-1', additionalEventData: undefined };
  const service = replayRecords([{ ...record, userIdentity: { type: 'AWSService', invokedBy: 'bedrock.amazonaws.com' } }], base);
  expect(service.calls[0]).toMatchObject({ principalArn: 'bedrock.amazonaws.com', decision: 'ALLOWED' });
  const unknown = replayRecords([{ ...record, userIdentity: { type: 'IdentityCenterUser', accountId: '111122223333' } }], base);
  expect(unknown.calls[0]).toMatchObject({ principalArn: 'unknown (IdentityCenterUser)', decision: 'DENIED' });
});

test('past a thousand, problems are counted but not each named, so memory stays bounded', () => {
  const r = replayRecords(Array.from({ length: 1500 }, () => 7), base);
  expect(r.summary.malformedRecords).toBe(1500);
  expect(r.problems).toHaveLength(1001);
  expect(r.problems[1000]).toEqual({ file: '(more)', record: null, reason: expect.stringMatching(/^500 more problems/) });
});
