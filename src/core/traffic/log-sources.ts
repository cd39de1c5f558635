import { promises as fs } from 'fs';
import { join, sep } from 'path';
import { dayPath, keepFile, keepFolder, layoutOf } from './log-layout';
import { TrafficFilter } from './traffic-types';

/** A log file to read: its name for reports, and how to get its bytes. */
export interface LogObject {
  readonly name: string;
  readonly read: () => Promise<Buffer>;
}

/** Where log files come from: a local folder, one file, or an S3 bucket and prefix. */
export interface LogSource {
  readonly description: string;
  list(filter: TrafficFilter): AsyncIterable<LogObject>;
}

/** A local folder (walked, pruned by the key layout) or one file. */
export function localSource(path: string): LogSource {
  return {
    description: path,
    async *list(filter) {
      const stat = await fs.stat(path);
      if (stat.isFile()) {
        yield { name: path, read: () => fs.readFile(path) };
        return;
      }
      yield* walk(path, path.split(sep).filter((s) => s.length > 0), filter);
    },
  };
}

async function* walk(dir: string, segments: string[], filter: TrafficFilter): AsyncGenerator<LogObject> {
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const path = join(dir, e.name);
    const segs = [...segments, e.name];
    if (e.isDirectory()) {
      if (keepFolder(segs, filter)) yield* walk(path, segs, filter);
    } else if (e.isFile() && keepFile(segs, filter)) {
      yield { name: path, read: () => fs.readFile(path) };
    }
  }
}

/** The part of ListObjectsV2 and GetObject the replay uses (the SDK client, or a stand-in). */
export interface S3ListPage {
  readonly keys: readonly string[];
  readonly prefixes: readonly string[];
  readonly nextToken?: string;
}
export interface S3Reader {
  list(params: { bucket: string; prefix: string; delimiter?: string; token?: string; startAfter?: string }): Promise<S3ListPage>;
  get(bucket: string, key: string): Promise<Buffer>;
}

/** Parses `s3://bucket/prefix`; undefined when the text is not one. */
export function parseS3Url(url: string): { bucket: string; prefix: string } | undefined {
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
  if (!m) return undefined;
  const prefix = m[2] ?? '';
  return { bucket: m[1], prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` };
}

/**
 * An S3 bucket and prefix: the folders above a Region are listed with a
 * delimiter (pruned by account and Region); below a Region, one listing starts
 * after the first day asked for and stops after the last, so only those days are listed.
 */
export function s3Source(reader: S3Reader, bucket: string, prefix: string): LogSource {
  return {
    description: `s3://${bucket}/${prefix}`,
    async *list(filter) {
      yield* s3Walk(reader, bucket, prefix, filter);
    },
  };
}

const segmentsOf = (key: string) => key.split('/').filter((s) => s.length > 0);

async function* s3Walk(reader: S3Reader, bucket: string, prefix: string, filter: TrafficFilter): AsyncGenerator<LogObject> {
  const pos = layoutOf(segmentsOf(prefix));
  const object = (key: string): LogObject => ({ name: `s3://${bucket}/${key}`, read: () => reader.get(bucket, key) });
  let token: string | undefined;
  if (pos.region) {
    // Inside a Region folder keys sort by day: start after the day before the first asked for, stop after the last.
    const startAfter = filter.from && !pos.date ? `${prefix}${dayPath(filter.from)}` : undefined;
    do {
      const page = await reader.list({ bucket, prefix, token, startAfter: token ? undefined : startAfter });
      for (const key of page.keys) {
        const segs = segmentsOf(key);
        const day = layoutOf(segs.slice(0, -1)).date;
        if (day && day.length === 10 && filter.to && day > filter.to) return;
        if (keepFile(segs, filter)) yield object(key);
      }
      token = page.nextToken;
    } while (token);
    return;
  }
  do {
    const page = await reader.list({ bucket, prefix, delimiter: '/', token });
    for (const key of page.keys) if (keepFile(segmentsOf(key), filter)) yield object(key);
    for (const child of page.prefixes) if (keepFolder(segmentsOf(child), filter)) yield* s3Walk(reader, bucket, child, filter);
    token = page.nextToken;
  } while (token);
}
