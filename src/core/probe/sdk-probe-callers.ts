import { PROBE_MAX_TOKENS, PROBE_PROMPT, ProbeCallers, ProbeLimits } from './run-probe';

/**
 * The probe's callers over the AWS SDK for JavaScript v3, given the loaded
 * modules (`@aws-sdk/client-bedrock-runtime`, `@aws-sdk/client-bedrock-agentcore`),
 * so the CLI can load them at run time and the Lambda can use the runtime's.
 * The clients use the SDK's default credential chain and honour its standard
 * endpoint settings (`AWS_ENDPOINT_URL_BEDROCK_RUNTIME`,
 * `AWS_ENDPOINT_URL_BEDROCK_AGENTCORE`, `AWS_ENDPOINT_URL`).
 *
 * One client per service and Region; retries are bounded by `maxAttempts` (the
 * SDK retries throttling and transient errors only) and every request by
 * `timeoutMs` (the socket's `requestTimeout`, and an abort signal over all attempts).
 *
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export interface SdkProbeCallers extends ProbeCallers {
  /** Closes every client (HTTP/2 sessions keep the process alive otherwise). */
  destroy(): void;
}

/** Client settings the probe shares; kept in one place so a shared client-config module can replace it. */
export function probeClientConfig(region: string, limits: ProbeLimits): Record<string, unknown> {
  // As the command line's clients (src/cli/aws-clients.ts): current SDK releases only log an overrun
  // requestTimeout unless throwOnRequestTimeout is set; the probe's own abort timer bounds each call too.
  return {
    region,
    maxAttempts: limits.maxAttempts,
    requestHandler: {
      connectionTimeout: Math.min(limits.timeoutMs, 5_000),
      requestTimeout: limits.timeoutMs,
      throwOnRequestTimeout: true,
      socketTimeout: limits.timeoutMs,
    },
  };
}

export function sdkProbeCallers(sdk: { runtime?: any; agentCore?: any }, limits: ProbeLimits): SdkProbeCallers {
  const clients = new Map<string, any>();
  const client = (key: string, module: any, ctor: string, region: string) => {
    if (!module) throw new Error(`no SDK module loaded for ${key}`);
    const id = `${key}/${region}`;
    if (!clients.has(id)) clients.set(id, new module[ctor](probeClientConfig(region, limits)));
    return clients.get(id);
  };
  return {
    async converse(region, modelId, signal) {
      const c = client('bedrock-runtime', sdk.runtime, 'BedrockRuntimeClient', region);
      const out = await c.send(new sdk.runtime.ConverseCommand({
        modelId,
        messages: [{ role: 'user', content: [{ text: PROBE_PROMPT }] }],
        inferenceConfig: { maxTokens: PROBE_MAX_TOKENS, temperature: 0 },
      }), { abortSignal: signal });
      const usage = out.usage ? `, ${out.usage.inputTokens} input and ${out.usage.outputTokens} output tokens` : '';
      return `Converse returned stopReason ${out.stopReason ?? 'none'}${usage}`;
    },
    async agentCoreListActors(region, memoryId, signal) {
      const c = client('bedrock-agentcore', sdk.agentCore, 'BedrockAgentCoreClient', region);
      const out = await c.send(new sdk.agentCore.ListActorsCommand({ memoryId, maxResults: 1 }), { abortSignal: signal });
      return `ListActors returned ${(out.actorSummaries ?? []).length} actor(s)`;
    },
    destroy() {
      for (const c of clients.values()) c.destroy?.();
      clients.clear();
    },
  };
}
