import { TrafficAggregator } from './aggregate';
import { governedPrefixes } from './governed-sources';
import { ReplayPosture } from './judge';
import { dayPath } from './log-layout';
import { TrafficFilter, TrafficKey, TrafficReport } from './traffic-types';
import { COMMERCIAL_REGIONS } from '../regions';

/**
 * Athena over the trail's bucket: AWS's CloudTrail table with partition
 * projection (STRING `requestparameters` and `additionaleventdata`, read with
 * `json_extract_scalar`), extended from one account and Region to every account
 * and Region of an organization trail by projecting `account` and `region` as
 * enums next to the date.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 * @see https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html
 */

/** The columns of AWS's documented CloudTrail table, in its order. */
export const CLOUDTRAIL_COLUMNS: readonly { readonly name: string; readonly type: string }[] = [
  { name: 'eventversion', type: 'string' },
  {
    name: 'useridentity',
    type: 'struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,'
      + 'onbehalfof:struct<userid:string,identitystorearn:string>,'
      + 'sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,'
      + 'sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,'
      + 'ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>',
  },
  { name: 'eventtime', type: 'string' },
  { name: 'eventsource', type: 'string' },
  { name: 'eventname', type: 'string' },
  { name: 'awsregion', type: 'string' },
  { name: 'sourceipaddress', type: 'string' },
  { name: 'useragent', type: 'string' },
  { name: 'errorcode', type: 'string' },
  { name: 'errormessage', type: 'string' },
  { name: 'requestparameters', type: 'string' },
  { name: 'responseelements', type: 'string' },
  { name: 'additionaleventdata', type: 'string' },
  { name: 'requestid', type: 'string' },
  { name: 'eventid', type: 'string' },
  { name: 'readonly', type: 'string' },
  { name: 'resources', type: 'array<struct<arn:string,accountid:string,type:string>>' },
  { name: 'eventtype', type: 'string' },
  { name: 'apiversion', type: 'string' },
  { name: 'recipientaccountid', type: 'string' },
  { name: 'serviceeventdetails', type: 'string' },
  { name: 'sharedeventid', type: 'string' },
  { name: 'vpcendpointid', type: 'string' },
  { name: 'vpcendpointaccountid', type: 'string' },
  { name: 'eventcategory', type: 'string' },
  { name: 'addendum', type: 'struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>' },
  { name: 'sessioncredentialfromconsole', type: 'string' },
  { name: 'edgedevicedetails', type: 'string' },
  { name: 'tlsdetails', type: 'struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>' },
];

export const PARTITION_KEYS: readonly { readonly name: string; readonly type: string }[] = [
  { name: 'account', type: 'string' },
  { name: 'region', type: 'string' },
  { name: 'timestamp', type: 'string' },
];

export const CLOUDTRAIL_SERDE = 'org.apache.hive.hcatalog.data.JsonSerDe';
export const CLOUDTRAIL_INPUT_FORMAT = 'com.amazon.emr.cloudtrail.CloudTrailInputFormat';
export const CLOUDTRAIL_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';

export interface AthenaTableInput {
  /** `s3://bucket/prefix/` of the trail (where `AWSLogs/` is). */
  readonly bucket: string;
  readonly prefix?: string;
  /** `o-...` for an organization trail (its files sit under `AWSLogs/o-.../`). */
  readonly organizationId?: string;
  readonly accounts: readonly string[];
  /** @default every commercial Region */
  readonly regions?: readonly string[];
  /** First day projected (YYYY-MM-DD). @default 2020-01-01 */
  readonly since?: string;
  readonly database?: string;
  readonly table?: string;
}

/** Where the trail's account folders are: `s3://bucket/prefix/AWSLogs/[o-ORGID/]`. */
export function trailLocation(input: AthenaTableInput): string {
  const prefix = input.prefix ? (input.prefix.endsWith('/') ? input.prefix : `${input.prefix}/`) : '';
  return `s3://${input.bucket}/${prefix}AWSLogs/${input.organizationId ? `${input.organizationId}/` : ''}`;
}

/** Table properties of the projection (also the Glue table's parameters). */
export function projectionProperties(input: AthenaTableInput): Record<string, string> {
  return {
    'projection.enabled': 'true',
    'projection.account.type': 'enum',
    'projection.account.values': input.accounts.join(','),
    'projection.region.type': 'enum',
    'projection.region.values': (input.regions ?? COMMERCIAL_REGIONS).join(','),
    'projection.timestamp.type': 'date',
    'projection.timestamp.format': 'yyyy/MM/dd',
    'projection.timestamp.interval': '1',
    'projection.timestamp.interval.unit': 'DAYS',
    'projection.timestamp.range': `${dayPath(input.since ?? '2020-01-01')},NOW`,
    'storage.location.template': `${trailLocation(input)}\${account}/CloudTrail/\${region}/\${timestamp}`,
  };
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const DEFAULT_DATABASE = 'default';
export const DEFAULT_TABLE = 'cloudtrail_organization';

function tableName(input: { database?: string; table?: string }): string {
  return `${input.database ?? DEFAULT_DATABASE}.${input.table ?? DEFAULT_TABLE}`;
}

/** CREATE EXTERNAL TABLE for an organization trail (every listed account and Region, projected by day). */
export function athenaDdl(input: AthenaTableInput): string {
  const cols = CLOUDTRAIL_COLUMNS.map((c) => `  ${c.name} ${c.type.replace(/\b(string|struct|array|map)\b/g, (m) => m.toUpperCase())}`).join(',\n');
  const props = Object.entries(projectionProperties(input)).map(([k, v]) => `  ${q(k)}=${q(v)}`).join(',\n');
  return [
    `CREATE EXTERNAL TABLE IF NOT EXISTS ${tableName(input)} (`,
    cols,
    ')',
    'PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)',
    `ROW FORMAT SERDE ${q(CLOUDTRAIL_SERDE)}`,
    `STORED AS INPUTFORMAT ${q(CLOUDTRAIL_INPUT_FORMAT)}`,
    `OUTPUTFORMAT ${q(CLOUDTRAIL_OUTPUT_FORMAT)}`,
    `LOCATION ${q(trailLocation(input))}`,
    'TBLPROPERTIES (',
    props,
    ');',
  ].join('\n');
}

const rp = (path: string) => `NULLIF(json_extract_scalar(requestparameters, ${q(path)}), '')`;

/** The columns the query returns and `--athena-results` reads, in order. */
export const RESULT_COLUMNS = [
  'account_id', 'principal_arn', 'event_source', 'event_name', 'model_id', 'source_region', 'inference_region',
  'error_code', 'denied_by_scp', 'day', 'events', 'first_seen', 'last_seen', 'events_read',
] as const;

/**
 * The query computing the replay's grouped rows in Athena: one row per distinct
 * call and day, with the same fields the local replay reads from each record.
 * The posture's decision is made locally on each row (`--athena-results`).
 */
export function athenaQuery(input: { database?: string; table?: string; filter?: TrafficFilter; prefixes?: readonly string[] }): string {
  const f = input.filter ?? {};
  const scope: string[] = [];
  if (f.from) scope.push(`"timestamp" >= ${q(dayPath(f.from))}`, `substr(eventtime, 1, 10) >= ${q(f.from)}`);
  if (f.to) scope.push(`"timestamp" <= ${q(dayPath(f.to))}`, `substr(eventtime, 1, 10) <= ${q(f.to)}`);
  if (f.accounts && f.accounts.length > 0) scope.push(`account IN (${f.accounts.map(q).join(', ')})`);
  if (f.regions && f.regions.length > 0) scope.push(`region IN (${f.regions.map(q).join(', ')})`);
  const governed = (input.prefixes ?? governedPrefixes())
    .map((p) => `eventsource = ${q(`${p}.amazonaws.com`)} OR eventsource LIKE ${q(`${p}-%`)} OR eventsource LIKE ${q(`${p}.%`)}`)
    .join('\n    OR ');
  const principal = [
    'CASE',
    "  WHEN useridentity.type = 'AssumedRole' AND NULLIF(useridentity.sessioncontext.sessionissuer.arn, '') IS NOT NULL THEN useridentity.sessioncontext.sessionissuer.arn",
    "  WHEN NULLIF(useridentity.arn, '') IS NOT NULL THEN useridentity.arn",
    "  WHEN useridentity.type = 'Root' THEN concat('arn:aws:iam::', coalesce(useridentity.accountid, recipientaccountid), ':root')",
    "  WHEN useridentity.type = 'AWSService' THEN coalesce(useridentity.invokedby, 'AWSService')",
    "  ELSE concat('unknown (', coalesce(useridentity.type, 'no type'), ')')",
    'END',
  ].join('\n      ');
  return [
    'WITH scope AS (',
    `  SELECT * FROM ${tableName(input)}${scope.length > 0 ? `\n  WHERE ${scope.join('\n    AND ')}` : ''}`,
    '), total AS (',
    '  SELECT count(*) AS events_read FROM scope',
    '), calls AS (',
    '  SELECT',
    '    coalesce(recipientaccountid, useridentity.accountid) AS account_id,',
    `    ${principal} AS principal_arn,`,
    '    eventsource AS event_source,',
    '    eventname AS event_name,',
    `    coalesce(${[rp('$.modelId'), rp('$.model'), rp('$.modelIdentifier'), rp('$.crossRegionConfig.guardrailProfileIdentifier'), rp('$.dataAutomationProfileArn')].join(', ')}) AS model_id,`,
    '    awsregion AS source_region,',
    "    NULLIF(json_extract_scalar(additionaleventdata, '$.inferenceRegion'), '') AS inference_region,",
    "    NULLIF(errorcode, '') AS error_code,",
    "    coalesce(errorcode IN ('AccessDenied', 'AccessDeniedException') AND lower(errormessage) LIKE '%explicit deny in a service control policy%', false) AS denied_by_scp,",
    '    substr(eventtime, 1, 10) AS day,',
    '    count(*) AS events,',
    '    min(eventtime) AS first_seen,',
    '    max(eventtime) AS last_seen',
    '  FROM scope',
    `  WHERE ${governed}`,
    '  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10',
    ')',
    `SELECT ${RESULT_COLUMNS.slice(0, -1).map((c) => `calls.${c}`).join(', ')}, total.events_read`,
    'FROM total LEFT JOIN calls ON true',
    'ORDER BY calls.day, calls.account_id, calls.principal_arn, calls.event_name;',
  ].join('\n');
}

/**
 * RFC 4180 CSV as Athena writes query results: every field in double quotes,
 * a quote inside a field doubled, newlines allowed inside quotes; an empty
 * unquoted field is NULL.
 * @see https://docs.aws.amazon.com/athena/latest/ug/querying.html
 */
export function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let value: string | null;
    if (text[i] === '"') {
      let out = '';
      i++;
      for (;;) {
        const j = text.indexOf('"', i);
        if (j < 0) throw new Error('a quoted field is not terminated');
        out += text.slice(i, j);
        if (text[j + 1] === '"') {
          out += '"';
          i = j + 2;
        } else {
          i = j + 1;
          break;
        }
      }
      value = out;
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      const raw = text.slice(i, j);
      value = raw === '' ? null : raw;
      i = j;
    }
    row.push(value);
    if (text[i] === ',') {
      i++;
      if (i === n) row.push(null);
    } else {
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      else if (i < n) throw new Error(`unexpected character after a quoted field at offset ${i}`);
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Reads the query's CSV result into the same report as a local replay. */
export interface AthenaCsvOptions {
  readonly file: string;
  readonly posture: ReplayPosture;
  readonly version: string;
  readonly filter?: TrafficFilter;
  readonly now?: Date;
}

export function reportFromAthenaCsv(csv: string, options: AthenaCsvOptions): TrafficReport {
  const agg = new TrafficAggregator(options.filter);
  let rows: (string | null)[][];
  try {
    rows = parseCsv(csv);
  } catch (e) {
    agg.unreadable(options.file, `not CSV: ${(e as Error).message}`);
    return agg.report({ posture: options.posture, source: options.file, version: options.version, now: options.now });
  }
  const header = (rows.shift() ?? []).map((h) => (h ?? '').toLowerCase());
  const missing = RESULT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    agg.unreadable(options.file, `not the replay query's result: missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
    return agg.report({ posture: options.posture, source: options.file, version: options.version, now: options.now });
  }
  const col = Object.fromEntries(RESULT_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<typeof RESULT_COLUMNS[number], number>;
  let total: number | undefined;
  rows.forEach((r, i) => {
    // Athena writes NULL as an empty field; an empty string means no value in these columns too.
    const get = (c: typeof RESULT_COLUMNS[number]) => r[col[c]] || null;
    const line = i + 1;
    const read = Number(get('events_read'));
    if (total === undefined && Number.isInteger(read)) total = read;
    if (get('account_id') === null && get('event_source') === null) return; // the totals-only row of an empty result
    const count = Number(get('events'));
    const required = ['account_id', 'principal_arn', 'event_source', 'event_name', 'source_region', 'day', 'first_seen', 'last_seen'] as const;
    const absent = required.filter((c) => !get(c));
    if (absent.length > 0 || !Number.isInteger(count) || count < 1) {
      agg.malformedRow(options.file, line, absent.length > 0 ? `row without ${absent.join(', ')}` : `events is not a positive integer: ${get('events')}`);
      return;
    }
    const key: TrafficKey = {
      accountId: get('account_id')!,
      principalArn: get('principal_arn')!,
      eventSource: get('event_source')!,
      eventName: get('event_name')!,
      modelId: get('model_id'),
      sourceRegion: get('source_region')!,
      inferenceRegion: get('inference_region'),
      errorCode: get('error_code'),
      alreadyDeniedBySCP: get('denied_by_scp') === 'true',
    };
    agg.observe(key, get('day')!, count, get('first_seen')!, get('last_seen')!);
  });
  agg.countEvents(total ?? 0);
  return agg.report({ posture: options.posture, source: options.file, version: options.version, now: options.now });
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;

/** Problems with the table's inputs, by prop name. */
export function validateAthenaTable(input: AthenaTableInput, errors: { add(prop: string, message: string): void }): void {
  if (typeof input.bucket !== 'string' || !BUCKET_NAME.test(input.bucket)) errors.add('bucket', `${JSON.stringify(input.bucket) ?? typeof input.bucket} is not an S3 bucket name`);
  if (input.organizationId !== undefined && input.organizationId !== null && !ORGANIZATION_ID.test(String(input.organizationId))) {
    errors.add('organizationId', `"${input.organizationId}" is not an organization ID (o- and 10 to 32 lowercase letters or digits)`);
  }
  if (!Array.isArray(input.accounts) || input.accounts.length === 0) {
    errors.add('accounts', 'give the account IDs the table projects (partition projection enumerates every account folder it reads)');
  } else {
    input.accounts.forEach((a, i) => {
      if (!/^\d{12}$/.test(String(a))) errors.add(`accounts[${i}]`, `"${a}" is not an account ID (12 digits)`);
    });
  }
  // Untyped callers: every value is written into the table's location or properties, so each must be a string.
  if (input.prefix !== undefined && input.prefix !== null && (typeof input.prefix !== 'string' || /[\s'"\\]/.test(input.prefix))) {
    errors.add('prefix', `must be the trail's S3 key prefix (a string without spaces or quotes), got ${JSON.stringify(input.prefix) ?? typeof input.prefix}`);
  }
  if (input.regions !== undefined && input.regions !== null && !Array.isArray(input.regions)) {
    errors.add('regions', `must be a list of Region codes, got ${JSON.stringify(input.regions) ?? typeof input.regions}`);
  } else if (input.regions !== undefined && input.regions !== null && input.regions.length === 0) {
    errors.add('regions', 'is empty: the table would project no Region folder. Give the Regions, or leave regions out for every commercial Region');
  } else if (input.regions !== undefined && input.regions !== null) {
    input.regions.forEach((r, i) => {
      if (!COMMERCIAL_REGIONS.includes(r)) errors.add(`regions[${i}]`, `"${r}" is not a commercial Region`);
    });
  }
  if (input.since !== undefined && input.since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(input.since))) errors.add('since', `"${input.since}" is not a day (YYYY-MM-DD)`);
}
