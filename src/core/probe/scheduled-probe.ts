import { ProbeOutcome } from './classify';
import { ProbePath } from './probe-paths';
import { probeExitCode, ProbeReport, renderProbeTable } from './probe-report';
import { ProbeCallers, ProbeLimits, runProbe } from './run-probe';

/** Metric names the scheduled probe publishes. */
export const PROBE_METRICS = {
  /** One per path and outcome (dimensions `Path`, `Outcome`): 1 for the outcome of the run, 0 for the others. */
  PATH_OUTCOME: 'PathOutcome',
  /** Paths decided against the posture (a must-deny path reached, a must-work path denied by an SCP). */
  FAILED: 'PathsFailed',
  /** Paths whose answer proved neither way. */
  INCONCLUSIVE: 'PathsInconclusive',
  PASSED: 'PathsPassed',
} as const;

export const PROBE_OUTCOMES: readonly ProbeOutcome[] = ['REACHED', 'DENIED_BY_SCP', 'DENIED_OTHER', 'INCONCLUSIVE'];

export interface ProbeMetricDatum {
  readonly name: string;
  readonly value: number;
  readonly dimensions: Readonly<Record<string, string>>;
}

export interface ScheduledProbeConfig {
  readonly paths: readonly ProbePath[];
  readonly callers: ProbeCallers;
  readonly originRegion: string;
  readonly version: string;
  readonly limits?: ProbeLimits;
  readonly accountId?: string;
  readonly namespace: string;
  /** CloudWatch PutMetricData in the Lambda. */
  readonly putMetrics: (namespace: string, data: ProbeMetricDatum[]) => Promise<void>;
  /** Writes the evidence record (S3 PutObject in the Lambda), when a bucket was given. */
  readonly putEvidence?: (key: string, body: string) => Promise<void>;
  /** Key prefix of the evidence records. */
  readonly evidencePrefix?: string;
  readonly log?: (text: string) => void;
  readonly now?: () => Date;
}

export interface ScheduledProbeResult {
  readonly exitCode: number;
  readonly report: ProbeReport;
  readonly metrics: ProbeMetricDatum[];
  readonly evidenceKey?: string;
}

/** `PREFIX/YYYY/MM/DD/<generatedAt>-<origin>.json`: one dated record per run, never overwritten by the next. */
export function evidenceKey(report: ProbeReport, prefix = 'posture-probe/'): string {
  const day = report.generatedAt.slice(0, 10).replace(/-/g, '/');
  return `${prefix}${day}/${report.generatedAt.replace(/[:.]/g, '-')}-${report.originRegion}.json`;
}

/** The metrics of one run: every path and outcome (so each alarmable series has a value every run) and the three counts. */
export function probeMetrics(report: ProbeReport): ProbeMetricDatum[] {
  return [
    ...report.results.flatMap((r) => PROBE_OUTCOMES.map((o) => ({
      name: PROBE_METRICS.PATH_OUTCOME, value: r.outcome === o ? 1 : 0, dimensions: { Path: r.path, Outcome: o },
    }))),
    { name: PROBE_METRICS.FAILED, value: report.summary.failed, dimensions: { Origin: report.originRegion } },
    { name: PROBE_METRICS.INCONCLUSIVE, value: report.summary.inconclusive, dimensions: { Origin: report.originRegion } },
    { name: PROBE_METRICS.PASSED, value: report.summary.passed, dimensions: { Origin: report.originRegion } },
  ];
}

/**
 * One scheduled run: probe every path, log the table and the JSON record (the
 * evidence in CloudWatch Logs), write the record to S3 when configured, then
 * publish the metrics. A failure to write the evidence is rethrown after the
 * metrics are out, so the alarms still see the run and the invocation shows as failed.
 */
export async function runScheduledProbe(config: ScheduledProbeConfig): Promise<ScheduledProbeResult> {
  const log = config.log ?? ((t: string) => console.log(t));
  const report = await runProbe({
    paths: config.paths,
    callers: config.callers,
    originRegion: config.originRegion,
    version: config.version,
    limits: config.limits,
    accountId: config.accountId,
    now: config.now,
  });
  const record = JSON.stringify(report);
  log(renderProbeTable(report));
  log(record);
  let key: string | undefined;
  let evidenceError: unknown;
  if (config.putEvidence) {
    key = evidenceKey(report, config.evidencePrefix);
    try {
      await config.putEvidence(key, `${JSON.stringify(report, null, 2)}\n`);
    } catch (e) {
      evidenceError = e;
    }
  }
  const metrics = probeMetrics(report);
  await config.putMetrics(config.namespace, metrics);
  if (evidenceError !== undefined) throw evidenceError;
  return { exitCode: probeExitCode(report), report, metrics, evidenceKey: key };
}
