import { createHash } from 'crypto';
import { OrgSnapshot, ReadFailure } from './org-walker';
import { postureProbes, ProbeOptions } from './probes';
import { regionDenyRemedies, remedyLines } from './region-deny-remedy';
import { AccountVerdict, judgeAccount, ProbeOutcome, Protection } from './verdict';
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
  readonly failures: ProbeOutcome[];
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
  readonly probes: { readonly id: string; readonly description: string; readonly expect: string }[];
  readonly policies: { readonly id: string; readonly name: string; readonly sha256: string; readonly awsManaged: boolean }[];
  readonly accounts: AccountResult[];
  readonly summary: Record<Protection, number>;
  readonly readFailures: ReadFailure[];
  readonly apiCalls: Record<string, number>;
}

export interface AuditOptions extends ProbeOptions {
  /** Clock, for reproducible reports. */
  readonly now?: Date;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Evaluates every account of a snapshot against the posture's probes. */
export function auditSnapshot(snapshot: OrgSnapshot, options: AuditOptions = {}): AuditReport {
  const allowedRegions = [...(options.allowedRegions ?? ['ap-southeast-2'])];
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
    const missing = levels.flatMap((l) => l.policyIds).filter((id) => !snapshot.policies.has(id));
    if (missing.length > 0) {
      return { ...base, protection: Protection.ERROR, failures: [], message: `could not read policies ${[...new Set(missing)].join(', ')}` };
    }
    const chain: PolicyLevel[] = levels.map((l) => ({
      id: l.id,
      policies: l.policyIds.map((id) => ({ name: snapshot.policies.get(id)!.name, document: snapshot.policies.get(id)!.content })),
    }));
    const probes = postureProbes(a.id, { allowedRegions });
    const verdict: AccountVerdict = judgeAccount(chain, probes);
    const remedies = remedyLines(regionDenyRemedies(chain, probes, verdict.failures));
    return { ...base, ...verdict, ...(remedies.length > 0 ? { remedies } : {}) };
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
    probes: postureProbes('111111111111', { allowedRegions }).map((p) => ({ id: p.id, description: p.description, expect: p.expect })),
    policies: [...snapshot.policies.values()].filter((p) => referenced.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, sha256: sha256(p.content), awsManaged: p.awsManaged ?? false }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    accounts,
    summary,
    readFailures: snapshot.failures,
    apiCalls: snapshot.apiCalls,
  };
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
