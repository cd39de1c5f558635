/**
 * The S3 path over the real S3 wire protocol: s3rver (a local S3-compatible
 * server) on 127.0.0.1, behind a small HTTP proxy that answers some requests
 * with 503 SlowDown (s3rver cannot throttle) and one GetObject with 404
 * NoSuchKey (an object deleted between listing and reading). The real
 * `traffic` command reads it through the real SDK client, found through
 * AWS_ENDPOINT_URL_S3, with small pages so the listing pages.
 */
import { mkdtempSync } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { runTrafficCommand } from '../../src/cli/traffic-command';
import { replayPosture } from '../../src/core/traffic/judge';
import { replayRecords } from '../../src/core/traffic/replay';
import { RunningS3rver, startS3rver } from '../helpers/s3rver-process';
import { corpusRecords, trailFiles } from '../helpers/trail-fixture';

const BUCKET = 'org-trail-bucket';
const PREFIX = 'central/';
const files = trailFiles(corpusRecords(), undefined, PREFIX);
const MISSING = files.find((f) => !f.key.includes('Digest') && f.key.includes('/ap-southeast-2/'))!.key;

let server: RunningS3rver;
let proxy: http.Server;
const seen: { method: string; url: string; status: number }[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  server = await startS3rver(mkdtempSync(join(tmpdir(), 's3rver-')), [BUCKET]);
  const s3Port = server.port;
  let n = 0;
  const attempts = new Map<string, number>();
  proxy = http.createServer((req, res) => {
    const url = req.url ?? '';
    const reply = (status: number, code: string) => {
      seen.push({ method: req.method!, url, status });
      req.resume();
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
    };
    if (req.method === 'GET' && decodeURIComponent(url.split('?')[0]).endsWith(MISSING)) return reply(404, 'NoSuchKey');
    // The first attempt of every other distinct request is throttled, listings and downloads alike.
    const attempt = (attempts.get(url) ?? 0) + 1;
    attempts.set(url, attempt);
    if (attempt === 1) n++;
    if (req.method === 'GET' && attempt === 1 && n % 2 === 0) return reply(503, 'SlowDown');
    const upstream = http.request({ host: '127.0.0.1', port: s3Port, method: req.method, path: url, headers: req.headers }, (up) => {
      seen.push({ method: req.method!, url, status: up.statusCode ?? 0 });
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  Object.assign(process.env, { AWS_ENDPOINT_URL_S3: endpoint, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' });
  delete process.env.AWS_PROFILE;
  const put = new S3Client({ endpoint: `http://127.0.0.1:${s3Port}`, forcePathStyle: true, region: 'us-east-1', requestChecksumCalculation: 'WHEN_REQUIRED', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  for (const f of files) await put.send(new PutObjectCommand({ Bucket: BUCKET, Key: f.key, Body: f.body }));
  put.destroy();
}, 60_000);

afterAll(async () => {
  process.env = saved;
  await new Promise((resolve) => proxy.close(resolve));
  await server.stop();
});

async function run(args: string[]) {
  const out: string[] = [];
  const code = await runTrafficCommand(args, { stdout: (t) => out.push(t) }, { s3PageSize: 2, now: new Date('2026-12-01T00:00:00Z') });
  return { code, report: JSON.parse(out.join('')) };
}

test('reads an organization trail from S3 through paging and throttling; a missing object makes the evidence incomplete', async () => {
  const { code, report } = await run(['--logs', `s3://${BUCKET}/${PREFIX}`, '--format', 'json']);
  expect(code).toBe(2);
  const events = files.filter((f) => !f.key.includes('Digest')).length;
  expect(report.summary.filesRead + report.summary.unreadableFiles).toBe(events);
  expect(report.summary.unreadableFiles).toBe(1);
  expect(report.problems).toEqual([{ file: `s3://${BUCKET}/${MISSING}`, record: null, reason: expect.stringMatching(/NoSuchKey/) }]);
  expect(seen.some((s) => s.status === 503 && s.url.includes('list-type=2'))).toBe(true);
  expect(seen.some((s) => s.status === 503 && !s.url.includes('list-type=2'))).toBe(true);
  expect(seen.some((s) => s.url.includes('continuation-token'))).toBe(true);
  // Digest files are never read.
  expect(seen.some((s) => !s.url.includes('list-type') && s.url.includes('CloudTrail-Digest'))).toBe(false);
  // Everything read agrees with a replay of the same records in memory.
  const local = replayRecords(corpusRecords(), { posture: replayPosture({}), version: 'x', now: new Date('2026-12-01T00:00:00Z') });
  const total = (r: any) => r.calls.reduce((n: number, c: any) => n + c.count, 0);
  expect(total(report)).toBeLessThan(total(local));
  expect(total(report)).toBeGreaterThan(0);
}, 120_000);

test('--from/--to list only the days asked for (start-after inside each Region folder)', async () => {
  const before = seen.length;
  const { report } = await run(['--logs', `s3://${BUCKET}/${PREFIX}`, '--format', 'json', '--from', '2026-11-20', '--to', '2026-11-20', '--regions', 'ap-southeast-4']);
  const gets = seen.slice(before).filter((s) => !s.url.includes('list-type') && s.status === 200).map((s) => s.url);
  expect(gets.length).toBeGreaterThan(0);
  expect(gets.every((u) => u.includes('/ap-southeast-4/2026/11/20/'))).toBe(true);
  expect(seen.slice(before).some((s) => s.url.includes('start-after'))).toBe(true);
  expect(report.calls.every((c: any) => c.sourceRegion === 'ap-southeast-4')).toBe(true);
  expect(report.summary.unreadableFiles).toBe(0);
}, 120_000);

test('a listing that keeps failing is incomplete evidence (exit 2), not a crash', async () => {
  const out: string[] = [];
  const code = await runTrafficCommand(['--logs', 's3://no-such-bucket-here/', '--format', 'json'], { stdout: (t) => out.push(t) });
  expect(code).toBe(2);
  const report = JSON.parse(out.join(''));
  expect(report.problems).toEqual([{ file: 's3://no-such-bucket-here/', record: null, reason: expect.stringMatching(/listing the log files failed.*NoSuchBucket/) }]);
}, 60_000);
