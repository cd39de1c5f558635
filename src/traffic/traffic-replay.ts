import { localSource } from './local-log-source';
import { packageVersion } from '../cli/package-version';
import { trafficExitCode } from '../core/traffic/aggregate';
import { athenaDdl, athenaQuery, reportFromAthenaCsv, validateAthenaTable } from '../core/traffic/athena';
import { replayPosture } from '../core/traffic/judge';
import { ACCOUNT_ID_PATTERN, parseDay } from '../core/traffic/log-layout';
import { replayRecords, replaySource } from '../core/traffic/replay';
import { TrafficFilter, TrafficReport } from '../core/traffic/traffic-types';
import { isSovereignBedrockValidationError, ValidationErrors } from '../core/validation-errors';
import { assertPropsObject, checkList, checkRegions, describeType } from '../core/validators';
import { ResidencyPolicyOptions } from '../policy-core';

/** What to replay and the posture to judge it by. */
export interface TrafficReplayProps {
  /**
   * The posture's options, as for `ResidencyPolicies`, `PostureExport` and the SCP constructs.
   * @default - the safe defaults: au. only, calls from Sydney
   */
  readonly options?: ResidencyPolicyOptions;

  /**
   * First day replayed (YYYY-MM-DD, UTC, inclusive). Folders of earlier days are not read.
   * @default - the earliest in the logs
   */
  readonly from?: string;

  /**
   * Last day replayed (YYYY-MM-DD, UTC, inclusive).
   * @default - the latest in the logs
   */
  readonly to?: string;

  /**
   * Only these accounts (12-digit IDs).
   * @default - every account
   */
  readonly accounts?: string[];

  /**
   * Only calls made in these Regions.
   * @default - every Region
   */
  readonly regions?: string[];

  /**
   * Files read at once.
   * @default 8
   */
  readonly concurrency?: number;

  /**
   * The organization's management account: SCPs never apply to it, so its calls are reported ALLOWED.
   * @default - none named (its calls are judged as if SCPs applied, and a blind spot says so)
   */
  readonly managementAccountId?: string;
}

/** Where an organization trail's files are, for the Athena table. */
export interface TrafficAthenaTableProps {
  /** The trail's S3 bucket. */
  readonly bucket: string;

  /**
   * The trail's S3 key prefix (the folder holding `AWSLogs/`).
   * @default - none
   */
  readonly prefix?: string;

  /**
   * The organization ID (`o-...`) of an organization trail, whose files sit under `AWSLogs/o-.../`.
   * @default - a single-account trail (`AWSLogs/ACCOUNT/...`)
   */
  readonly organizationId?: string;

  /** Accounts whose folders the table projects (partition projection enumerates them). */
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
   * Glue database.
   * @default 'default'
   */
  readonly database?: string;

  /**
   * Table name.
   * @default 'cloudtrail_organization'
   */
  readonly tableName?: string;
}

function validateFilter(props: TrafficReplayProps | undefined, errors: ValidationErrors): TrafficFilter {
  if (props !== undefined && props !== null && (typeof props !== 'object' || Array.isArray(props))) {
    errors.add('props', `must be an object of replay options, got ${describeType(props)}`);
    return {};
  }
  const p = props ?? {};
  for (const k of ['from', 'to'] as const) {
    if (p[k] !== undefined && p[k] !== null && (typeof p[k] !== 'string' || !parseDay(p[k]!))) {
      errors.add(k, `${typeof p[k] === 'string' ? `"${p[k]}"` : describeType(p[k])} is not a day: use YYYY-MM-DD, e.g. 2026-09-01`);
    }
  }
  if (typeof p.from === 'string' && typeof p.to === 'string' && parseDay(p.from) && parseDay(p.to) && p.from > p.to) errors.add('to', `${p.to} is before from (${p.from})`);
  checkList('accounts', p.accounts, {
    allowEmpty: true,
    check: (a) => (ACCOUNT_ID_PATTERN.test(a) ? undefined : `"${a}" is not an account ID: use the 12 digits`),
  }, errors, () => false);
  if (p.regions !== undefined) checkRegions('regions', p.regions, errors);
  if (p.managementAccountId !== undefined && p.managementAccountId !== null
    && (typeof p.managementAccountId !== 'string' || !ACCOUNT_ID_PATTERN.test(p.managementAccountId))) {
    errors.add('managementAccountId', `${typeof p.managementAccountId === 'string' ? `"${p.managementAccountId}"` : describeType(p.managementAccountId)} is not an account ID: use the 12 digits`);
  }
  if (p.concurrency !== undefined && p.concurrency !== null && !(Number.isInteger(p.concurrency) && p.concurrency >= 1 && p.concurrency <= 256)) {
    errors.add('concurrency', `must be an integer from 1 to 256, got ${typeof p.concurrency === 'number' ? p.concurrency : describeType(p.concurrency)}`);
  }
  if (p.options !== undefined && p.options !== null && (typeof p.options !== 'object' || Array.isArray(p.options))) {
    errors.add('options', `must be the posture's options (an object, as for ResidencyPolicies), got ${describeType(p.options)}`);
  }
  return { from: p.from ?? undefined, to: p.to ?? undefined, accounts: p.accounts ?? undefined, regions: p.regions ?? undefined };
}

function prepare(props: TrafficReplayProps | undefined, where: string) {
  const errors = new ValidationErrors();
  const filter = validateFilter(props, errors);
  const p = errors.problems.some((x) => x.prop === 'props') ? {} : props ?? {};
  let posture: ReturnType<typeof replayPosture> | undefined;
  try {
    posture = replayPosture(p.options ?? {}, where, typeof p.managementAccountId === 'string' ? p.managementAccountId : undefined);
  } catch (e) {
    if (!isSovereignBedrockValidationError(e)) throw e;
    // The options are a prop of these props: name them as the caller wrote them, with every other problem.
    errors.addAll(e.problems, (prop) => (prop === 'props' ? 'options' : prop.startsWith('options.') ? prop : `options.${prop}`));
  }
  errors.throwIfAny(where);
  return { filter, posture: posture! };
}

function refuseUnless(ok: boolean, prop: string, message: string, where: string): void {
  if (ok) return;
  const errors = new ValidationErrors();
  errors.add(prop, message);
  errors.throwIfAny(where);
}

/** Glue database and table names, which the query writes into SQL: https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html */
const GLUE_NAME = /^[a-z0-9_]{1,255}$/;

function checkGlueName(prop: string, value: unknown, errors: ValidationErrors): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !GLUE_NAME.test(value)) {
    errors.add(prop, `${typeof value === 'string' ? `"${value}"` : describeType(value)} must be lowercase letters, digits and _ (a Glue name)`);
  }
}

/**
 * Replays CloudTrail logs through the residency posture, without CDK: for
 * every call of the governed surface (Bedrock, Mantle, AgentCore, Claude
 * Platform, web search), who made it, where it was made and served, whether an
 * SCP already denied it, and the decision the posture would give, by the
 * library's own evaluator on the requests the event reconstructs.
 *
 * Every method returns the report as the JSON document
 * `cdk-sovereign-bedrock traffic --format json` prints (kind
 * `cdk-sovereign-bedrock/traffic`, schemaVersion 1): see docs/traffic.md.
 *
 * @example
 * const report = await TrafficReplay.fromDirectory('./trail', { from: '2026-09-01' });
 * // report.summary.servedOutsideAustralia, report.calls, report.blindSpots
 */
export class TrafficReplay {
  /**
   * Replays a folder of CloudTrail log files as CloudTrail writes them
   * (`AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/*.json.gz`), or one file.
   * Unreadable or malformed files are listed in `problems`, never thrown.
   */
  public static async fromDirectory(path: string, props?: TrafficReplayProps): Promise<any> {
    const { filter, posture } = prepare(props, 'TrafficReplay.fromDirectory');
    refuseUnless(typeof path === 'string' && path.length > 0, 'path', `must be the path of a folder or file of CloudTrail logs, got ${describeType(path)}`, 'TrafficReplay.fromDirectory');
    return replaySource(localSource(path), { filter, posture, version: packageVersion(), concurrency: props?.concurrency });
  }

  /** Replays records already in memory (the `Records` of a log file). */
  public static fromRecords(records: any[], props?: TrafficReplayProps): any {
    const { filter, posture } = prepare(props, 'TrafficReplay.fromRecords');
    refuseUnless(Array.isArray(records), 'records', `must be a list of CloudTrail records (a log file's Records), got ${describeType(records)}`, 'TrafficReplay.fromRecords');
    return replayRecords(records, { filter, posture, version: packageVersion() });
  }

  /** Reads the CSV result of `athenaQuery()` (as Athena writes it) into the same report. */
  public static fromAthenaResults(csv: string, props?: TrafficReplayProps): any {
    const { filter, posture } = prepare(props, 'TrafficReplay.fromAthenaResults');
    refuseUnless(typeof csv === 'string', 'csv', `must be the text of the query's CSV result, got ${describeType(csv)}`, 'TrafficReplay.fromAthenaResults');
    return reportFromAthenaCsv(csv, { file: 'athena-results.csv', posture, filter, version: packageVersion() });
  }

  /** CREATE EXTERNAL TABLE for the trail, with partition projection over account, Region and day. */
  public static athenaTableDdl(props: TrafficAthenaTableProps): string {
    assertPropsObject('TrafficReplay.athenaTableDdl', undefined, props, 'at least bucket and accounts');
    const errors = new ValidationErrors();
    validateAthenaTable(props, errors);
    checkGlueName('database', props.database, errors);
    checkGlueName('tableName', props.tableName, errors);
    errors.throwIfAny('TrafficReplay.athenaTableDdl');
    return athenaDdl({ ...props, table: props.tableName });
  }

  /** The Athena query computing the replay's rows; read its CSV result with `fromAthenaResults`. */
  public static athenaQuery(props?: TrafficReplayProps, database?: string, tableName?: string): string {
    const { filter } = prepare(props, 'TrafficReplay.athenaQuery');
    const errors = new ValidationErrors();
    checkGlueName('database', database, errors);
    checkGlueName('tableName', tableName, errors);
    errors.throwIfAny('TrafficReplay.athenaQuery');
    return athenaQuery({ database, table: tableName, filter });
  }

  /** 0 nothing served abroad and nothing the posture would deny; 1 something was or would be; 2 the evidence is incomplete. */
  public static exitCode(report: any): number {
    const summary = (report as { summary?: Record<string, unknown> } | null | undefined)?.summary;
    if (typeof summary !== 'object' || summary === null || Array.isArray(summary)) {
      const errors = new ValidationErrors();
      errors.add('report', `must be a traffic report (with its summary), got ${describeType(report)}`);
      errors.throwIfAny('TrafficReplay.exitCode');
    }
    return trafficExitCode(report as TrafficReport);
  }

  private constructor() {}
}
