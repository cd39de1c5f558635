import { Stack, Token } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import { Construct } from 'constructs';
import {
  athenaQuery, CLOUDTRAIL_COLUMNS, CLOUDTRAIL_INPUT_FORMAT, CLOUDTRAIL_OUTPUT_FORMAT, CLOUDTRAIL_SERDE, PARTITION_KEYS,
  projectionProperties, trailLocation, validateAthenaTable,
} from '../core/traffic/athena';
import { parseDay } from '../core/traffic/log-layout';
import { ValidationErrors } from '../core/validation-errors';
import { assertPropsObject, describeType } from '../core/validators';

export interface CloudTrailAthenaTableProps {
  /** The S3 bucket the (organization) trail delivers to. */
  readonly trailBucketName: string;

  /**
   * The trail's S3 key prefix: the folder holding `AWSLogs/`.
   * @default - none (`AWSLogs/` at the bucket's root)
   */
  readonly trailPrefix?: string;

  /**
   * The organization ID (`o-...`) of an organization trail, whose files sit under `AWSLogs/o-.../`.
   * @default - a single-account trail (`AWSLogs/ACCOUNT/...`)
   */
  readonly organizationId?: string;

  /** Accounts whose folders the table projects (partition projection enumerates every account it reads). */
  readonly accounts: string[];

  /**
   * Regions whose folders the table projects.
   * @default - every commercial Region
   */
  readonly regions?: string[];

  /**
   * First day the table projects (YYYY-MM-DD).
   * @default '2020-01-01'
   */
  readonly since?: string;

  /**
   * Name of the Glue database created for the table.
   * @default 'sovereign_bedrock_traffic'
   */
  readonly databaseName?: string;

  /**
   * Name of the table.
   * @default 'cloudtrail_organization'
   */
  readonly tableName?: string;

  /**
   * Athena workgroup of the saved query.
   * @default 'primary'
   */
  readonly workGroup?: string;

  /**
   * First day the saved query reads (YYYY-MM-DD); edit the query in Athena to change it.
   * @default - every projected day
   */
  readonly queryFrom?: string;
}

const NAME = /^[a-z0-9_]{1,255}$/;
/** https://docs.aws.amazon.com/athena/latest/APIReference/API_CreateWorkGroup.html */
const WORK_GROUP = /^[a-zA-Z0-9._-]{1,128}$/;

/**
 * The organization trail as an Athena table, and the traffic replay's query
 * saved next to it, for trails too large to replay on one machine: AWS's
 * CloudTrail table with partition projection over account, Region and day (no
 * crawler, no `ALTER TABLE ADD PARTITION`). Run the saved query, download its
 * CSV result and read it with `cdk-sovereign-bedrock traffic --athena-results
 * FILE.csv`: the posture's decision is made there, on each row.
 *
 * Deploy it in the account that can read the trail's bucket (the log archive
 * account of a Control Tower landing zone). Athena's query results location and
 * encryption belong to the workgroup, which this construct does not create.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
 */
export class CloudTrailAthenaTable extends Construct {
  /** The Glue database. */
  public readonly databaseName: string;
  /** The table. */
  public readonly tableName: string;
  /** The saved query's ID. */
  public readonly namedQueryId: string;

  constructor(scope: Construct, id: string, props: CloudTrailAthenaTableProps) {
    super(scope, id);
    assertPropsObject('CloudTrailAthenaTable', this.node.path, props, 'at least trailBucketName and accounts');
    const errors = new ValidationErrors();
    const databaseName = props?.databaseName ?? 'sovereign_bedrock_traffic';
    const tableName = props?.tableName ?? 'cloudtrail_organization';
    const bucket = props?.trailBucketName;
    const input = {
      // A token bucket name (an imported bucket's) resolves at deploy time: only a literal is checked.
      bucket: Token.isUnresolved(bucket) ? 'token-bucket-name' : bucket,
      prefix: props?.trailPrefix,
      organizationId: props?.organizationId,
      accounts: props?.accounts,
      regions: props?.regions,
      since: props?.since,
    };
    const renamed: Record<string, string> = { bucket: 'trailBucketName', prefix: 'trailPrefix' };
    validateAthenaTable(input, {
      add: (prop, message) => errors.add(renamed[prop] ?? prop, message),
    });
    // Names are written into the saved query's SQL: a literal of Glue's form only (a token would be read as its placeholder text).
    for (const [prop, value] of [['databaseName', databaseName], ['tableName', tableName]] as const) {
      if (typeof value !== 'string' || !NAME.test(value)) errors.add(prop, `${typeof value === 'string' ? `"${value}"` : describeType(value)} must be lowercase letters, digits and _`);
    }
    if (props?.workGroup !== undefined && props.workGroup !== null && !Token.isUnresolved(props.workGroup)
      && (typeof props.workGroup !== 'string' || !WORK_GROUP.test(props.workGroup))) {
      errors.add('workGroup', `${typeof props.workGroup === 'string' ? `"${props.workGroup}"` : describeType(props.workGroup)} is not an Athena workgroup name (1 to 128 of A-Z a-z 0-9 . _ -)`);
    }
    if (props?.queryFrom !== undefined && props.queryFrom !== null && (typeof props.queryFrom !== 'string' || !parseDay(props.queryFrom))) {
      errors.add('queryFrom', `${typeof props.queryFrom === 'string' ? `"${props.queryFrom}"` : describeType(props.queryFrom)} is not a day (YYYY-MM-DD)`);
    }
    errors.throwIfAny('CloudTrailAthenaTable', this.node.path);

    const table = { ...input, bucket };
    const database = new glue.CfnDatabase(this, 'Database', {
      catalogId: Stack.of(this).account,
      databaseInput: { name: databaseName, description: 'CloudTrail for the Bedrock traffic replay (cdk-sovereign-bedrock)' },
    });
    const cfnTable = new glue.CfnTable(this, 'Table', {
      catalogId: Stack.of(this).account,
      databaseName,
      tableInput: {
        name: tableName,
        tableType: 'EXTERNAL_TABLE',
        parameters: { EXTERNAL: 'TRUE', classification: 'cloudtrail', ...projectionProperties(table) },
        partitionKeys: PARTITION_KEYS.map((k) => ({ name: k.name, type: k.type })),
        storageDescriptor: {
          location: trailLocation(table),
          inputFormat: CLOUDTRAIL_INPUT_FORMAT,
          outputFormat: CLOUDTRAIL_OUTPUT_FORMAT,
          serdeInfo: { serializationLibrary: CLOUDTRAIL_SERDE },
          columns: CLOUDTRAIL_COLUMNS.map((c) => ({ name: c.name, type: c.type })),
        },
      },
    });
    cfnTable.node.addDependency(database);
    const query = new athena.CfnNamedQuery(this, 'ReplayQuery', {
      database: databaseName,
      name: `${tableName}-bedrock-traffic-replay`,
      description: 'Bedrock traffic replay rows: read the CSV result with cdk-sovereign-bedrock traffic --athena-results',
      queryString: athenaQuery({ database: databaseName, table: tableName, filter: { from: props.queryFrom ?? undefined } }),
      workGroup: props.workGroup ?? 'primary',
    });
    query.node.addDependency(cfnTable);
    this.databaseName = databaseName;
    this.tableName = tableName;
    this.namedQueryId = query.ref;
  }
}
