import { promises as fs } from 'fs';
import { parseArgs } from 'util';
import { UsageError } from './audit-command';
import { toFlagMessage } from './flag-names';
import { packageVersion } from './package-version';
import { POSTURE_FLAG_OPTIONS, POSTURE_FLAGS_USAGE, postureFlagProblems, postureOptionsFromFlags } from './posture-flags';
import { loadS3Sdk, s3ClientConfig } from './s3-sdk';
import { trafficExitCode } from '../core/traffic/aggregate';
import { athenaDdl, athenaQuery, reportFromAthenaCsv, validateAthenaTable } from '../core/traffic/athena';
import { replayPosture } from '../core/traffic/judge';
import { ACCOUNT_ID_PATTERN, parseDay } from '../core/traffic/log-layout';
import { LogSource, parseS3Url, s3Source } from '../core/traffic/log-sources';
import { renderTrafficMarkdown, renderTrafficTable } from '../core/traffic/render-traffic';
import { replaySource } from '../core/traffic/replay';
import { sdkS3Reader } from '../core/traffic/sdk-s3-reader';
import { TrafficFilter, TrafficReport } from '../core/traffic/traffic-types';
import { ValidationErrors } from '../core/validation-errors';
import { checkRegions } from '../core/validators';
import { localSource } from '../traffic/local-log-source';

export const TRAFFIC_USAGE = `Usage: cdk-sovereign-bedrock traffic --logs SOURCE [options]

Replays CloudTrail logs through the residency posture: for every Bedrock,
Mantle, AgentCore, Claude Platform and web search call, who made it, where it
was made and served, whether an SCP already denied it, and what the posture
would decide. Exit 0: nothing served outside Australia and nothing the posture
would deny; 1: something was or would be; 2: bad usage or incomplete evidence.

SOURCE is a folder (or one file) of CloudTrail log files as CloudTrail writes
them (AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/*.json.gz), or
s3://BUCKET/PREFIX of the trail's bucket (needs @aws-sdk/client-s3 and
credentials; AWS_ENDPOINT_URL_S3 is honoured).

Options:
  --logs SOURCE               folder, file or s3://BUCKET/PREFIX (required unless --athena-results)
  --from YYYY-MM-DD           first day (UTC, inclusive); earlier folders are not listed
  --to YYYY-MM-DD             last day (UTC, inclusive)
  --accounts LIST             comma-separated account IDs
  --regions LIST              comma-separated Regions the calls were made in
  --format FORMAT             table (default), json or markdown
  --concurrency N             files read at once (default: 8 local, 16 from S3)
  --s3-region REGION          the bucket's Region (default: AWS_REGION, else ap-southeast-2)
  --management-account ID     the organization's management account: SCPs never apply to it,
                              so its calls are reported ALLOWED
${POSTURE_FLAGS_USAGE}

Athena (for trails too large for one machine):
  --athena                    print the CREATE TABLE (partition projection over account,
                              Region and day) and the query computing the replay's rows
  --organization-id o-ID      the organization trail's ID, for --athena's table location
  --athena-results FILE.csv   read that query's CSV result into the same report
  --help`;

const FORMATS = ['table', 'json', 'markdown'] as const;

function list(v: string | undefined): string[] | undefined {
  return v?.split(',').map((x) => x.trim()).filter((x) => x.length > 0);
}

function render(report: TrafficReport, format: string): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'markdown') return renderTrafficMarkdown(report);
  return renderTrafficTable(report);
}

/** Runs `traffic`; returns the exit code. Invalid options surface as UsageError (exit 2). */
export async function runTrafficCommand(
  argv: string[],
  io: { stdout: (t: string) => void; stderr?: (t: string) => void },
  deps: { s3Sdk?: () => any; now?: Date; s3PageSize?: number } = {},
): Promise<number> {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: {
        'logs': { type: 'string' },
        'from': { type: 'string' },
        'to': { type: 'string' },
        'accounts': { type: 'string' },
        'regions': { type: 'string' },
        'format': { type: 'string', default: 'table' },
        'concurrency': { type: 'string' },
        's3-region': { type: 'string' },
        'management-account': { type: 'string' },
        'athena': { type: 'boolean', default: false },
        'organization-id': { type: 'string' },
        'athena-results': { type: 'string' },
        ...POSTURE_FLAG_OPTIONS,
        'help': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (v.help) {
    io.stdout(`${TRAFFIC_USAGE}\n`);
    return 0;
  }
  const problems: string[] = [...postureFlagProblems(v)];
  if (!(FORMATS as readonly string[]).includes(v.format!)) problems.push(`--format: "${v.format}" is not one of ${FORMATS.join(', ')}`);
  for (const k of ['from', 'to'] as const) {
    if (v[k] !== undefined && !parseDay(v[k]!)) problems.push(`--${k}: "${v[k]}" is not a day: use YYYY-MM-DD, e.g. 2026-09-01`);
  }
  if (v.from && v.to && parseDay(v.from) && parseDay(v.to) && v.from > v.to) problems.push(`--to: ${v.to} is before --from ${v.from}`);
  const accounts = list(v.accounts);
  for (const a of accounts ?? []) if (!ACCOUNT_ID_PATTERN.test(a)) problems.push(`--accounts: "${a}" is not an account ID (12 digits)`);
  const regions = list(v.regions);
  if (regions) {
    const errors = new ValidationErrors();
    checkRegions('--regions', regions, errors);
    problems.push(...errors.all);
  }
  const management = v['management-account'];
  if (management !== undefined && !ACCOUNT_ID_PATTERN.test(management)) problems.push(`--management-account: "${management}" is not an account ID (12 digits)`);
  const concurrency = v.concurrency === undefined ? undefined : Number(v.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 256)) {
    problems.push(`--concurrency: must be an integer from 1 to 256, got ${v.concurrency}`);
  }
  const modes = [v.athena, v['athena-results'] !== undefined].filter(Boolean).length;
  if (modes > 1) problems.push('--athena and --athena-results: give one of them');
  if (!v.athena && v['athena-results'] === undefined && !v.logs) problems.push('--logs: is required (a folder, a file or s3://BUCKET/PREFIX)');
  if (problems.length > 0) throw new UsageError(problems.join('\n'));

  const filter: TrafficFilter = { from: v.from, to: v.to, accounts, regions };
  const flags = postureOptionsFromFlags(v);
  let posture;
  try {
    posture = replayPosture(flags.options, 'traffic', management);
  } catch (e) {
    throw new UsageError(toFlagMessage((e as Error).message, flags.mappings));
  }

  if (v.athena) {
    const s3 = v.logs ? parseS3Url(v.logs) : undefined;
    if (!s3) throw new UsageError('--athena: give --logs s3://BUCKET/PREFIX (the folder holding AWSLogs/) so the table knows where the trail is');
    const table = { bucket: s3.bucket, prefix: s3.prefix, organizationId: v['organization-id'], accounts: accounts ?? [], regions, since: v.from };
    const errors = new ValidationErrors();
    validateAthenaTable(table, errors);
    if (errors.count > 0) {
      throw new UsageError(toFlagMessage(errors.all.join('\n'), [
        { prop: 'accounts', flag: '--accounts', kind: 'list' }, { prop: 'organizationId', flag: '--organization-id' },
        { prop: 'bucket', flag: '--logs' }, { prop: 'regions', flag: '--regions', kind: 'list' },
      ]));
    }
    io.stdout(`-- 1. Create the table (once):\n${athenaDdl(table)}\n\n-- 2. Run the query; download its CSV result and read it with\n`
      + `--    cdk-sovereign-bedrock traffic --athena-results FILE.csv (with the same posture options)\n${athenaQuery({ filter })}\n`);
    return 0;
  }

  let report: TrafficReport;
  if (v['athena-results'] !== undefined) {
    const file = v['athena-results'];
    let csv: string;
    try {
      csv = await fs.readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(`--athena-results: cannot read ${file}: ${(e as Error).message}`);
    }
    report = reportFromAthenaCsv(csv, { file, posture, filter, version: packageVersion(), now: deps.now });
  } else {
    const s3 = parseS3Url(v.logs!);
    let source: LogSource;
    if (s3) {
      const sdk = (deps.s3Sdk ?? loadS3Sdk)();
      const client = new sdk.S3Client(s3ClientConfig(v['s3-region']));
      source = s3Source(sdkS3Reader(sdk, client, deps.s3PageSize), s3.bucket, s3.prefix);
    } else {
      if (v.logs!.startsWith('s3://')) throw new UsageError(`--logs: "${v.logs}" is not s3://BUCKET/PREFIX with a valid bucket name`);
      try {
        await fs.stat(v.logs!);
      } catch (e) {
        throw new UsageError(`--logs: cannot read ${v.logs}: ${(e as Error).message}`);
      }
      source = localSource(v.logs!);
    }
    report = await replaySource(source, { filter, posture, version: packageVersion(), concurrency: concurrency ?? (s3 ? 16 : 8), now: deps.now });
  }
  io.stdout(render(report, v.format!));
  return trafficExitCode(report);
}
