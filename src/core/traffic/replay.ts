import { TrafficAggregator } from './aggregate';
import { governedPrefixes, prefilterMarkers } from './governed-sources';
import { ReplayPosture } from './judge';
import { LogObject, LogSource } from './log-sources';
import { FileResult, readLogFile, readRecords } from './read-log-file';
import { TrafficFilter, TrafficReport } from './traffic-types';

export interface ReplayOptions {
  readonly filter?: TrafficFilter;
  readonly posture: ReplayPosture;
  readonly version: string;
  /** Files read at once (downloads in flight and files inflating on the thread pool). @default 8 */
  readonly concurrency?: number;
  /** Parse every record (no pre-parse skip). @default false */
  readonly fullParse?: boolean;
  readonly now?: Date;
  /** Called after each file, for progress. */
  readonly onFile?: (name: string, result: FileResult | undefined) => void;
}

export interface ReplayStats {
  /** Records parsed as JSON (the rest were counted without parsing). */
  parsed: number;
}

function readOptions(fullParse: boolean | undefined) {
  const prefixes = governedPrefixes();
  return { prefixes, fullParse, markers: prefilterMarkers(prefixes).map((m) => Buffer.from(m, 'utf8')) };
}

function ingest(agg: TrafficAggregator, result: FileResult): void {
  agg.file(result.records, result.problems, result.malformed);
  for (const e of result.events) agg.observe(e.key, e.eventTime.slice(0, 10), 1, e.eventTime, e.eventTime);
}

/** Runs `worker` over the items with at most `limit` in flight; a failing listing ends it (reported once). */
async function pool<T>(items: AsyncIterable<T>, limit: number, worker: (item: T) => Promise<void>, listFailed: (e: Error) => void): Promise<void> {
  const it = items[Symbol.asyncIterator]();
  let failed = false;
  const lane = async () => {
    while (!failed) {
      let next: IteratorResult<T>;
      try {
        next = await it.next();
      } catch (e) {
        if (!failed) listFailed(e as Error);
        failed = true;
        return;
      }
      if (next.done) return;
      await worker(next.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane));
}

/**
 * Replays every log file of a source through the posture. Files are read
 * `concurrency` at a time (inflated on the thread pool while this thread scans
 * others), each file's records are scanned without a full parse, and only the
 * distinct calls are kept: memory depends on the files in flight, not on the
 * size of the trail. A file that cannot be read or parsed becomes a problem in
 * the report, never an exception.
 */
export async function replaySource(source: LogSource, options: ReplayOptions, stats?: ReplayStats): Promise<TrafficReport> {
  const agg = new TrafficAggregator(options.filter);
  const ro = readOptions(options.fullParse);
  await pool<LogObject>(source.list(options.filter ?? {}), options.concurrency ?? 8, async (obj) => {
    let raw: Buffer;
    try {
      raw = await obj.read();
    } catch (e) {
      agg.unreadable(obj.name, `cannot read: ${(e as Error).name && (e as Error).name !== 'Error' ? `${(e as Error).name}: ` : ''}${(e as Error).message}`);
      options.onFile?.(obj.name, undefined);
      return;
    }
    const result = await readLogFile(obj.name, raw, ro);
    if (stats) stats.parsed += result.parsed;
    ingest(agg, result);
    options.onFile?.(obj.name, result);
  }, (e) => agg.unreadable(source.description, `listing the log files failed${(e as { $metadata?: { attempts?: number } }).$metadata?.attempts ? ` after ${(e as any).$metadata.attempts} attempts` : ''}: ${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}`));
  return agg.report({ posture: options.posture, source: source.description, version: options.version, now: options.now, prefixes: ro.prefixes });
}

/** Replays records already in memory (a parsed log file's `Records`, or events from EventBridge). */
export function replayRecords(records: readonly unknown[], options: ReplayOptions & { readonly source?: string }): TrafficReport {
  const agg = new TrafficAggregator(options.filter);
  const ro = readOptions(true);
  const text = Buffer.from(JSON.stringify({ Records: records }), 'utf8');
  ingest(agg, readRecords(options.source ?? 'records', text, ro));
  return agg.report({ posture: options.posture, source: options.source ?? 'records', version: options.version, now: options.now, prefixes: ro.prefixes });
}
