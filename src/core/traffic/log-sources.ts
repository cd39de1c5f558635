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
 * An S3 bucket and prefix, listed in key order with ListObjectsV2 and pruned by
 * seeking: when a key falls in a folder the filter excludes (another account or
 * Region, a digest folder, a day before `from`), the listing restarts after that
 * folder (`StartAfter`) instead of paging through it, and a Region folder is left
 * as soon as its keys pass `to`. Only the days asked for are listed. (Seeking
 * needs no delimiter listings, which some S3-compatible servers get wrong.)
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 */
export function s3Source(reader: S3Reader, bucket: string, prefix: string): LogSource {
  return {
    description: `s3://${bucket}/${prefix}`,
    list: (filter) => s3Walk(reader, bucket, prefix, filter),
  };
}

const segmentsOf = (key: string) => key.split('/').filter((s) => s.length > 0);

/** Sorts after every key below `folder/` (CloudTrail keys are ASCII). */
const PAST = '\uffff';

/** Where to resume the listing when `key` is in a folder the filter excludes; undefined when the key may be wanted. */
export function seekPast(key: string, filter: TrafficFilter): string | undefined {
  const segs = segmentsOf(key);
  for (let i = 1; i < segs.length; i++) {
    const folder = segs.slice(0, i);
    if (keepFolder(folder, filter)) continue;
    const pos = layoutOf(folder);
    const path = `${folder.join('/')}/`;
    if (pos.date && filter.from && pos.date < filter.from.slice(0, pos.date.length)) {
      // A day before `from`: resume at `from` inside the same Region folder.
      const region = segs.slice(0, i - pos.date.split('-').length).join('/');
      return `${region}/${dayPath(filter.from)}`;
    }
    if (pos.date) {
      // Past `to`: leave the Region folder.
      return `${segs.slice(0, i - pos.date.split('-').length).join('/')}/${PAST}`;
    }
    return `${path}${PAST}`;
  }
  return undefined;
}

async function* s3Walk(reader: S3Reader, bucket: string, prefix: string, filter: TrafficFilter): AsyncGenerator<LogObject> {
  let startAfter: string | undefined;
  let token: string | undefined;
  for (;;) {
    const page = await reader.list({ bucket, prefix, token, startAfter: token ? undefined : startAfter });
    let seek: string | undefined;
    for (const key of page.keys) {
      seek = seekPast(key, filter);
      if (seek) break;
      if (keepFile(segmentsOf(key), filter)) yield { name: `s3://${bucket}/${key}`, read: () => reader.get(bucket, key) };
    }
    if (seek) {
      startAfter = seek;
      token = undefined;
      continue;
    }
    if (!page.nextToken) return;
    token = page.nextToken;
  }
}
