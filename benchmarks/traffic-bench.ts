/**
 * Prints figures; asserts nothing.
 *
 *   npm run bench:traffic                      # about 200 MB of uncompressed trail
 *   TRAFFIC_BENCH_MB=3000 npm run bench:traffic  # a few GB, as an organization's quarter might be
 *
 * Generates an organization trail in a temporary folder (the real record shapes:
 * S3 data events, EC2 and IAM reads, STS AssumeRole, KMS Decrypt, CloudWatch
 * writes, and about 2% Bedrock, Mantle, AgentCore and Claude Platform calls taken
 * from the event corpus), gzip JSON files of about 2 MB laid out as CloudTrail
 * writes them, over two days. Then prints, side by side, for the same files:
 * - the floor: `gzip -dc` of every file to /dev/null;
 * - what a user would do instead: `gzip -dc ... | jq` selecting and counting the governed events;
 * - the replay (`TrafficReplay.fromDirectory`), with and without the pre-parse skip,
 *   on half the trail and on all of it: events per second and peak RSS (so the
 *   figure shows whether memory stays flat as the input doubles).
 * Each replay runs in a fresh process so its peak RSS is its own.
 * BENCH_RUNS (default 1) repeats each measurement and keeps the fastest; TRAFFIC_BENCH_KEEP=1 keeps the trail.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { gzipSync } from 'zlib';

const MB = Number(process.env.TRAFFIC_BENCH_MB ?? 200);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const FILE_BYTES = 2 * 1024 * 1024;
const ORG = 'o-bench12345';
const ACCOUNTS = ['111122223333', '222233334444', '333344445555', '444455556666'];
const REGIONS = ['ap-southeast-2', 'ap-southeast-4', 'us-east-1'];
const DAYS = ['2026-11-01', '2026-11-02'];
const GOVERNED_SHARE = 0.02;

function role(account: string, name: string) {
  return {
    type: 'AssumedRole',
    principalId: `AROAEXAMPLE${name.toUpperCase()}:session`,
    arn: `arn:aws:sts::${account}:assumed-role/${name}/session`,
    accountId: account,
    accessKeyId: 'ASIAEXAMPLEKEY',
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: `AROAEXAMPLE${name.toUpperCase()}`, arn: `arn:aws:iam::${account}:role/${name}`, accountId: account, userName: name },
      attributes: { creationDate: '2026-11-01T00:00:00Z', mfaAuthenticated: 'false' },
    },
  };
}

/** Other services' records, shaped as CloudTrail's documented examples. */
const OTHER: ((account: string, region: string, time: string, n: number) => object)[] = [
  (a, r, t, n) => ({
    eventVersion: '1.10',
    userIdentity: role(a, 'DataPipeline'),
    eventTime: t,
    eventSource: 's3.amazonaws.com',
    eventName: 'GetObject',
    awsRegion: r,
    sourceIPAddress: '10.0.12.7',
    userAgent: '[aws-sdk-java/2.25.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17]',
    requestParameters: { bucketName: `datalake-${a}`, Host: `datalake-${a}.s3.${r}.amazonaws.com`, key: `raw/2026/11/part-${n}.parquet` },
    responseElements: null,
    additionalEventData: { 'SignatureVersion': 'SigV4', 'CipherSuite': 'TLS_AES_128_GCM_SHA256', 'bytesTransferredIn': 0, 'AuthenticationMethod': 'AuthHeader', 'x-amz-id-2': 'EXAMPLEid2', 'bytesTransferredOut': 52000 + n },
    requestID: `REQ${n}`,
    eventID: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    readOnly: true,
    resources: [{ type: 'AWS::S3::Object', ARN: `arn:aws:s3:::datalake-${a}/raw/2026/11/part-${n}.parquet` }, { accountId: a, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::datalake-${a}` }],
    eventType: 'AwsApiCall',
    managementEvent: false,
    recipientAccountId: a,
    eventCategory: 'Data',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `datalake-${a}.s3.${r}.amazonaws.com` },
  }),
  (a, r, t, n) => ({
    eventVersion: '1.09',
    userIdentity: role(a, 'AWSReservedSSO_ReadOnly_abc'),
    eventTime: t,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    awsRegion: r,
    sourceIPAddress: '203.0.113.40',
    userAgent: 'console.amazonaws.com',
    requestParameters: { instancesSet: {}, filterSet: { items: [{ name: 'instance-state-name', valueSet: { items: [{ value: 'running' }] } }] } },
    responseElements: null,
    requestID: `ec2-${n}`,
    eventID: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: a,
    eventCategory: 'Management',
  }),
  (a, r, t, n) => ({
    eventVersion: '1.08',
    userIdentity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' },
    eventTime: t,
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    awsRegion: r,
    sourceIPAddress: 'lambda.amazonaws.com',
    userAgent: 'lambda.amazonaws.com',
    requestParameters: { roleArn: `arn:aws:iam::${a}:role/service-role/fn-${n % 50}`, roleSessionName: `fn-${n % 50}` },
    responseElements: { credentials: { accessKeyId: 'ASIAEXAMPLE', sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE'.repeat(8), expiration: 'Nov 1, 2026, 12:00:00 PM' } },
    requestID: `sts-${n}`,
    eventID: `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    readOnly: true,
    resources: [{ accountId: a, type: 'AWS::IAM::Role', ARN: `arn:aws:iam::${a}:role/service-role/fn-${n % 50}` }],
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: a,
    sharedEventID: `shared-${n}`,
    eventCategory: 'Management',
  }),
  (a, r, t, n) => ({
    eventVersion: '1.08',
    userIdentity: role(a, 'OrdersService'),
    eventTime: t,
    eventSource: 'kms.amazonaws.com',
    eventName: 'Decrypt',
    awsRegion: r,
    sourceIPAddress: 'ecs-tasks.amazonaws.com',
    userAgent: 'aws-sdk-go-v2/1.30.0',
    requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::orders-${a}/${n}` } },
    responseElements: null,
    requestID: `kms-${n}`,
    eventID: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    readOnly: true,
    resources: [{ accountId: a, type: 'AWS::KMS::Key', ARN: `arn:aws:kms:${r}:${a}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }],
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: a,
    eventCategory: 'Management',
  }),
  (a, r, t, n) => ({
    eventVersion: '1.08',
    userIdentity: role(a, 'MetricsAgent'),
    eventTime: t,
    eventSource: 'monitoring.amazonaws.com',
    eventName: 'PutMetricData',
    awsRegion: r,
    sourceIPAddress: '10.1.4.9',
    userAgent: 'CWAgent/1.300032.2',
    requestParameters: { namespace: 'CWAgent', metricData: [{ metricName: 'mem_used_percent', dimensions: [{ name: 'InstanceId', value: `i-0${n.toString(16)}` }], value: 41.5 }] },
    responseElements: null,
    requestID: `cw-${n}`,
    eventID: `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: a,
    eventCategory: 'Management',
  }),
];

function corpus(): any[] {
  const dir = join(__dirname, '..', 'test', 'integ', 'cloudtrail-events');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).event)
    .filter((e) => /^(bedrock|aws-external-anthropic)/.test(e.eventSource));
}

/** Writes the trail; returns its folder, its files and the number of governed events written. */
function generate(): { dir: string; files: string[]; events: number; governed: number; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'traffic-bench-'));
  const governedPool = corpus();
  const target = MB * 1024 * 1024;
  const files: string[] = [];
  let bytes = 0;
  let n = 0;
  let governed = 0;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let fileNo = 0;
  while (bytes < target) {
    const day = DAYS[fileNo < (target / FILE_BYTES) / 2 ? 0 : 1];
    const account = ACCOUNTS[fileNo % ACCOUNTS.length];
    const region = REGIONS[Math.floor(fileNo / ACCOUNTS.length) % REGIONS.length];
    const parts: string[] = [];
    let size = 0;
    while (size < FILE_BYTES) {
      const time = `${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`;
      let rec: any;
      if (random() < GOVERNED_SHARE) {
        const g = governedPool[Math.floor(random() * governedPool.length)];
        rec = { ...g, eventTime: time, awsRegion: g.awsRegion, recipientAccountId: account, eventID: `b-${n}` };
        governed++;
      } else {
        rec = OTHER[Math.floor(random() * OTHER.length)](account, region, time, n);
      }
      const text = JSON.stringify(rec);
      parts.push(text);
      size += text.length + 1;
      n++;
    }
    const body = `{"Records":[${parts.join(',')}]}`;
    const [y, m, d] = day.split('-');
    const folder = join(dir, 'AWSLogs', ORG, account, 'CloudTrail', region, y, m, d);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${account}_CloudTrail_${region}_${y}${m}${d}T${String(fileNo % 24).padStart(2, '0')}05Z_Bench${String(fileNo).padStart(11, '0')}.json.gz`);
    writeFileSync(file, gzipSync(body, { level: 6 }));
    files.push(file);
    bytes += body.length;
    fileNo++;
  }
  return { dir, files, events: n, governed, bytes };
}

function best(run: () => number): number {
  let t = Infinity;
  for (let i = 0; i < RUNS; i++) t = Math.min(t, run());
  return t;
}

function timeShell(script: string, files: string[]): { seconds: number; stdout: string } {
  const list = join(tmpdir(), `traffic-bench-files-${process.pid}.txt`);
  writeFileSync(list, files.join('\n'));
  let stdout = '';
  const seconds = best(() => {
    const t = performance.now();
    const r = spawnSync('sh', ['-c', script.replace('FILES', `"${list}"`)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${script}: ${r.stderr}`);
    stdout = r.stdout;
    return (performance.now() - t) / 1000;
  });
  rmSync(list);
  return { seconds, stdout };
}

/**
 * This script bundled to plain JavaScript (esbuild), so the measured process
 * carries no TypeScript compiler: its peak RSS is the replay's, as a user of
 * the published package would see it.
 */
function bundle(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'traffic-bench-js-')), 'bench.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('esbuild').buildSync({ entryPoints: [__filename], bundle: true, platform: 'node', target: 'node20', outfile: out, logLevel: 'error' });
  return out;
}

/** One replay in a fresh process: its own wall time (after start-up) and peak RSS. */
interface ReplayFigures { seconds: number; rssMb: number; events: number; governed: number; parsed: number }

function replay(script: string, dir: string, extra: Record<string, string>): ReplayFigures {
  let out: any;
  const seconds = best(() => {
    const r = spawnSync(process.execPath, [script], {
      encoding: 'utf8', env: { ...process.env, TRAFFIC_BENCH_CHILD: dir, ...extra }, maxBuffer: 16 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`replay failed: ${r.stderr}`);
    out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    return out.seconds;
  });
  return { ...out, seconds };
}

async function child(dir: string): Promise<void> {
  // Imported here so the parent's generation does not count towards the child's memory.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { replaySource } = require('../src/core/traffic/replay') as typeof import('../src/core/traffic/replay');
  const { localSource } = require('../src/traffic/local-log-source') as typeof import('../src/traffic/local-log-source');
  const { replayPosture } = require('../src/core/traffic/judge') as typeof import('../src/core/traffic/judge');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const posture = replayPosture({});
  const stats = { parsed: 0 };
  const t = performance.now();
  const report = await replaySource(localSource(dir), {
    posture, version: 'bench', fullParse: process.env.TRAFFIC_BENCH_FULL === '1', filter: process.env.TRAFFIC_BENCH_TO ? { to: process.env.TRAFFIC_BENCH_TO } : {},
  }, stats);
  const seconds = (performance.now() - t) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, rssMb: process.resourceUsage().maxRSS / 1024, events: report.summary.eventsRead, governed: report.summary.residencyEvents, parsed: stats.parsed })}\n`);
}

function hasJq(): boolean {
  return spawnSync('jq', ['--version']).status === 0;
}

async function main(): Promise<void> {
  const g0 = performance.now();
  const trail = generate();
  const gb = trail.bytes / 1e9;
  console.log(`Generated ${trail.files.length} files, ${trail.events.toLocaleString()} events (${trail.governed.toLocaleString()} governed), `
    + `${(trail.bytes / 1e6).toFixed(0)} MB uncompressed (${gb.toFixed(2)} GB) in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
  let script: string | undefined;
  try {
    script = bundle();
    const floor = timeShell('xargs gzip -dc < FILES > /dev/null', trail.files);
    const half = replay(script, trail.dir, { TRAFFIC_BENCH_TO: DAYS[0] });
    const ours = replay(script, trail.dir, {});
    const full = replay(script, trail.dir, { TRAFFIC_BENCH_FULL: '1' });
    if (ours.events !== trail.events || ours.governed !== trail.governed) throw new Error(`replay counted ${ours.events}/${ours.governed}, generated ${trail.events}/${trail.governed}`);
    const rate = (s: number) => `${Math.round(trail.events / s).toLocaleString()} events/s`;
    const rows: string[][] = [
      ['gzip -dc > /dev/null (the floor)', `${floor.seconds.toFixed(2)} s`, rate(floor.seconds), '1.00x', '-'],
      ['replay (pre-parse skip)', `${ours.seconds.toFixed(2)} s`, rate(ours.seconds), `${(ours.seconds / floor.seconds).toFixed(2)}x`, `${ours.rssMb.toFixed(0)} MB`],
      [`replay, half the trail (${DAYS[0]} only)`, `${half.seconds.toFixed(2)} s`, `${Math.round(half.events / half.seconds).toLocaleString()} events/s`, '-', `${half.rssMb.toFixed(0)} MB`],
      ['replay, every record parsed', `${full.seconds.toFixed(2)} s`, rate(full.seconds), `${(full.seconds / floor.seconds).toFixed(2)}x`, `${full.rssMb.toFixed(0)} MB`],
    ];
    let jqNote = '';
    if (hasJq()) {
      const jq = timeShell('xargs gzip -dc < FILES | jq -c \'[.Records[] | select(.eventSource | test("^(bedrock|aws-external-anthropic)([.-]|$)"))] | length\' | awk \'{s+=$1} END {print s}\'', trail.files);
      if (Number(jq.stdout.trim()) !== trail.governed) throw new Error(`jq counted ${jq.stdout.trim()}, generated ${trail.governed}`);
      rows.splice(1, 0, ['gzip -dc | jq (filter and count)', `${jq.seconds.toFixed(2)} s`, rate(jq.seconds), `${(jq.seconds / floor.seconds).toFixed(2)}x`, '-']);
      jqNote = `The replay is ${(jq.seconds / ours.seconds).toFixed(1)}x faster than jq, which only counts (no decision, no grouping).`;
    } else {
      jqNote = 'jq is not installed: its column is skipped (apt-get install -y jq).';
    }
    const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length), ['', 'wall', 'throughput', 'vs floor', 'peak RSS'][i].length));
    const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(line(['', 'wall', 'throughput', 'vs floor', 'peak RSS']));
    for (const r of rows) console.log(line(r));
    console.log(jqNote);
    console.log(`Pre-parse skip: ${ours.parsed.toLocaleString()} of ${trail.events.toLocaleString()} records parsed as JSON (the rest counted by a structural scan). `
      + `Runs per measurement: ${RUNS} (fastest kept). Machine: ${cpus().length} CPUs.`);
  } finally {
    if (script) rmSync(join(script, '..'), { recursive: true, force: true });
    if (process.env.TRAFFIC_BENCH_KEEP) console.log(`Trail kept in ${trail.dir}`);
    else rmSync(trail.dir, { recursive: true, force: true });
  }
}

if (process.env.TRAFFIC_BENCH_CHILD) {
  void child(process.env.TRAFFIC_BENCH_CHILD).catch((e) => { console.error(e); process.exitCode = 1; });
} else {
  void main().catch((e) => { console.error(e); process.exitCode = 1; });
}
