import { athenaDdl, athenaQuery, parseCsv, projectionProperties, reportFromAthenaCsv, RESULT_COLUMNS } from '../../../src/core/traffic/athena';
import { replayPosture } from '../../../src/core/traffic/judge';
import { isScpDenial, modelOf } from '../../../src/core/traffic/normalize-record';
import { replayRecords } from '../../../src/core/traffic/replay';
import { corpusRecords } from '../../helpers/trail-fixture';

const NOW = new Date('2026-12-01T00:00:00Z');
const posture = replayPosture({});

/** Athena's CSV: every value quoted, quotes doubled, NULL an empty unquoted field. */
function athenaCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return `${rows.map((r) => r.map((v) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(',')).join('\n')}\n`;
}

/**
 * What the query computes, written out independently of the replay: the same
 * columns from each record, grouped by the first ten, with the total count.
 */
function emulateQuery(records: readonly any[]): string {
  const governed = records.filter((r) => /^(bedrock|aws-external-anthropic)([.-]|$)/.test(r.eventSource));
  const groups = new Map<string, { cols: (string | boolean | null)[]; n: number; first: string; last: string }>();
  for (const r of governed) {
    const u = r.userIdentity ?? {};
    const principal = u.type === 'AssumedRole' && u.sessionContext?.sessionIssuer?.arn ? u.sessionContext.sessionIssuer.arn : u.arn;
    const cols = [r.recipientAccountId ?? u.accountId, principal, r.eventSource, r.eventName, modelOf(r.requestParameters), r.awsRegion,
      r.additionalEventData?.inferenceRegion ?? null, r.errorCode ?? null, isScpDenial(r.errorCode, r.errorMessage), r.eventTime.slice(0, 10)];
    const k = JSON.stringify(cols);
    const g = groups.get(k) ?? { cols, n: 0, first: r.eventTime, last: r.eventTime };
    g.n++;
    if (r.eventTime < g.first) g.first = r.eventTime;
    if (r.eventTime > g.last) g.last = r.eventTime;
    groups.set(k, g);
  }
  return athenaCsv([RESULT_COLUMNS, ...[...groups.values()].map((g) => [...g.cols, g.n, g.first, g.last, records.length])]);
}

describe('Athena', () => {
  test('the DDL is AWS\'s CloudTrail table, projected over account, Region and day of an organization trail', () => {
    const ddl = athenaDdl({ bucket: 'trail-bucket', prefix: 'org', organizationId: 'o-a1b2c3d4e5', accounts: ['111122223333', '444455556666'], regions: ['ap-southeast-2', 'us-east-1'] });
    expect(ddl).toContain("LOCATION 's3://trail-bucket/org/AWSLogs/o-a1b2c3d4e5/'");
    expect(ddl).toContain('PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)');
    expect(ddl).toContain("'storage.location.template'='s3://trail-bucket/org/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}'");
    expect(ddl).toContain("'projection.account.values'='111122223333,444455556666'");
    expect(ddl).toContain("STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'");
    expect(ddl).toMatch(/requestparameters STRING,\n {2}responseelements STRING,\n {2}additionaleventdata STRING/);
    expect(projectionProperties({ bucket: 'b', accounts: ['111122223333'] })['projection.timestamp.range']).toBe('2020/01/01,NOW');
  });

  test('the query prunes by partition and names every governed event source', () => {
    const sql = athenaQuery({ filter: { from: '2026-09-01', to: '2026-11-30', accounts: ['111122223333'], regions: ['ap-southeast-2'] } });
    expect(sql).toContain('"timestamp" >= \'2026/09/01\'');
    expect(sql).toContain('"timestamp" <= \'2026/11/30\'');
    expect(sql).toContain("account IN ('111122223333')");
    expect(sql).toContain("region IN ('ap-southeast-2')");
    for (const p of ['bedrock', 'bedrock-mantle', 'bedrock-agentcore', 'bedrock-websearch', 'aws-external-anthropic']) expect(sql).toContain(`eventsource = '${p}.amazonaws.com'`);
    expect(sql).toContain("json_extract_scalar(additionaleventdata, '$.inferenceRegion')");
    expect(sql).toContain('useridentity.sessioncontext.sessionissuer.arn');
  });

  test('the query\'s CSV result gives the same report as the local replay', () => {
    const records = corpusRecords();
    const local = replayRecords(records, { posture, version: 'x', now: NOW });
    const athena = reportFromAthenaCsv(emulateQuery(records), { file: 'r.csv', posture, version: 'x', now: NOW });
    expect(athena.calls).toEqual(local.calls);
    expect(athena.timeline).toEqual(local.timeline);
    expect(athena.summary).toEqual({ ...local.summary, filesRead: 0 });
    expect(athena.blindSpots).toEqual(local.blindSpots);
  });

  test('an empty result (only the totals row) and malformed rows', () => {
    const empty = reportFromAthenaCsv(athenaCsv([RESULT_COLUMNS, [...RESULT_COLUMNS.slice(0, -1).map(() => null), 1234]]), { file: 'r.csv', posture, version: 'x' });
    expect(empty.summary).toMatchObject({ eventsRead: 1234, residencyEvents: 0, malformedRecords: 0 });
    const bad = reportFromAthenaCsv(athenaCsv([RESULT_COLUMNS, ['111122223333', null, 'bedrock.amazonaws.com', 'InvokeModel', null, 'us-east-1', null, null, false, '2026-01-01', 'x', 't', 't', 5]]),
      { file: 'r.csv', posture, version: 'x' });
    expect(bad.problems).toEqual([{ file: 'r.csv', record: 1, reason: 'row without principal_arn' }]);
    const wrong = reportFromAthenaCsv('"a","b"\n"1","2"\n', { file: 'r.csv', posture, version: 'x' });
    expect(wrong.summary.unreadableFiles).toBe(1);
    expect(wrong.problems[0].reason).toMatch(/missing columns account_id/);
  });

  test('CSV quoting: doubled quotes, commas and newlines inside fields, NULL as an empty field', () => {
    expect(parseCsv('"a","b ""q"", c"\n"line\nbreak",\n,"x"\r\n')).toEqual([['a', 'b "q", c'], ['line\nbreak', null], [null, 'x']]);
    expect(() => parseCsv('"open')).toThrow(/not terminated/);
  });
});
