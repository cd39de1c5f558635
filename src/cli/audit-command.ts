import { parseArgs } from 'util';
import { DEFAULT_TIMEOUT_MS, MAX_CONNECTION_TIMEOUT_MS, timeoutProblem } from './aws-clients';
import { FlagMapping, toFlagProblems } from './flag-names';
import { packageVersion } from './package-version';
import { auditExitCode, auditJson, auditSnapshot } from '../core/audit/audit-report';
import { AuditReadError, ReadProgress, readOrganization } from '../core/audit/org-walker';
import { renderMarkdown, renderTable } from '../core/audit/render-report';
import { checkRegionsInGeography } from '../core/fail-open';
import { AUSTRALIA } from '../core/geography';
import { ACCOUNT_ID, OU_ID, ROOT_ID } from '../core/identifiers';
import { OrganizationsApi } from '../core/organizations/organizations-api';
import { ValidationErrors } from '../core/validation-errors';
import { checkRegions } from '../core/validators';

export const AUDIT_USAGE = `Usage: cdk-sovereign-bedrock audit [options]

Reads AWS Organizations (read-only) and reports, for every account under the
target, whether its service control policies keep Amazon Bedrock in Australia.

Options:
  --target ID            r-..., ou-... or a 12-digit account ID (default: the organization root)
  --format FORMAT        table (default), json or markdown (an evidence report)
  --region REGION        Region for the Organizations client (default: us-east-1)
  --allowed-regions LIST comma-separated origin Regions the posture allows (default: ap-southeast-2)
  --concurrency N        Organizations calls in flight (default: 4)
  --strict               also fail when the management account is present (SCPs never cover it)
  --timeout-ms N         time limit of each Organizations request in milliseconds
                         (default: 30000); a call that does not answer in time is
                         retried once, then reported as a read failure
  --help

Exit codes: 0 every account protected; 1 some account not protected; 2 the audit
could not read or evaluate everything (a denied, malformed or timed-out read), or
bad usage. A closed output pipe (| head) does not change the exit code.`;

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is redrawn in place). */
  readonly stderrIsTty: boolean;
  readonly now?: () => Date;
}

export interface AuditArgs {
  readonly target?: string;
  readonly format: 'table' | 'json' | 'markdown';
  readonly region: string;
  readonly allowedRegions: string[];
  readonly concurrency: number;
  readonly strict: boolean;
  /** Time limit of each Organizations request. */
  readonly timeoutMs: number;
}

export class UsageError extends Error {}

/** Problems are collected under option names and reported by flag, positions counted as the export command does. */
const AUDIT_FLAGS: FlagMapping[] = [
  { prop: 'target', flag: '--target', kind: 'single' },
  { prop: 'format', flag: '--format', kind: 'single' },
  { prop: 'allowedRegions', flag: '--allowed-regions', kind: 'list' },
  { prop: 'region', flag: '--region', kind: 'single' },
  { prop: 'concurrency', flag: '--concurrency', kind: 'single' },
  { prop: 'timeoutMs', flag: '--timeout-ms', kind: 'single' },
];

export function parseAuditArgs(argv: string[]): AuditArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'target': { type: 'string' },
        'format': { type: 'string', default: 'table' },
        'region': { type: 'string', default: 'us-east-1' },
        'allowed-regions': { type: 'string', default: 'ap-southeast-2' },
        'concurrency': { type: 'string', default: '4' },
        'strict': { type: 'boolean', default: false },
        'timeout-ms': { type: 'string', default: String(DEFAULT_TIMEOUT_MS) },
        'help': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const errors = new ValidationErrors();
  if (v.target !== undefined && !(OU_ID.test(v.target) || ROOT_ID.test(v.target) || ACCOUNT_ID.test(v.target))) {
    errors.add('target', `"${v.target}" is not a root (r-ab12), OU (ou-ab12-34cd56ef) or 12-digit account ID`);
  }
  if (!['table', 'json', 'markdown'].includes(v.format!)) errors.add('format', `"${v.format}" is not one of table, json, markdown`);
  const allowedRegions = v['allowed-regions']!.split(',').map((r) => r.trim()).filter((r) => r.length > 0);
  checkRegions('allowedRegions', allowedRegions, errors);
  checkRegionsInGeography('allowedRegions', allowedRegions, AUSTRALIA, errors, () => false,
    'the audit would report a posture that allows Bedrock calls from it as protected');
  checkRegions('region', [v.region!], errors);
  const concurrency = Number(v.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 20) errors.add('concurrency', `must be an integer from 1 to 20, got ${v.concurrency}`);
  const timeoutMs = Number(v['timeout-ms']);
  const badTimeout = timeoutProblem(timeoutMs);
  if (badTimeout) errors.add('timeoutMs', badTimeout.replace(/got .*$/, `got ${v['timeout-ms']}`));
  if (errors.count > 0) throw new UsageError(toFlagProblems(errors.all, AUDIT_FLAGS).join('\n'));
  return {
    target: v.target, format: v.format as AuditArgs['format'], region: v.region!, allowedRegions, concurrency, strict: v.strict!, timeoutMs,
  };
}

function progressReporter(io: CommandIo): (p: ReadProgress) => void {
  let last = 0;
  return (p) => {
    const line = `reading organization: ${p.containers} roots/OUs, ${p.accounts} accounts, ${p.policies} policies`;
    if (io.stderrIsTty) {
      io.stderr(`\r${line}`);
    } else if (p.accounts - last >= 250) {
      // Not a terminal (a pipeline log): a line now and then, not a redraw per account.
      last = p.accounts;
      io.stderr(`${line}\n`);
    }
  };
}

/** Runs the audit against an OrganizationsApi and writes the report; returns the exit code. */
export async function runAuditCommand(api: OrganizationsApi, args: AuditArgs, io: CommandIo): Promise<number> {
  let snapshot;
  try {
    snapshot = await readOrganization(api, {
      target: args.target,
      concurrency: args.concurrency,
      onProgress: progressReporter(io),
      // The SDK's own timeouts (connection, then request) normally fire first; this bounds any other wait.
      callTimeoutMs: (args.timeoutMs ?? DEFAULT_TIMEOUT_MS) + Math.min(args.timeoutMs ?? DEFAULT_TIMEOUT_MS, MAX_CONNECTION_TIMEOUT_MS),
    });
  } catch (e) {
    if (io.stderrIsTty) io.stderr('\n');
    if (e instanceof AuditReadError) {
      io.stderr(`audit failed: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (io.stderrIsTty) io.stderr('\n');
  const report = auditSnapshot(snapshot, { allowedRegions: args.allowedRegions, now: io.now?.() });
  const text = args.format === 'json' ? JSON.stringify(auditJson(report, packageVersion()), null, 2) : args.format === 'markdown' ? renderMarkdown(report) : renderTable(report);
  io.stdout(`${text}\n`);
  for (const f of report.readFailures) io.stderr(`warning: ${f.target}: ${f.message}\n`);
  return auditExitCode(report, args.strict);
}
