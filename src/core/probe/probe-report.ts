import { Classification, ProbeOutcome } from './classify';
import { NOT_PROBED, ProbeExpectation, ProbePath } from './probe-paths';

/** What one request proves, as the JSON contract spells it. */
export interface ProbeResult {
  readonly path: string;
  readonly service: string;
  readonly region: string;
  readonly modelId: string;
  readonly expect: ProbeExpectation;
  readonly outcome: ProbeOutcome;
  /** The path decided as the posture requires: REACHED when it must work, DENIED_BY_SCP when it must be denied. */
  readonly ok: boolean;
  readonly detail: string;
}

/** Bounded cost of one run, stated in every report. */
export interface ProbeCost {
  /** Requests per run, one per path (before retries). */
  readonly callsPerRun: number;
  /** Attempts the SDK may make per request (retries only on throttling and transient errors). */
  readonly maxAttemptsPerCall: number;
  /** Output tokens a Converse request may generate (`maxTokens`). */
  readonly maxOutputTokensPerCall: number;
  /** The fixed prompt every Converse request sends (never user data). */
  readonly prompt: string;
  /** Per-request time limit, in milliseconds. */
  readonly timeoutMsPerCall: number;
}

/** `probe --format json`, and the evidence record of each scheduled run. */
export interface ProbeReport {
  readonly kind: 'cdk-sovereign-bedrock/probe';
  readonly schemaVersion: 1;
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt: string;
  readonly accountId: string | null;
  readonly callerArn: string | null;
  readonly originRegion: string;
  readonly results: ProbeResult[];
  readonly summary: { readonly passed: number; readonly failed: number; readonly inconclusive: number };
  /** Surfaces the posture covers that this probe cannot reach, and why. */
  readonly notProbed: readonly { readonly surface: string; readonly reason: string }[];
  readonly cost: ProbeCost;
}

/** How one result counts: failed only when the posture decided against expectation; anything unproven is inconclusive. */
export function verdictOf(r: Pick<ProbeResult, 'expect' | 'outcome'>): 'passed' | 'failed' | 'inconclusive' {
  if (r.expect === 'ALLOWED') return r.outcome === 'REACHED' ? 'passed' : r.outcome === 'DENIED_BY_SCP' ? 'failed' : 'inconclusive';
  return r.outcome === 'DENIED_BY_SCP' ? 'passed' : r.outcome === 'REACHED' ? 'failed' : 'inconclusive';
}

export interface ReportInput {
  readonly version: string;
  readonly generatedAt: Date;
  readonly originRegion: string;
  readonly accountId?: string;
  readonly paths: readonly ProbePath[];
  readonly answers: readonly Classification[];
  readonly cost: ProbeCost;
}

export function buildProbeReport(input: ReportInput): ProbeReport {
  const results = input.paths.map((p, i): ProbeResult => {
    const a = input.answers[i];
    const base = { expect: p.expect, outcome: a.outcome };
    return {
      path: p.name,
      service: p.endpoint,
      region: p.region,
      modelId: p.modelId,
      ...base,
      ok: verdictOf(base) === 'passed',
      detail: a.detail,
    };
  });
  const count = (v: string) => results.filter((r) => verdictOf(r) === v).length;
  const callerArn = input.answers.find((a) => a.callerArn)?.callerArn ?? null;
  const accountId = input.accountId ?? (callerArn ? callerArn.split(':')[4] || null : null);
  return {
    kind: 'cdk-sovereign-bedrock/probe',
    schemaVersion: 1,
    tool: { name: 'cdk-sovereign-bedrock', version: input.version },
    generatedAt: input.generatedAt.toISOString(),
    accountId,
    callerArn,
    originRegion: input.originRegion,
    results,
    summary: { passed: count('passed'), failed: count('failed'), inconclusive: count('inconclusive') },
    notProbed: NOT_PROBED,
    cost: input.cost,
  };
}

/** 0 every path decided as expected; 1 a must-deny path reached or a must-work path denied by an SCP; 2 anything unproven. */
export function probeExitCode(report: ProbeReport): number {
  if (report.summary.failed > 0) return 1;
  if (report.summary.inconclusive > 0 || report.results.length === 0) return 2;
  return 0;
}

const MARK: Record<string, string> = { passed: 'ok', failed: 'FAIL', inconclusive: '??' };

function headline(report: ProbeReport): string {
  const s = report.summary;
  const code = probeExitCode(report);
  const verdict = code === 0 ? 'every path decided as the posture requires'
    : code === 1 ? `${s.failed} path${s.failed === 1 ? '' : 's'} decided against the posture: ${report.results.filter((r) => verdictOf(r) === 'failed').map((r) => r.path).join(', ')}`
      : 'not every path could be proven (see the inconclusive rows)';
  return `${s.passed} passed, ${s.failed} failed, ${s.inconclusive} inconclusive: ${verdict}`;
}

function costLine(report: ProbeReport): string {
  const c = report.cost;
  return `Cost: ${c.callsPerRun} requests (at most ${c.maxAttemptsPerCall} attempts each), at most ${c.maxOutputTokensPerCall} output token per Converse request, `
    + `prompt "${c.prompt}".`;
}

/** A plain-text table for a terminal. */
export function renderProbeTable(report: ProbeReport): string {
  const rows = report.results.map((r) => [MARK[verdictOf(r)], r.path, r.region, r.modelId, r.expect, r.outcome]);
  const header = ['', 'PATH', 'REGION', 'MODEL', 'EXPECT', 'OUTCOME'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const details = report.results.map((r) => `  ${r.path}: ${r.detail}`);
  return [
    `Posture probe from ${report.originRegion}${report.callerArn ? ` as ${report.callerArn}` : ''} at ${report.generatedAt}`,
    '',
    line(header),
    ...rows.map(line),
    '',
    headline(report),
    '',
    'Details:',
    ...details,
    '',
    `Not probed: ${report.notProbed.map((n) => n.surface).join(', ')} (no AWS SDK client; see --format markdown).`,
    costLine(report),
  ].join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A markdown evidence section. */
export function renderProbeMarkdown(report: ProbeReport): string {
  return [
    '# Bedrock residency posture probe',
    '',
    `- Generated: ${report.generatedAt} by ${report.tool.name} ${report.tool.version}`,
    `- Origin Region: ${report.originRegion}`,
    `- Account: ${report.accountId ?? 'unknown (no denial message named the caller)'}`,
    `- Caller: ${report.callerArn ?? 'unknown'}`,
    `- Result: ${headline(report)}`,
    '',
    '| Path | Service | Region | Model | Expect | Outcome | OK | Detail |',
    '|---|---|---|---|---|---|---|---|',
    ...report.results.map((r) => `| ${cell(r.path)} | ${cell(r.service)} | ${cell(r.region)} | \`${cell(r.modelId)}\` | ${r.expect} | ${r.outcome} | ${r.ok ? 'yes' : 'no'} | ${cell(r.detail)} |`),
    '',
    '## Not probed',
    '',
    ...report.notProbed.map((n) => `- **${n.surface}**: ${n.reason}`),
    '',
    '## Cost',
    '',
    costLine(report),
    '',
  ].join('\n');
}
