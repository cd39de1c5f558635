/**
 * An endpoint that accepts the connection and never answers must not hang the
 * audit. The real `@aws-sdk/client-organizations`, built by the CLI, is pointed
 * at a local server with AWS_ENDPOINT_URL_ORGANIZATIONS: one server swallows
 * every request; the other answers as Organizations would (awsJson1_1) except
 * for one account's ListPoliciesForTarget, which it never answers.
 */
import * as http from 'http';
import * as net from 'net';
import { Writable } from 'stream';
import { main } from '../../src/cli/main';
import { streamOutput } from '../../src/cli/output';

const ENV = ['AWS_ENDPOINT_URL_ORGANIZATIONS', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION'] as const;
const saved: Partial<Record<string, string>> = {};
const sockets = new Set<net.Socket>();
let silent: net.Server;
let partial: http.Server;
let silentUrl: string;
let partialUrl: string;
const requests: string[] = [];

function sink() {
  const text: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { text.push(String(chunk)); done(); } });
  return { stream, text: () => text.join('') };
}

const listen = (server: net.Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => {
  resolve(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
}));

const ANSWERS: Record<string, (input: any) => unknown> = {
  DescribeOrganization: () => ({ Organization: { Id: 'o-exampleorgid', MasterAccountId: '111111111111' } }),
  ListRoots: () => ({ Roots: [{ Id: 'r-ab12', Name: 'Root' }] }),
  ListOrganizationalUnitsForParent: () => ({ OrganizationalUnits: [] }),
  ListAccountsForParent: () => ({ Accounts: [{ Id: '222222222222', Name: 'quiet', Status: 'ACTIVE' }, { Id: '333333333333', Name: 'silent', Status: 'ACTIVE' }] }),
  ListPoliciesForTarget: () => ({ Policies: [{ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess', AwsManaged: true }] }),
  DescribePolicy: () => ({
    Policy: {
      PolicySummary: { Id: 'p-FullAWSAccess', Name: 'FullAWSAccess', AwsManaged: true },
      Content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    },
  }),
};

beforeAll(async () => {
  for (const k of ENV) saved[k] = process.env[k];
  process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.AWS_REGION = 'us-east-1';

  silent = net.createServer((socket) => { sockets.add(socket); requests.push('silent'); });
  silentUrl = await listen(silent);
  partial = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '').split('.').pop()!;
      const input = JSON.parse(body || '{}');
      requests.push(op);
      if (op === 'ListPoliciesForTarget' && input.TargetId === '333333333333') return; // never answered
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(ANSWERS[op](input)));
    });
  });
  partial.on('connection', (s) => sockets.add(s));
  partialUrl = await listen(partial);
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all([silent, partial].map((s) => new Promise((r) => s.close(r))));
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

async function audit(endpoint: string, ...flags: string[]) {
  process.env.AWS_ENDPOINT_URL_ORGANIZATIONS = endpoint;
  const out = sink();
  const err = sink();
  const started = process.hrtime.bigint();
  const code = await main(['audit', '--timeout-ms', '300', ...flags], streamOutput(out.stream, err.stream));
  const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
  // Printed, not asserted: the bound is the test's own timeout below.
  process.stdout.write(`audit against ${endpoint === silentUrl ? 'a silent endpoint' : 'one silent call'}: exit ${code} in ${ms} ms\n`);
  return { code, out: out.text(), err: err.text() };
}

test('an endpoint that never answers ends the audit with exit 2 and a named timeout', async () => {
  const r = await audit(silentUrl);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^audit failed: organizations:DescribeOrganization timed out \(a read failure\)/m);
  expect(r.out).toBe('');
  // Retried once as a timeout, then given up: two requests, not the eight throttling gets.
  expect(requests.filter((x) => x === 'silent')).toHaveLength(2);
}, 20_000);

test('one call that never answers makes that account ERROR; the rest is still judged', async () => {
  const r = await audit(partialUrl, '--format', 'json');
  expect(r.code).toBe(2);
  const report = JSON.parse(r.out);
  const byId = Object.fromEntries(report.accounts.map((a: any) => [a.id, a]));
  expect(byId['333333333333'].protection).toBe('ERROR');
  expect(byId['333333333333'].message).toMatch(/organizations:ListPoliciesForTarget timed out/);
  expect(byId['222222222222'].protection).toBe('UNPROTECTED');
  expect(r.err).toMatch(/warning: 333333333333: organizations:ListPoliciesForTarget timed out/);
}, 20_000);

test('--timeout-ms is checked', async () => {
  const err = sink();
  const code = await main(['audit', '--timeout-ms', '0'], streamOutput(sink().stream, err.stream));
  expect(code).toBe(2);
  expect(err.text()).toMatch(/--timeout-ms: must be a whole number of milliseconds from 1 to 600000, got 0/);
});
