import { TrafficFilter } from './traffic-types';

/**
 * Where CloudTrail writes log files in S3, and how a listing is pruned to the
 * days, accounts and Regions asked for before anything is read:
 *
 * `[prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz`
 *
 * Digest files (`CloudTrail-Digest/`) and Insights files (`CloudTrail-Insight/`)
 * are not event records and are skipped.
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */

const ACCOUNT = /^\d{12}$/;
const ORG = /^o-[a-z0-9]{10,32}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const FILE_NAME = /^(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{8})T\d{4}Z_[A-Za-z0-9]+\.json(\.gz)?$/;

/** What a path under `AWSLogs/` says about the files below it; undefined parts are not known yet. */
export interface LayoutPosition {
  readonly account?: string;
  readonly region?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as far as the path goes. */
  readonly date?: string;
  /** A part that is not a CloudTrail event folder (`CloudTrail-Digest`, another service's logs). */
  readonly excluded?: string;
}

/**
 * Reads the layout from path segments (a directory or a key split on `/`).
 * Segments before `AWSLogs` are the bucket's own prefix; a path without
 * `AWSLogs` is a folder of copied files, judged by file names only.
 */
export function layoutOf(segments: readonly string[]): LayoutPosition {
  const at = segments.lastIndexOf('AWSLogs');
  if (at < 0) return {};
  let rest = segments.slice(at + 1);
  if (rest.length > 0 && ORG.test(rest[0])) rest = rest.slice(1);
  if (rest.length === 0) return {};
  if (!ACCOUNT.test(rest[0])) return { excluded: `${rest[0]} is not an account ID` };
  const account = rest[0];
  if (rest.length === 1) return { account };
  if (rest[1] !== 'CloudTrail') return { account, excluded: `${rest[1]} holds no CloudTrail event files` };
  if (rest.length === 2) return { account };
  const region = rest[2];
  if (!REGION.test(region)) return { account, excluded: `${region} is not a Region` };
  const [y, m, d] = rest.slice(3, 6);
  const date = [y, m, d].filter((x) => x !== undefined && /^\d+$/.test(x)).join('-');
  return { account, region, date: date.length > 0 ? date : undefined };
}

/** Account, Region and day from a CloudTrail log file name, when it has the standard form. */
export function fileNameParts(name: string): { account: string; region: string; day: string } | undefined {
  const m = FILE_NAME.exec(name);
  if (!m) return undefined;
  return { account: m[1], region: m[2], day: `${m[3].slice(0, 4)}-${m[3].slice(4, 6)}-${m[3].slice(6, 8)}` };
}

/** Whether a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can contain a day inside [from, to]. */
export function dateOverlaps(partial: string, from?: string, to?: string): boolean {
  if (from && partial < from.slice(0, partial.length)) return false;
  if (to && partial > to.slice(0, partial.length)) return false;
  return true;
}

/** Whether a folder can hold files the filter asks for. */
export function keepFolder(segments: readonly string[], filter: TrafficFilter): boolean {
  const pos = layoutOf(segments);
  if (pos.excluded) return false;
  if (pos.account && filter.accounts && filter.accounts.length > 0 && !filter.accounts.includes(pos.account)) return false;
  if (pos.region && filter.regions && filter.regions.length > 0 && !filter.regions.includes(pos.region)) return false;
  if (pos.date && !dateOverlaps(pos.date, filter.from, filter.to)) return false;
  return true;
}

/** Whether a file is a CloudTrail event log file the filter asks for (by its path and name). */
export function keepFile(segments: readonly string[], filter: TrafficFilter): boolean {
  const name = segments[segments.length - 1] ?? '';
  if (!/\.json(\.gz)?$/.test(name) || name.includes('CloudTrail-Digest') || name.includes('CloudTrail-Insight')) return false;
  if (!keepFolder(segments.slice(0, -1), filter)) return false;
  const parts = fileNameParts(name);
  if (!parts) return true;
  if (filter.accounts && filter.accounts.length > 0 && !filter.accounts.includes(parts.account)) return false;
  if (filter.regions && filter.regions.length > 0 && !filter.regions.includes(parts.region)) return false;
  return dateOverlaps(parts.day, filter.from, filter.to);
}

/** `YYYY/MM/DD` of a day (YYYY-MM-DD), as it appears in keys. */
export function dayPath(day: string): string {
  return day.replace(/-/g, '/');
}

/** Accepts YYYY-MM-DD (a real calendar day) and returns it; undefined otherwise. */
export function parseDay(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const t = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== value) return undefined;
  return value;
}

export { ACCOUNT as ACCOUNT_ID_PATTERN, REGION as REGION_PATTERN };
