import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { runTrafficCommand, TRAFFIC_USAGE } from '../../src/cli/traffic-command';
import { loadCorpus } from '../helpers/event-corpus';
import { corpusRecords, trailFiles, writeTrail } from '../helpers/trail-fixture';

const NOW = new Date('2026-12-01T00:00:00Z');

function trail(records: any[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'traffic-cli-'));
  writeTrail(dir, trailFiles(records));
  return dir;
}

async function run(args: string[]) {
  const out: string[] = [];
  const code = await runTrafficCommand(args, { stdout: (t) => out.push(t) }, { now: NOW });
  return { code, text: out.join('') };
}

const event = (file: string) => loadCorpus().find((c) => c.file === file)!.event;

describe('traffic command', () => {
  test('the JSON contract: header, summary, calls, timeline, blind spots, problems', async () => {
    const { code, text } = await run(['--logs', trail(corpusRecords()), '--format', 'json']);
    expect(code).toBe(1);
    const r = JSON.parse(text);
    expect(r).toMatchObject({ kind: 'cdk-sovereign-bedrock/traffic', schemaVersion: 1, tool: { name: 'cdk-sovereign-bedrock', version: expect.any(String) }, generatedAt: NOW.toISOString() });
    expect(Object.keys(r.window)).toEqual(['from', 'to', 'firstEvent', 'lastEvent']);
    for (const k of ['filesRead', 'eventsRead', 'residencyEvents', 'servedOutsideAustralia', 'wouldBeDenied', 'deniedBySCP', 'malformedFiles', 'malformedRecords']) {
      expect(typeof r.summary[k]).toBe('number');
    }
    const keys = ['accountId', 'principalArn', 'eventSource', 'eventName', 'modelId', 'profilePrefix', 'sourceRegion', 'servedRegion', 'decision', 'statement',
      'alreadyDeniedBySCP', 'count', 'australianAlternative', 'firstSeen', 'lastSeen'];
    for (const c of r.calls) {
      for (const k of keys) expect(c).toHaveProperty(k);
      expect(['ALLOWED', 'DENIED']).toContain(c.decision);
      expect(c.statement === null).toBe(c.decision === 'ALLOWED');
      expect(c.profilePrefix === null || c.profilePrefix === 'application' || /^[a-z-]+\.$/.test(c.profilePrefix)).toBe(true);
    }
    // One row per distinct (account, principal, source, name, model, Regions, decision) and SCP outcome.
    const ids = r.calls.map((c: any) => JSON.stringify([c.accountId, c.principalArn, c.eventSource, c.eventName, c.modelId,
      c.sourceRegion, c.servedRegion, c.decision, c.alreadyDeniedBySCP, c.errorCode]));
    expect(new Set(ids).size).toBe(ids.length);
    // The timeline counts the calls that were served: every call but the failed ones.
    const failed = r.calls.filter((c: any) => c.errorCode !== null).reduce((n: number, c: any) => n + c.count, 0);
    expect(failed).toBeGreaterThan(0);
    expect(r.timeline.reduce((n: number, t: any) => n + t.count, 0)).toBe(r.summary.residencyEvents - failed);
    expect(r.problems).toEqual([]);
    expect(r.blindSpots.length).toBeGreaterThan(0);
  });

  test('exit 0 when everything stayed in Australia and the posture allows it', async () => {
    const ok = [event('au-sonnet-served-melbourne.json'), event('seed-nova-pro-converse-direct.json'), event('s3-event-with-inference-region-field.json')];
    const { code, text } = await run(['--logs', trail(ok)]);
    expect(code).toBe(0);
    expect(text).toContain('Served outside Australia: 0; the posture would deny: 0');
  });

  test('exit 1 when the posture would deny a call that stayed in Australia', async () => {
    const { code } = await run(['--logs', trail([event('direct-nova-lite-in-melbourne.json')])]);
    expect(code).toBe(1);
    const allowed = await run(['--logs', trail([event('direct-nova-lite-in-melbourne.json')]), '--allowed-regions', 'ap-southeast-2,ap-southeast-4']);
    expect(allowed.code).toBe(0);
  });

  test('exit 2 for a malformed file, and the problem is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'traffic-cli-'));
    writeFileSync(join(dir, '111122223333_CloudTrail_ap-southeast-2_20260412T1200Z_Broken0000000001.json.gz'), 'not gzip, not json');
    const { code, text } = await run(['--logs', dir, '--format', 'json']);
    expect(code).toBe(2);
    expect(JSON.parse(text).problems[0]).toMatchObject({ record: null, reason: expect.stringMatching(/not valid JSON/) });
  });

  test('markdown names what the evidence cannot show', async () => {
    const { text } = await run(['--logs', trail(corpusRecords()), '--format', 'markdown']);
    expect(text).toMatch(/^# Bedrock traffic replay/);
    expect(text).toContain('## What this evidence cannot show');
    expect(text).toContain('| DENIED by DenyUnapprovedInferenceProfiles |');
  });

  test('bad usage exits 2 with every problem, posture errors name the flags', async () => {
    const io = { out: [] as string[], err: [] as string[] };
    const spyOut = jest.spyOn(process.stdout, 'write').mockImplementation((t: any) => { io.out.push(String(t)); return true; });
    const spyErr = jest.spyOn(process.stderr, 'write').mockImplementation((t: any) => { io.err.push(String(t)); return true; });
    try {
      expect(await main(['traffic', '--from', '2026-13-01', '--to', '2026-01-01', '--accounts', '12', '--format', 'xml', '--regions', 'ap-southeast2'])).toBe(2);
      const err = io.err.join('');
      expect(err).toContain('--from: "2026-13-01" is not a day');
      expect(err).toContain('--accounts: "12" is not an account ID');
      expect(err).toContain('--format: "xml" is not one of table, json, markdown');
      expect(err).toContain('--regions');
      expect(err).toContain('--logs: is required');
      io.err.length = 0;
      expect(await main(['traffic', '--logs', '/nonexistent/trail'])).toBe(2);
      expect(io.err.join('')).toContain('--logs: cannot read /nonexistent/trail');
      io.err.length = 0;
      expect(await main(['traffic', '--logs', '.', '--allowed-regions', 'us-east-1'])).toBe(2);
      expect(io.err.join('')).toMatch(/--allowed-regions \(item 1\)/);
      expect(await main(['traffic', '--help'])).toBe(0);
      expect(io.out.join('')).toContain(TRAFFIC_USAGE.split('\n')[0]);
    } finally {
      spyOut.mockRestore();
      spyErr.mockRestore();
    }
  });

  test('--athena prints the table and the query; it needs the trail\'s bucket and accounts', async () => {
    const { code, text } = await run(['--athena', '--logs', 's3://org-trail/central', '--organization-id', 'o-a1b2c3d4e5', '--accounts', '111122223333', '--from', '2026-09-01']);
    expect(code).toBe(0);
    expect(text).toContain("LOCATION 's3://org-trail/central/AWSLogs/o-a1b2c3d4e5/'");
    expect(text).toContain("'projection.timestamp.range'='2026/09/01,NOW'");
    expect(text).toContain('GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10');
    await expect(run(['--athena', '--logs', 's3://org-trail/central'])).rejects.toThrow(/--accounts/);
    await expect(run(['--athena', '--logs', './local'])).rejects.toThrow(/s3:\/\/BUCKET/);
  });

  test('--athena-results reads a CSV into the same report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'traffic-cli-'));
    const file = join(dir, 'results.csv');
    writeFileSync(file, '"account_id","principal_arn","event_source","event_name","model_id","source_region","inference_region","error_code","denied_by_scp","day","events","first_seen","last_seen","events_read"\n'
      + '"111122223333","arn:aws:iam::111122223333:role/App","bedrock.amazonaws.com","InvokeModel","global.anthropic.claude-sonnet-4-5-20250929-v1:0","ap-southeast-2","eu-west-1",,"false","2026-11-02","7","2026-11-02T01:00:00Z","2026-11-02T09:00:00Z","1000"\n');
    const { code, text } = await run(['--athena-results', file, '--format', 'json']);
    expect(code).toBe(1);
    const r = JSON.parse(text);
    expect(r.summary).toMatchObject({ eventsRead: 1000, residencyEvents: 7, servedOutsideAustralia: 7, wouldBeDenied: 7 });
    expect(r.calls[0]).toMatchObject({ decision: 'DENIED', statement: 'DenyUnapprovedInferenceProfiles', australianAlternative: 'au.anthropic.claude-sonnet-4-5-20250929-v1:0', count: 7 });
  });
});

test('--management-account: SCPs never apply there, so its calls are ALLOWED, and the blind spot says so', async () => {
  const call = { ...event('direct-nova-lite-in-melbourne.json') };
  const out: string[] = [];
  const code = await runTrafficCommand(['--logs', trail([call]), '--format', 'json', '--management-account', call.recipientAccountId], { stdout: (t) => out.push(t) }, { now: NOW });
  const r = JSON.parse(out.join(''));
  expect(code).toBe(0);
  expect(r.calls[0]).toMatchObject({ decision: 'ALLOWED', statement: null });
  expect(r.blindSpots.find((b: any) => b.surface === 'The management account').reason).toContain(call.recipientAccountId);
  await expect(runTrafficCommand(['--logs', '.', '--management-account', 'x'], { stdout: () => {} })).rejects.toThrow(/--management-account/);
});
