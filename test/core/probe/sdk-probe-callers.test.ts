import * as runtime from '@aws-sdk/client-bedrock-runtime';
import { SYDNEY_CATALOG } from '../../../src/core/catalog/sydney-catalog.generated';
import { probePaths } from '../../../src/core/probe/probe-paths';
import { runProbe } from '../../../src/core/probe/run-probe';
import { sdkProbeCallers } from '../../../src/core/probe/sdk-probe-callers';
import { ValidationErrors } from '../../../src/core/validation-errors';
import { BedrockWireServer, pointSdkAt, postureDecision } from '../../helpers/bedrock-wire-server';

/** The SDK callers' limits, over the wire: a server that never answers ends in an inconclusive path, not a hung probe. */
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

test('a request the service never answers is abandoned at the time limit and is INCONCLUSIVE; the other paths still run', async () => {
  server.decide = (r) => (r.resourceId.startsWith('global.') ? 'hang' : postureDecision(r));
  const limits = { maxAttempts: 1, timeoutMs: 300 };
  const callers = sdkProbeCallers({ runtime }, limits);
  try {
    const paths = probePaths(SYDNEY_CATALOG, { originRegion: 'ap-southeast-2', services: ['bedrock'] }, new ValidationErrors());
    const report = await runProbe({ paths, callers, originRegion: 'ap-southeast-2', version: 'test', limits });
    const global = report.results.find((r) => r.path === 'global-profile')!;
    expect(global.outcome).toBe('INCONCLUSIVE');
    expect(global.detail).toMatch(/timed out|abandoned|aborted/i);
    expect(report.summary).toEqual({ passed: 4, failed: 0, inconclusive: 1 });
    expect(report.cost).toMatchObject({ callsPerRun: 5, maxAttemptsPerCall: 1, timeoutMsPerCall: 300 });
  } finally {
    callers.destroy();
  }
});

test('an AgentCore path without its SDK module is INCONCLUSIVE, never a pass', async () => {
  server.decide = postureDecision;
  const callers = sdkProbeCallers({ runtime }, { maxAttempts: 1, timeoutMs: 5_000 });
  try {
    const paths = probePaths(SYDNEY_CATALOG, { originRegion: 'ap-southeast-2', services: ['agentcore'] }, new ValidationErrors());
    const report = await runProbe({ paths, callers, originRegion: 'ap-southeast-2', version: 'test' });
    expect(report.results[0]).toMatchObject({ path: 'agentcore-us-east-1', outcome: 'INCONCLUSIVE', ok: false });
  } finally {
    callers.destroy();
  }
});
