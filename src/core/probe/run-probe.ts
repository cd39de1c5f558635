import { Classification, classifyError, classifySuccess } from './classify';
import { ProbePath } from './probe-paths';
import { buildProbeReport, ProbeCost, ProbeReport } from './probe-report';

/**
 * The fixed prompt of every Converse request: harmless, never user data. With
 * `maxTokens: 1` the model answers with at most one token.
 */
export const PROBE_PROMPT = 'Reply with the single word OK.';
export const PROBE_MAX_TOKENS = 1;

/** Sends one request per path; each resolves with a one-line summary or throws the SDK's error. */
export interface ProbeCallers {
  /** Non-streaming Converse with {@link PROBE_PROMPT} and {@link PROBE_MAX_TOKENS}. */
  converse(region: string, modelId: string, signal: AbortSignal): Promise<string>;
  /** AgentCore Memory ListActors on a memory ID that should not exist. */
  agentCoreListActors(region: string, memoryId: string, signal: AbortSignal): Promise<string>;
}

/** Retry and time limits of the probe's SDK clients. */
export interface ProbeLimits {
  /** SDK attempts per request (1 = no retry). */
  readonly maxAttempts: number;
  /** Time limit of one request, all attempts included. */
  readonly timeoutMs: number;
}

export const DEFAULT_PROBE_LIMITS: ProbeLimits = { maxAttempts: 2, timeoutMs: 20_000 };

export interface RunProbeOptions {
  readonly paths: readonly ProbePath[];
  readonly callers: ProbeCallers;
  readonly originRegion: string;
  readonly version: string;
  readonly limits?: ProbeLimits;
  /** The account the probe runs in, when the caller knows it (the Lambda does). */
  readonly accountId?: string;
  readonly now?: () => Date;
  /** Called before each request (progress on stderr). */
  readonly onPath?: (path: ProbePath) => void;
}

export function probeCost(paths: readonly ProbePath[], limits: ProbeLimits): ProbeCost {
  return {
    callsPerRun: paths.length,
    maxAttemptsPerCall: limits.maxAttempts,
    maxOutputTokensPerCall: PROBE_MAX_TOKENS,
    prompt: PROBE_PROMPT,
    timeoutMsPerCall: limits.timeoutMs,
  };
}

async function probeOne(path: ProbePath, callers: ProbeCallers, timeoutMs: number): Promise<Classification> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const summary = path.call === 'converse'
      ? await callers.converse(path.region, path.modelId, controller.signal)
      : await callers.agentCoreListActors(path.region, path.modelId.replace(/^memory\//, ''), controller.signal);
    return classifySuccess(summary);
  } catch (e) {
    return classifyError(e);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One probe run: one request per path, one after the other (the cost is the
 * number of paths, never more in flight), each classified; never throws for an
 * answer, only for a bug.
 */
export async function runProbe(options: RunProbeOptions): Promise<ProbeReport> {
  const limits = options.limits ?? DEFAULT_PROBE_LIMITS;
  const answers: Classification[] = [];
  for (const path of options.paths) {
    options.onPath?.(path);
    answers.push(await probeOne(path, options.callers, limits.timeoutMs));
  }
  return buildProbeReport({
    version: options.version,
    generatedAt: (options.now ?? (() => new Date()))(),
    originRegion: options.originRegion,
    accountId: options.accountId,
    paths: options.paths,
    answers,
    cost: probeCost(options.paths, limits),
  });
}
