import { promisify } from 'util';
import { gunzip as gunzipCb } from 'zlib';
import { GovernedEvent, normalizeRecord } from './normalize-record';
import { MarkerIndex, scanRecords } from './record-scanner';
import { TrafficProblem } from './traffic-types';

const gunzip = promisify(gunzipCb);

/** Largest decompressed log file read (CloudTrail files are a few MB; this bounds memory per file). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface FileResult {
  readonly records: number;
  readonly events: GovernedEvent[];
  readonly problems: TrafficProblem[];
  /** The file could not be read as a CloudTrail log file at all. */
  readonly malformed: boolean;
  /** Records parsed (for the benchmark: how much the pre-parse skip saved). */
  readonly parsed: number;
}

export interface ReadOptions {
  /** Parse every record instead of only those mentioning a governed service (slower; same result for CloudTrail's own files). */
  readonly fullParse?: boolean;
  /** Marker byte strings (from `prefilterMarkers`). */
  readonly markers: readonly Buffer[];
  readonly prefixes?: readonly string[];
}

function isGzip(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/**
 * Decompresses (when gzip) on the libuv thread pool, so several files inflate
 * at once. The output is sized from the gzip trailer (ISIZE, the length modulo
 * 2^32), so the file inflates into one buffer instead of 16 KB pieces joined
 * afterwards (which cost more in garbage collection than the inflating).
 * @see https://www.rfc-editor.org/rfc/rfc1952#section-2.3.1
 */
export async function decompress(raw: Buffer): Promise<Buffer> {
  if (!isGzip(raw)) return raw;
  const isize = raw.length >= 18 ? raw.readUInt32LE(raw.length - 4) : 0;
  const chunkSize = Math.min(Math.max(isize + 1, 64 * 1024), 64 * 1024 * 1024);
  return gunzip(raw, { maxOutputLength: MAX_FILE_BYTES, chunkSize });
}

/** Judges one file's text: which records are governed, which are malformed. Never throws. */
export function readRecords(file: string, text: Buffer, options: ReadOptions): FileResult {
  const events: GovernedEvent[] = [];
  const problems: TrafficProblem[] = [];
  let parsed = 0;
  const take = (index: number, record: unknown) => {
    const r = normalizeRecord(record, options.prefixes);
    if (r.kind === 'governed') events.push(r.event);
    else if (r.kind === 'malformed') problems.push({ file, record: index, reason: r.reason });
  };
  const whole = (): FileResult => {
    let doc: any;
    try {
      doc = JSON.parse(text.toString('utf8'));
    } catch (e) {
      return { records: 0, events, problems: [{ file, record: null, reason: `not valid JSON: ${(e as Error).message}` }], malformed: true, parsed };
    }
    if (!doc || typeof doc !== 'object' || !Array.isArray(doc.Records)) {
      return { records: 0, events, problems: [{ file, record: null, reason: 'not a CloudTrail log file: no Records array' }], malformed: true, parsed };
    }
    doc.Records.forEach((r: unknown, i: number) => take(i, r));
    return { records: doc.Records.length, events, problems, malformed: false, parsed: doc.Records.length };
  };
  if (options.fullParse) return whole();

  const markers = new MarkerIndex(text, options.markers);
  const scan = scanRecords(text, {
    record: (index, start, end) => {
      if (!markers.mentions(start, end)) return;
      parsed++;
      let record: unknown;
      try {
        record = JSON.parse(text.toString('utf8', start, end));
      } catch (e) {
        problems.push({ file, record: index, reason: `not valid JSON: ${(e as Error).message}` });
        return;
      }
      take(index, record);
    },
    badRecord: (index, reason) => problems.push({ file, record: index, reason }),
  });
  if (scan.kind === 'not-canonical') {
    events.length = 0;
    problems.length = 0;
    return whole();
  }
  if (scan.kind === 'malformed') {
    problems.push({ file, record: null, reason: `${scan.reason}; the ${scan.records} records before it were read` });
    return { records: scan.records, events, problems, malformed: true, parsed };
  }
  return { records: scan.records, events, problems, malformed: false, parsed };
}

/** Reads one file's bytes (gzip or plain JSON). Never throws. */
export async function readLogFile(file: string, raw: Buffer, options: ReadOptions): Promise<FileResult> {
  let text: Buffer;
  try {
    text = await decompress(raw);
  } catch (e) {
    return { records: 0, events: [], problems: [{ file, record: null, reason: `cannot decompress: ${(e as Error).message}` }], malformed: true, parsed: 0 };
  }
  return readRecords(file, text, options);
}
