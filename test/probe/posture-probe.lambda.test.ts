/**
 * The bundled PostureProbe handler, loaded as Lambda loads it, probing over the
 * real wire: the real Bedrock Runtime and AgentCore clients reach local
 * stand-ins through AWS_ENDPOINT_URL_<SERVICE>. CloudWatch and S3 are mocked
 * (aws-sdk-client-mock) to read the metrics and the evidence record.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as s3 from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { SYDNEY_CATALOG } from '../../src/core/catalog/sydney-catalog.generated';
import { probePaths } from '../../src/core/probe/probe-paths';
import { ProbeReport } from '../../src/core/probe/probe-report';
import { ValidationErrors } from '../../src/core/validation-errors';
import { BedrockWireServer, pointSdkAt, postureDecision } from '../helpers/bedrock-wire-server';

const BUNDLE = path.join(__dirname, '..', '..', 'assets', 'probe', 'posture-probe.lambda', 'index.js');

let server: BedrockWireServer;
let restoreEnv: () => void;
const cw = mockClient(cloudwatch.CloudWatchClient);
const storage = mockClient(s3.S3Client);

beforeAll(async () => {
  server = new BedrockWireServer();
  restoreEnv = pointSdkAt(await server.start());
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
  storage.restore();
  await server.stop();
});
beforeEach(() => {
  cw.reset();
  storage.reset();
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
  const { handler } = jest.requireActual(BUNDLE);
  const result = await handler({}, context);
  expect(result.exitCode).toBe(0);
  expect(server.requests).toHaveLength(6);

  const puts = storage.commandCalls(s3.PutObjectCommand);
  expect(puts).toHaveLength(1);
  const input = puts[0].args[0].input;
  expect(input.Bucket).toBe('evidence-bucket');
  // Object Lock buckets refuse puts without an integrity checksum.
  expect(input.ChecksumAlgorithm).toBe('SHA256');
  expect(input.Key).toMatch(/^posture-probe\/\d{4}\/\d{2}\/\d{2}\/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-ap-southeast-2\.json$/);
  expect(result.evidenceKey).toBe(input.Key);
  const record: ProbeReport = JSON.parse(String(input.Body));
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
  const record: ProbeReport = JSON.parse(String(storage.commandCalls(s3.PutObjectCommand)[0].args[0].input.Body));
  expect(record.results.filter((r) => !r.ok).map((r) => r.path)).toEqual(['apac-profile']);
});

test('an evidence write that fails still publishes the metrics, then fails the invocation', async () => {
  jest.spyOn(console, 'log').mockImplementation(() => {});
  storage.on(s3.PutObjectCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
  const { handler } = jest.requireActual(BUNDLE);
  await expect(handler({}, context)).rejects.toThrow('Access Denied');
  expect(published().get('PathsPassed Origin=ap-southeast-2')).toBe(6);
});

test('the bundle leaves the SDK to the Lambda runtime', () => {
  const code = readFileSync(BUNDLE, 'utf8');
  expect(code).toContain('require("@aws-sdk/client-bedrock-runtime")');
  expect(code).not.toMatch(/smithy|@aws-sdk\/core/);
});
