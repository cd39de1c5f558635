import { AccountResult, AuditReport } from './audit-report';
import { Protection } from './verdict';

/**
 * AWS Security Hub findings (AWS Security Finding Format) for an audit: one per
 * audited account, with an ID derived from the audited target and the account,
 * so every run updates the same finding instead of adding one. Accounts that are
 * not protected are ACTIVE and FAILED; protected accounts are sent as PASSED and
 * ARCHIVED, which closes a finding an earlier run opened.
 *
 * With the default product ARN, Security Hub accepts only findings whose
 * AwsAccountId is the calling account: the audited account is named in
 * Resources (type AwsAccount).
 *
 * @see https://docs.aws.amazon.com/securityhub/latest/userguide/finding-update-batchimportfindings.html
 * @see https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFinding.html
 */
export interface FindingContext {
  /** `arn:aws:securityhub:REGION:ACCOUNT:product/ACCOUNT/default` */
  readonly productArn: string;
  /** The account that imports the findings (the auditor's). */
  readonly callerAccount: string;
  readonly region: string;
  readonly partition?: string;
}

/** The ASFF fields this library sets; the SDK's AwsSecurityFinding accepts them as they are. */
export interface ResidencyFinding {
  readonly SchemaVersion: '2018-10-08';
  readonly Id: string;
  readonly ProductArn: string;
  readonly GeneratorId: string;
  readonly AwsAccountId: string;
  readonly Types: string[];
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly FindingProviderFields: { readonly Severity: { readonly Label: string }; readonly Types: string[] };
  readonly Severity: { readonly Label: string };
  readonly Title: string;
  readonly Description: string;
  readonly Compliance: { readonly Status: 'PASSED' | 'WARNING' | 'FAILED' | 'NOT_AVAILABLE' };
  readonly RecordState: 'ACTIVE' | 'ARCHIVED';
  readonly Resources: { readonly Type: 'AwsAccount'; readonly Id: string; readonly Partition: string; readonly Region: string }[];
  readonly ProductFields: Record<string, string>;
}

const TYPES = ['Software and Configuration Checks/Industry and Regulatory Standards'];
const GENERATOR = 'cdk-sovereign-bedrock/bedrock-residency-audit';

function severity(a: AccountResult): string {
  switch (a.protection) {
    case Protection.PROTECTED: return 'INFORMATIONAL';
    case Protection.UNPROTECTED: return 'HIGH';
    // A PARTIAL whose only failures are Australian paths denied is an outage, not a leak.
    case Protection.PARTIAL: return a.failures.some((f) => f.expected === 'Denied') ? 'HIGH' : 'LOW';
    case Protection.ERROR: return 'MEDIUM';
    default: return 'LOW';
  }
}

function compliance(p: Protection): ResidencyFinding['Compliance']['Status'] {
  if (p === Protection.PROTECTED) return 'PASSED';
  if (p === Protection.ERROR) return 'NOT_AVAILABLE';
  if (p === Protection.NOT_COVERED) return 'WARNING';
  return 'FAILED';
}

function description(a: AccountResult): string {
  const parts = [`Service control policies on ${a.path} judged ${a.protection} against the Australian residency standard.`];
  if (a.message) parts.push(a.message);
  const first = a.failures[0];
  if (first) parts.push(`First of ${a.failureCount ?? a.failures.length}: ${first.description}: ${first.actual}, expected ${first.expected}.`);
  const broad = (a.escapeHatches ?? []).filter((h) => h.broad);
  if (broad.length > 0) parts.push(`Broad escape hatches: ${broad.map((h) => `${h.key} in ${h.statement}`).join('; ')}.`);
  const text = parts.join(' ');
  return text.length > 1024 ? `${text.slice(0, 1021)}...` : text;
}

/** One finding per audited account of the report. */
export function residencyFindings(report: AuditReport, context: FindingContext): ResidencyFinding[] {
  const partition = context.partition ?? 'aws';
  return report.accounts.map((a) => {
    const label = severity(a);
    return {
      SchemaVersion: '2018-10-08',
      Id: `cdk-sovereign-bedrock/bedrock-residency/${report.target}/${a.id}`,
      ProductArn: context.productArn,
      GeneratorId: GENERATOR,
      AwsAccountId: context.callerAccount,
      Types: TYPES,
      CreatedAt: report.generatedAt,
      UpdatedAt: report.generatedAt,
      FindingProviderFields: { Severity: { Label: label }, Types: TYPES },
      Severity: { Label: label },
      Title: `Amazon Bedrock residency: account ${a.id} (${a.name}) is ${a.protection}`.slice(0, 256),
      Description: description(a),
      Compliance: { Status: compliance(a.protection) },
      RecordState: a.protection === Protection.PROTECTED ? 'ARCHIVED' : 'ACTIVE',
      Resources: [{ Type: 'AwsAccount', Id: `AWS::::Account:${a.id}`, Partition: partition, Region: context.region }],
      ProductFields: {
        'cdk-sovereign-bedrock/Protection': a.protection,
        'cdk-sovereign-bedrock/Path': a.path,
        'cdk-sovereign-bedrock/FailureCount': String(a.failureCount ?? a.failures.length),
        'cdk-sovereign-bedrock/EscapeHatches': String((a.escapeHatches ?? []).length),
      },
    };
  });
}

export interface ImportResult {
  readonly imported: number;
  readonly failed: { readonly id: string; readonly message: string }[];
}

/** The parts of a BatchImportFindings response this library reads. */
export interface BatchImportResponse {
  readonly FailedCount?: number;
  readonly SuccessCount?: number;
  readonly FailedFindings?: { readonly Id?: string; readonly ErrorMessage?: string }[];
}

/** BatchImportFindings takes at most 100 findings a call. */
const BATCH = 100;

/**
 * Imports findings in batches of 100 through `send` (BatchImportFindings in
 * the Lambda; a fake in tests) and collects what Security Hub refused.
 */
export async function importFindings(
  findings: readonly ResidencyFinding[],
  send: (batch: ResidencyFinding[]) => Promise<BatchImportResponse>,
): Promise<ImportResult> {
  let imported = 0;
  const failed: { id: string; message: string }[] = [];
  for (let i = 0; i < findings.length; i += BATCH) {
    const batch = findings.slice(i, i + BATCH);
    const r = await send(batch);
    imported += r.SuccessCount ?? batch.length - (r.FailedCount ?? 0);
    for (const f of r.FailedFindings ?? []) failed.push({ id: f.Id ?? '?', message: f.ErrorMessage ?? 'refused' });
  }
  return { imported, failed };
}
