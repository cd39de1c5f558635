/**
 * Writes CloudTrail records into a folder laid out as CloudTrail writes an
 * organization trail: `AWSLogs/o-ORGID/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/
 * ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz`, each file a gzip JSON
 * object with a `Records` array, plus a digest file the replay must skip.
 *
 * The records are the event corpus's (test/integ/cloudtrail-events): the record
 * envelope (`eventVersion`, `userIdentity` with `sessionContext.sessionIssuer`,
 * `eventTime`, `eventSource`, `eventName`, `awsRegion`, `requestParameters`,
 * `additionalEventData`, `errorCode`/`errorMessage`, `recipientAccountId`,
 * `eventCategory`, `tlsDetails`) follows AWS's published CloudTrail examples
 * for Bedrock and Mantle; what each file models beyond them (event names,
 * model IDs, serving Regions, denial messages) is in its `description` and `shape`.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { loadCorpus } from './event-corpus';

export const FIXTURE_ORG = 'o-a1b2c3d4e5';

export interface WrittenFile {
  readonly key: string;
  readonly body: Buffer;
}

function unique(n: number): string {
  return `Ab${n.toString(36).padStart(14, '0')}`;
}

/** The files of a trail holding the records: one file per account, Region and hour (in order). */
export function trailFiles(records: readonly any[], org = FIXTURE_ORG, prefix = ''): WrittenFile[] {
  const groups = new Map<string, any[]>();
  for (const r of records) {
    const account = r.recipientAccountId ?? r.userIdentity?.accountId;
    const t = String(r.eventTime);
    const k = `${account}|${r.awsRegion}|${t.slice(0, 13)}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  let n = 0;
  const files: WrittenFile[] = [];
  for (const [k, recs] of [...groups.entries()].sort()) {
    const [account, region, hour] = k.split('|');
    const [y, m, d] = hour.slice(0, 10).split('-');
    const stamp = `${y}${m}${d}T${hour.slice(11, 13)}05Z`;
    const key = `${prefix}AWSLogs/${org}/${account}/CloudTrail/${region}/${y}/${m}/${d}/${account}_CloudTrail_${region}_${stamp}_${unique(n++)}.json.gz`;
    files.push({ key, body: gzipSync(JSON.stringify({ Records: recs })) });
    if (n === 1) {
      files.push({
        key: `${prefix}AWSLogs/${org}/${account}/CloudTrail-Digest/${region}/${y}/${m}/${d}/${account}_CloudTrail-Digest_${region}_trail_${region}_${stamp}.json.gz`,
        body: gzipSync(JSON.stringify({ awsAccountId: account, digestStartTime: `${hour}:00:00Z`, logFiles: [] })),
      });
    }
  }
  return files;
}

export function writeTrail(dir: string, files: readonly WrittenFile[]): void {
  for (const f of files) {
    const path = join(dir, ...f.key.split('/'));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, f.body);
  }
}

/** The corpus's CloudTrail records (real record shapes; see each file's `shape`). */
export function corpusRecords(): any[] {
  return loadCorpus().map((c) => c.event);
}
