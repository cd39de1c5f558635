/**
 * The bundled PostureProbe handler, loaded as Lambda loads it, over the real
 * wire: the real Bedrock Runtime and AgentCore clients reach local stand-ins,
 * and the real S3 client a local S3 server (s3rver), all through
 * AWS_ENDPOINT_URL_<SERVICE>. CloudWatch is mocked (aws-sdk-client-mock) to read the metrics.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as s3 from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { SYDNEY_CATALOG } from '../../src/core/catalog/sydney-catalog.generated';
import { probePaths } from '../../src/core/probe/probe-paths';
import { ProbeReport } from '../../src/core/probe/probe-report';
import { ValidationErrors } from '../../src/core/validation-errors';
import { BedrockWireServer, pointSdkAt, postureDecision } from '../helpers/bedrock-wire-server';
// A local S3 server (no type declarations).
const S3rver = jest.requireActual('s3rver');

const BUNDLE = path.join(__dirname, '..', '..', 'assets', 'probe', 'posture-probe.lambda', 'index.js');

let server: BedrockWireServer;
let restoreEnv: () => void;
let s3server: any;
let reader: s3.S3Client;
const cw = mockClient(cloudwatch.CloudWatchClient);

beforeAll(async () => {
  server = new BedrockWireServer();
  restoreEnv = pointSdkAt(await server.start());
  s3server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: mkdtempSync(path.join(tmpdir(), 's3rver-')), configureBuckets: [{ name: 'evidence-bucket' }] });
  const { port } = await s3server.run();
  process.env.AWS_ENDPOINT_URL_S3 = `http://127.0.0.1:${port}`;
  // s3rver checks signatures with its own fixed key pair; the Bedrock stand-ins read only the credential scope.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
  reader = new s3.S3Client({});
  const paths = probePaths(SYDNEY_CATALOG, { originRegion: 'ap-southeast-2' }, new ValidationErrors());
  Object.assign(process.env, {
    PROBE_PATHS: JSON.stringify(paths),
    ORIGIN_REGION: 'ap-southeast-2',
    METRIC_NAMESPACE: 'SovereignBedrock/Probe',
    EVIDENCE_BUCKET: 'evidence-bucket',
    EVIDENCE_PREFIX: 'posture-probe/',
    TOOL_VERSION: '9.9.9',
  });
});
afterAll(async () => {
  restoreEnv();
  cw.restore();
  reader.destroy();
  await s3server.close();
  await server.stop();
});
beforeEach(() => {
  cw.reset();
  process.env.EVIDENCE_BUCKET = 'evidence-bucket';
  server.requests.length = 0;
  server.decide = postureDecision;
});

const context = { invokedFunctionArn: 'arn:aws:lambda:ap-southeast-2:444455556666:function:probe' };

function published(): Map<string, number> {
  const data = cw.commandCalls(cloudwatch.PutMetricDataCommand).flatMap((c) => {
    expect(c.args[0].input.Namespace).toBe('SovereignBedrock/Probe');
    return c.args[0].input.MetricData!;
  });
  return new Map(data.map((d) => [`${d.MetricName} ${d.Dimensions!.map((x) => `${x.Name}=${x.Value}`).join(',')}`, d.Value!]));
}

test('a posture that decides as designed: one dated evidence record, every path and outcome published, nothing failed', async () => {
  jest.spyOn(console, 'log').mockImplementation(() => {});
  const sends = jest.spyOn(s3.S3Client.prototype, 'send');
  const { handler } = jest.requireActual(BUNDLE);
  const result = await handler({}, context);
  expect(result.exitCode).toBe(0);
  // A bucket with an Object Lock default retention refuses a put without an integrity checksum.
  const put = sends.mock.calls.map(([c]) => c).find((c) => c instanceof s3.PutObjectCommand) as s3.PutObjectCommand;
  expect(put.input).toMatchObject({ Bucket: 'evidence-bucket', ChecksumAlgorithm: 'SHA256', ContentType: 'application/json' });
  sends.mockRestore();
  expect(server.requests).toHaveLength(6);

  expect(result.evidenceKey).toMatch(/^posture-probe\/\d{4}\/\d{2}\/\d{2}\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-ap-southeast-2\.json$/);
  const object = await reader.send(new s3.GetObjectCommand({ Bucket: 'evidence-bucket', Key: result.evidenceKey }));
  expect(object.ContentType).toBe('application/json');
  const record: ProbeReport = JSON.parse(await object.Body!.transformToString());
  expect(record).toMatchObject({
    kind: 'cdk-sovereign-bedrock/probe',
    schemaVersion: 1,
    tool: { version: '9.9.9' },
    accountId: '444455556666',
    summary: { passed: 6, failed: 0, inconclusive: 0 },
  });

  const metrics = published();
  expect(metrics.get('PathsFailed Origin=ap-southeast-2')).toBe(0);
  expect(metrics.get('PathsInconclusive Origin=ap-southeast-2')).toBe(0);
  expect(metrics.get('PathsPassed Origin=ap-southeast-2')).toBe(6);
  expect(metrics.get('PathOutcome Path=apac-profile,Outcome=DENIED_BY_SCP')).toBe(1);
  expect(metrics.get('PathOutcome Path=apac-profile,Outcome=REACHED')).toBe(0);
  expect(metrics.get('PathOutcome Path=au-profile,Outcome=REACHED')).toBe(1);
  // Every path has all four outcome series, every run.
  expect([...metrics.keys()].filter((k) => k.startsWith('PathOutcome'))).toHaveLength(6 * 4);
});

test('an apac. call let through: PathsFailed 1 (the alarm\'s metric), REACHED on apac-profile, recorded in the evidence', async () => {
  jest.spyOn(console, 'log').mockImplementation(() => {});
  server.decide = (r) => (r.resourceId.startsWith('apac.') ? 'ok' : postureDecision(r));
  const { handler } = jest.requireActual(BUNDLE);
  const result = await handler({}, context);
  expect(result.exitCode).toBe(1);
  const metrics = published();
  expect(metrics.get('PathsFailed Origin=ap-southeast-2')).toBe(1);
  expect(metrics.get('PathOutcome Path=apac-profile,Outcome=REACHED')).toBe(1);
  const object = await reader.send(new s3.GetObjectCommand({ Bucket: 'evidence-bucket', Key: result.evidenceKey }));
  const record: ProbeReport = JSON.parse(await object.Body!.transformToString());
  expect(record.results.filter((r) => !r.ok).map((r) => r.path)).toEqual(['apac-profile']);
});

test('an evidence write that fails still publishes the metrics, then fails the invocation', async () => {
  jest.spyOn(console, 'log').mockImplementation(() => {});
  process.env.EVIDENCE_BUCKET = 'no-such-bucket';
  const { handler } = jest.requireActual(BUNDLE);
  await expect(handler({}, context)).rejects.toThrow(/bucket does not exist/i);
  expect(published().get('PathsPassed Origin=ap-southeast-2')).toBe(6);
});

test('the bundle leaves the SDK to the Lambda runtime', () => {
  const code = readFileSync(BUNDLE, 'utf8');
  expect(code).toContain('require("@aws-sdk/client-bedrock-runtime")');
  expect(code).not.toMatch(/smithy|@aws-sdk\/core/);
});
