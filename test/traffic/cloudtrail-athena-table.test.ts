import { Template } from 'aws-cdk-lib/assertions';
import { CloudTrailAthenaTable, TrafficReplay } from '../../src';
import { isSovereignBedrockValidationError } from '../../src/core/validation-errors';
import { errorOf, thrown } from '../helpers/errors';
import { newStack } from '../helpers/stack';

describe('CloudTrailAthenaTable', () => {
  test('a Glue table with projection over account, Region and day, and the replay query saved next to it', () => {
    const stack = newStack();
    const t = new CloudTrailAthenaTable(stack, 'Traffic', {
      trailBucketName: 'org-trail', trailPrefix: 'central', organizationId: 'o-a1b2c3d4e5', accounts: ['111122223333'], regions: ['ap-southeast-2'], queryFrom: '2026-09-01',
    });
    const template = Template.fromStack(stack);
    const table = Object.values(template.findResources('AWS::Glue::Table'))[0].Properties.TableInput;
    expect(table.StorageDescriptor.Location).toBe('s3://org-trail/central/AWSLogs/o-a1b2c3d4e5/');
    expect(table.PartitionKeys.map((k: any) => k.Name)).toEqual(['account', 'region', 'timestamp']);
    expect(table.Parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.account.values': '111122223333',
      'projection.region.values': 'ap-southeast-2',
      'storage.location.template': 's3://org-trail/central/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}',
    });
    expect(table.StorageDescriptor.InputFormat).toBe('com.amazon.emr.cloudtrail.CloudTrailInputFormat');
    const query = Object.values(template.findResources('AWS::Athena::NamedQuery'))[0].Properties;
    expect(query.Database).toBe('sovereign_bedrock_traffic');
    expect(query.QueryString).toContain('FROM sovereign_bedrock_traffic.cloudtrail_organization');
    expect(query.QueryString).toContain('"timestamp" >= \'2026/09/01\'');
    expect(t.tableName).toBe('cloudtrail_organization');
    // The DDL printed by the CLI describes the same table.
    const ddl = TrafficReplay.athenaTableDdl({ bucket: 'org-trail', prefix: 'central', organizationId: 'o-a1b2c3d4e5', accounts: ['111122223333'], regions: ['ap-southeast-2'] });
    for (const c of table.StorageDescriptor.Columns) expect(ddl.toLowerCase()).toContain(`  ${c.Name} ${c.Type}`);
  });

  test('every problem at once, named by prop', () => {
    const e = thrown(() => new CloudTrailAthenaTable(newStack(), 'T', {
      trailBucketName: 'Bad_Bucket', organizationId: 'org', accounts: [], databaseName: 'Bad-Name', queryFrom: 'yesterday',
    }));
    expect(isSovereignBedrockValidationError(e)).toBe(true);
    const message = (e as Error).message;
    for (const prop of ['trailBucketName', 'organizationId', 'accounts', 'databaseName', 'queryFrom']) expect(message).toContain(`${prop}:`);
    expect(errorOf(() => TrafficReplay.athenaTableDdl({ bucket: 'b-ok', accounts: ['1'] }))).toContain('accounts[0]');
  });
});

describe('TrafficReplay', () => {
  test('records and options in, the JSON contract out; invalid props throw one error naming each', () => {
    const report = TrafficReplay.fromRecords([], { from: '2026-01-01' });
    expect(report).toMatchObject({ kind: 'cdk-sovereign-bedrock/traffic', schemaVersion: 1, window: { from: '2026-01-01', to: null } });
    expect(TrafficReplay.exitCode(report)).toBe(0);
    const message = errorOf(() => TrafficReplay.fromRecords([], { from: '2026-02-30', accounts: ['x'], regions: ['mars-1'], options: { allowedRegions: ['us-east-1'] } }));
    expect(message).toContain('from:');
    expect(message).toContain('accounts[0]:');
    expect(message).toContain('regions');
    expect(TrafficReplay.athenaQuery({ accounts: ['111122223333'] })).toContain("account IN ('111122223333')");
  });
});

describe('untyped callers (issue 18)', () => {
  const propsOf = (fn: () => unknown): string[] => {
    const e = thrown(fn);
    if (!isSovereignBedrockValidationError(e)) throw e;
    return e.problems.map((p) => p.prop);
  };

  test('wrong types are named errors in the caller\'s terms, never a TypeError or a silent default', () => {
    expect(propsOf(() => new CloudTrailAthenaTable(newStack(), 'T', {
      trailBucketName: true as any, trailPrefix: 7 as any, accounts: ['111122223333'], regions: [], workGroup: ['x'] as any, databaseName: 5 as any,
    }))).toEqual(['trailBucketName', 'trailPrefix', 'regions', 'databaseName', 'workGroup']);
    expect(propsOf(() => TrafficReplay.athenaTableDdl({ bucket: 'org-trail', accounts: ['111122223333'], regions: 'ap-southeast-2' as any, database: 'a b' })))
      .toEqual(['regions', 'database']);
    expect(propsOf(() => new CloudTrailAthenaTable(newStack(), 'T', null as any))).toEqual(['props']);
  });

  test('the replay names options problems under options, with every other problem at once', () => {
    expect(propsOf(() => TrafficReplay.fromRecords([], { accounts: 'x' as any, options: { allowedRegions: ['us-east-1'] } })))
      .toEqual(['accounts', 'options.allowedRegions[0]']);
    expect(propsOf(() => TrafficReplay.athenaQuery({}, 'traffic', 'x; DROP TABLE y'))).toEqual(['tableName']);
  });

  test('fromDirectory rejects a path that is not a string with the named error', async () => {
    const e = await TrafficReplay.fromDirectory(1 as any).then(() => undefined, (err: unknown) => err);
    expect(isSovereignBedrockValidationError(e) && e.problems.map((p) => p.prop)).toEqual(['path']);
  });
});
