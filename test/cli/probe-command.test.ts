import { main } from '../../src/cli/main';
import { MissingSdkError } from '../../src/cli/organizations-sdk';
import { parseProbeArgs } from '../../src/cli/probe-command';
import { loadProbeSdks } from '../../src/cli/probe-sdk';
import { ProbeReport } from '../../src/core/probe/probe-report';
import { BedrockWireServer, pointSdkAt, postureDecision } from '../helpers/bedrock-wire-server';

/**
 * The real command, with the real AWS SDK clients, against local stand-ins for
 * Bedrock Runtime (HTTP/2 cleartext) and AgentCore (HTTP/1.1), reached through
 * the SDK's standard AWS_ENDPOINT_URL_<SERVICE> settings.
 */
let server: BedrockWireServer;
let restoreEnv: () => void;

beforeAll(async () => {
  server = new BedrockWireServer();
  restoreEnv = pointSdkAt(await server.start());
});
afterAll(async () => {
  restoreEnv();
  await server.stop();
});
beforeEach(() => {
  server.requests.length = 0;
  server.decide = postureDecision;
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const w = jest.spyOn(process.stdout, 'write').mockImplementation((t: any) => { out.push(String(t)); return true; });
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((t: any) => { err.push(String(t)); return true; });
  try {
    const code = await main(['probe', ...argv]);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    w.mockRestore();
    e.mockRestore();
  }
}

async function json(...argv: string[]): Promise<{ code: number; report: ProbeReport }> {
  const r = await run(...argv, '--format', 'json');
  return { code: r.code, report: JSON.parse(r.out) };
}

describe('probe over the wire', () => {
  test('a posture that decides as designed: exit 0, every path as expected, the contract\'s header', async () => {
    const { code, report } = await json();
    expect(code).toBe(0);
    expect(report).toMatchObject({
      kind: 'cdk-sovereign-bedrock/probe',
      schemaVersion: 1,
      tool: { name: 'cdk-sovereign-bedrock' },
      originRegion: 'ap-southeast-2',
      accountId: '111122223333',
      callerArn: 'arn:aws:sts::111122223333:assumed-role/SovereignBedrockProbe/probe-session',
      summary: { passed: 6, failed: 0, inconclusive: 0 },
    });
    expect(report.results.map((r) => [r.path, r.service, r.region, r.modelId, r.expect, r.outcome, r.ok])).toEqual([
      ['on-demand-in-origin', 'bedrock-runtime', 'ap-southeast-2', 'amazon.nova-micro-v1:0', 'ALLOWED', 'REACHED', true],
      ['au-profile', 'bedrock-runtime', 'ap-southeast-2', 'au.anthropic.claude-haiku-4-5-20251001-v1:0', 'ALLOWED', 'REACHED', true],
      ['apac-profile', 'bedrock-runtime', 'ap-southeast-2', 'apac.amazon.nova-micro-v1:0', 'DENIED', 'DENIED_BY_SCP', true],
      ['global-profile', 'bedrock-runtime', 'ap-southeast-2', 'global.anthropic.claude-haiku-4-5-20251001-v1:0', 'DENIED', 'DENIED_BY_SCP', true],
      ['direct-us-east-1', 'bedrock-runtime', 'us-east-1', 'amazon.nova-micro-v1:0', 'DENIED', 'DENIED_BY_SCP', true],
      ['agentcore-us-east-1', 'bedrock-agentcore', 'us-east-1', 'memory/SovereignProbeNoSuchMemory-0000000000', 'DENIED', 'DENIED_BY_SCP', true],
    ]);
    expect(Date.parse(report.generatedAt)).not.toBeNaN();
    expect(report.cost).toEqual({ callsPerRun: 6, maxAttemptsPerCall: 2, maxOutputTokensPerCall: 1, prompt: 'Reply with the single word OK.', timeoutMsPerCall: 20_000 });
  });

  test('what went over the wire: HTTP/2 to Bedrock Runtime, one minimal non-streaming Converse per path, signed for the path\'s Region', async () => {
    await json();
    const converse = server.requests.filter((r) => r.service === 'bedrock-runtime');
    expect(converse.map((r) => [r.httpVersion, r.method, r.signingService, r.region, r.resourceId])).toEqual([
      ['2.0', 'POST', 'bedrock', 'ap-southeast-2', 'amazon.nova-micro-v1:0'],
      ['2.0', 'POST', 'bedrock', 'ap-southeast-2', 'au.anthropic.claude-haiku-4-5-20251001-v1:0'],
      ['2.0', 'POST', 'bedrock', 'ap-southeast-2', 'apac.amazon.nova-micro-v1:0'],
      ['2.0', 'POST', 'bedrock', 'ap-southeast-2', 'global.anthropic.claude-haiku-4-5-20251001-v1:0'],
      ['2.0', 'POST', 'bedrock', 'us-east-1', 'amazon.nova-micro-v1:0'],
    ]);
    for (const r of converse) {
      expect(r.path).toMatch(/\/converse$/);
      expect(r.body).toEqual({
        messages: [{ role: 'user', content: [{ text: 'Reply with the single word OK.' }] }],
        inferenceConfig: { maxTokens: 1, temperature: 0 },
      });
    }
    const agentCore = server.requests.filter((r) => r.service === 'bedrock-agentcore');
    expect(agentCore.map((r) => [r.httpVersion, r.method, r.path, r.signingService, r.region])).toEqual([
      ['1.1', 'POST', '/memories/SovereignProbeNoSuchMemory-0000000000/actors', 'bedrock-agentcore', 'us-east-1'],
    ]);
  });

  test('a posture that lets an apac. call through: exit 1, naming the path', async () => {
    server.decide = (r) => (r.resourceId.startsWith('apac.') ? 'ok' : postureDecision(r));
    const table = await run();
    expect(table.code).toBe(1);
    expect(table.out).toContain('1 path decided against the posture: apac-profile');
    expect(table.out).toMatch(/FAIL\s+apac-profile\s+ap-southeast-2\s+apac\.amazon\.nova-micro-v1:0\s+DENIED\s+REACHED/);
    const { code, report } = await json();
    expect(code).toBe(1);
    expect(report.summary).toEqual({ passed: 5, failed: 1, inconclusive: 0 });
    expect(report.results.filter((r) => !r.ok).map((r) => [r.path, r.outcome])).toEqual([['apac-profile', 'REACHED']]);
  });

  test('a must-work path denied by an SCP (the Melbourne leg of au. blocked): exit 1', async () => {
    server.decide = (r) => (r.resourceId.startsWith('au.') ? 'scp-deny' : postureDecision(r));
    const { code, report } = await json('--services', 'bedrock');
    expect(code).toBe(1);
    expect(report.results.find((r) => r.path === 'au-profile')).toMatchObject({ outcome: 'DENIED_BY_SCP', ok: false });
    expect(report.results.map((r) => r.path)).not.toContain('agentcore-us-east-1');
  });

  test('throttling, validation errors and identity-policy denials are inconclusive: exit 2', async () => {
    server.decide = (r) => {
      if (r.resourceId.startsWith('global.')) return 'throttle';
      if (r.region === 'us-east-1') return 'identity-deny';
      if (r.resourceId.startsWith('au.')) return 'validation';
      return postureDecision(r);
    };
    const { code, report } = await json('--services', 'bedrock');
    expect(code).toBe(2);
    const by = Object.fromEntries(report.results.map((r) => [r.path, r]));
    expect(by['global-profile']).toMatchObject({ outcome: 'INCONCLUSIVE', ok: false });
    expect(by['global-profile'].detail).toMatch(/^ThrottlingException/);
    expect(by['au-profile'].detail).toMatch(/does not document whether Bedrock authorises a request before validating it/);
    expect(by['direct-us-east-1']).toMatchObject({ outcome: 'DENIED_OTHER', ok: false });
    expect(report.summary).toEqual({ passed: 2, failed: 0, inconclusive: 3 });
    // The SDK retried the throttled request once (maxAttempts 2), never more.
    expect(server.requests.filter((r) => r.resourceId.startsWith('global.'))).toHaveLength(2);
  });

  test('an AgentCore call in us-east-1 that the SCP does not deny is REACHED (ResourceNotFound): exit 1', async () => {
    server.decide = (r) => (r.service === 'bedrock-agentcore' ? 'not-found' : postureDecision(r));
    const { code, report } = await json('--services', 'agentcore');
    expect(code).toBe(1);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ path: 'agentcore-us-east-1', outcome: 'REACHED', ok: false });
  });

  test('--model replaces a path\'s model, and the request carries it', async () => {
    const { code, report } = await json('--services', 'bedrock', '--model', 'au-profile=au.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(code).toBe(0);
    expect(report.results.find((r) => r.path === 'au-profile')!.modelId).toBe('au.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(server.requests.map((r) => r.resourceId)).toContain('au.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  test('markdown names every path, what was not probed and the cost', async () => {
    const { code, out } = await run('--format', 'markdown');
    expect(code).toBe(0);
    expect(out).toContain('| apac-profile | bedrock-runtime | ap-southeast-2 | `apac.amazon.nova-micro-v1:0` | DENIED | DENIED_BY_SCP | yes |');
    expect(out).toContain('**mantle**');
    expect(out).toContain('**claude-platform**');
    expect(out).toContain('Cost: 6 requests (at most 2 attempts each), at most 1 output token');
  });
});

describe('probe flags', () => {
  test('bad usage is exit 2 with every problem named by its flag, before any request', async () => {
    const r = await run('--region', 'us-east-1', '--services', 'bedrock,mantle,nope', '--model', 'nopath=x', '--model', 'broken', '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format: "xml" is not one of table, json, markdown');
    expect(r.err).toContain('--services (item 2): "mantle" cannot be probed: Amazon Bedrock\'s OpenAI-compatible endpoint');
    expect(r.err).toContain('--services (item 3): "nope" is not one of bedrock, agentcore');
    expect(r.err).toContain('--region: "us-east-1" is not an origin of the Australia posture');
    expect(r.err).toContain('--model (value 2): "broken" is not PATH=MODEL_ID');
    expect(r.err).toContain('--model: "nopath" is not a path of this run');
    expect(server.requests).toHaveLength(0);
  });

  test('a Region typo is named; Melbourne is an accepted origin', () => {
    expect(() => parseProbeArgs(['--region', 'ap-southeast2'])).toThrow(/--region/);
    const args = parseProbeArgs(['--region', 'ap-southeast-4', '--services', 'bedrock']);
    expect(args !== 'help' && args.paths.filter((p) => p.region === 'ap-southeast-4').map((p) => p.name))
      .toEqual(['on-demand-in-origin', 'au-profile', 'apac-profile', 'global-profile']);
  });

  test('--help prints the cost and the paths; exit 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('at most 1 output token');
    expect(r.out).toContain('agentcore-us-east-1');
  });

  test('a missing SDK says how to install it', () => {
    const missing = (id: string) => { throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); };
    expect(() => loadProbeSdks(['bedrock', 'agentcore'], missing)).toThrow(MissingSdkError);
    expect(() => loadProbeSdks(['bedrock', 'agentcore'], missing))
      .toThrow(/npm install --save-dev @aws-sdk\/client-bedrock-runtime @aws-sdk\/client-bedrock-agentcore.*--services/);
    expect(loadProbeSdks(['bedrock'], (id) => (id === '@aws-sdk/client-bedrock-runtime' ? { ok: 1 } : missing(id)))).toEqual({ runtime: { ok: 1 }, agentCore: undefined });
  });
});
