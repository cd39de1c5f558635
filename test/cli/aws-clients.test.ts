/**
 * The shared client options over real sockets: an S3 client (HTTP/1.1) and a
 * Bedrock Runtime client (HTTP/2, its default) pointed at local servers that
 * accept and never answer end with a named timeout instead of waiting.
 */
import * as http2 from 'http2';
import * as net from 'net';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { sdkClientOptions } from '../../src/cli/aws-clients';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const sockets = new Set<net.Socket>();
let silent1: net.Server;
let silent2: http2.Http2Server;
let url1: string;
let url2: string;

const listen = (server: net.Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => {
  resolve(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
}));

beforeAll(async () => {
  silent1 = net.createServer((s) => { sockets.add(s); });
  url1 = await listen(silent1);
  // Cleartext HTTP/2 that takes each request and never responds.
  silent2 = http2.createServer();
  silent2.on('connection', (s: net.Socket) => sockets.add(s));
  silent2.on('stream', () => {});
  url2 = await listen(silent2);
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all([silent1, silent2].map((s) => new Promise((r) => s.close(r))));
});

test('the options: connection timeout capped at 5 s, request timeout, bounded attempts', () => {
  expect(sdkClientOptions({ region: 'ap-southeast-2' })).toEqual({
    region: 'ap-southeast-2',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5000, requestTimeout: 30000, throwOnRequestTimeout: true, socketTimeout: 30000 },
  });
  expect(sdkClientOptions({ region: 'ap-southeast-2', timeoutMs: 800, maxAttempts: 1 }).requestHandler.connectionTimeout).toBe(800);
  expect(() => sdkClientOptions({ region: 'ap-southeast-2', timeoutMs: 0 })).toThrow(/timeoutMs must be a whole number of milliseconds/);
  expect(() => sdkClientOptions({ region: 'ap-southeast-2', maxAttempts: 0 })).toThrow(/maxAttempts must be an integer from 1 to 10/);
});

test('S3 (HTTP/1.1) against an endpoint that never answers: a TimeoutError', async () => {
  const s3 = new S3Client({ ...sdkClientOptions({ region: 'ap-southeast-2', timeoutMs: 200, maxAttempts: 1 }), endpoint: url1, forcePathStyle: true, credentials });
  const err = await s3.send(new GetObjectCommand({ Bucket: 'trail', Key: 'x.json.gz' })).catch((e) => e);
  expect(err.name).toBe('TimeoutError');
  s3.destroy();
}, 15_000);

test('Bedrock Runtime (HTTP/2) against an endpoint that never answers: a TimeoutError', async () => {
  const runtime = new BedrockRuntimeClient({ ...sdkClientOptions({ region: 'ap-southeast-2', timeoutMs: 200, maxAttempts: 1 }), endpoint: url2, credentials });
  const err = await runtime.send(new InvokeModelCommand({ modelId: 'au.anthropic.claude-sonnet-4-5-20250929-v1:0', body: '{}' })).catch((e) => e);
  expect(err.name).toBe('TimeoutError');
  runtime.destroy();
}, 15_000);
