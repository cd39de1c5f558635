import { CustomResourceEvent, CustomResourceResult, eventProblems } from './custom-resource-event';
import { InheritedScpApi, PolicyCache, readInheritedScps, readManagementAccountId } from './inherited-scps';
import { deployTimeApi, DeployTimeCheckError, reportingFailures } from './organizations-calls';
import { conflictReport, evaluatePostureOnTarget, PostureDocument, PostureOnTarget } from './posture-conflicts';
import { planEvent } from './rollback';
import { limiter, RetryOptions } from '../organizations/retry';

/** Resource properties of `Custom::ScpConflictCheck`. */
export const CONFLICT_POLICIES_PROPERTY = 'Policies';
export const CONFLICT_ACTION_PROPERTY = 'OnConflict';
/** Attribute holding the report (empty when nothing conflicts). */
export const CONFLICT_FINDINGS_ATTRIBUTE = 'Findings';

/** The Findings of an Update back to properties the check accepted before: it reads nothing then. */
export const RESTORED_FINDINGS = 'not checked again: these properties were accepted by an earlier deployment (a rollback restores them)';

/** What the check does when the posture and the attached SCPs disagree. */
export type ConflictMode = 'FAIL' | 'WARN';
const MODES: readonly ConflictMode[] = ['FAIL', 'WARN'];

/** One posture SCP with its targets and the origin Regions its Region lock allows. */
export interface CheckedPolicy extends PostureDocument {
  readonly targetIds: readonly string[];
  /** Empty when the policy has no Region lock (the profile lock alone). */
  readonly allowedRegions: readonly string[];
}

export interface ScpConflictCheckHandlerOptions {
  readonly api: InheritedScpApi;
  /** Retry settings for throttled calls (tests inject a no-op sleep). */
  readonly retry?: RetryOptions;
  /** Time limit of each call in milliseconds. @default DEPLOY_CALL_TIMEOUT_MS (20 s) */
  readonly callTimeoutMs?: number;
  /** Targets read at once; Organizations allows only a few requests per second. @default 4 */
  readonly concurrency?: number;
  /** Where the whole text of a failure goes (the CloudFormation reason may be shortened). @default - nowhere */
  readonly log?: (text: string) => void;
}

const stringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** `[{ Name, Document, TargetIds, AllowedRegions }]`; malformed entries are reported, not skipped. */
export function parseCheckedPolicies(value: unknown, problems: string[]): CheckedPolicy[] {
  if (!Array.isArray(value)) {
    problems.push(`${CONFLICT_POLICIES_PROPERTY} must be a list of { Name, Document, TargetIds, AllowedRegions }, got ${JSON.stringify(value)}`);
    return [];
  }
  return value.flatMap((p: any, i) => {
    let document: unknown;
    try {
      document = typeof p?.Document === 'string' ? JSON.parse(p.Document) : undefined;
    } catch {
      document = undefined;
    }
    const regions = p?.AllowedRegions ?? [];
    if (typeof p?.Name !== 'string' || document === undefined || !stringList(p?.TargetIds) || !stringList(regions)) {
      problems.push(`${CONFLICT_POLICIES_PROPERTY}[${i}] must be { Name: string, Document: policy JSON text, TargetIds: string[], AllowedRegions: string[] }`);
      return [];
    }
    return [{ name: p.Name, document, targetIds: p.TargetIds, allowedRegions: regions }];
  });
}

function parseMode(value: unknown, problems: string[]): ConflictMode {
  if (value === undefined) return 'FAIL';
  if (!MODES.includes(value as ConflictMode)) problems.push(`${CONFLICT_ACTION_PROPERTY} must be one of ${MODES.join(', ')}, got ${JSON.stringify(value)}`);
  return value as ConflictMode;
}

/** The posture documents and origin Regions that apply to one target. */
function postureFor(target: string, policies: readonly CheckedPolicy[]): { docs: PostureDocument[]; regions?: string[] } {
  const on = policies.filter((p) => p.targetIds.includes(target));
  const regions = [...new Set(on.flatMap((p) => p.allowedRegions))];
  return { docs: on.map((p) => ({ name: p.name, document: p.document })), regions: regions.length > 0 ? regions : undefined };
}

const fingerprint = (target: string, policies: readonly CheckedPolicy[]) => JSON.stringify(postureFor(target, policies));

/**
 * `Custom::ScpConflictCheck`: before the posture's SCPs attach (they depend on
 * this resource), reads the SCPs already in force on each target (root, OUs
 * down the path, the target) and evaluates them with the posture's documents
 * over the audit's probes. If an attached SCP would break an Australian path
 * (a Region deny without Melbourne) or the posture could not take effect, the
 * deployment fails (`FAIL`) naming the target, the policy, the statement and
 * the fix, or goes on with the report in the `Findings` attribute (`WARN`).
 *
 * On Update, a target whose posture documents did not change never fails the
 * deployment, and an Update back to properties this check accepted before (a
 * rollback: see `planEvent`) reads nothing and never fails, however the
 * organization changed since. Delete does nothing.
 */
export async function onScpConflictCheckEvent(event: CustomResourceEvent, options: ScpConflictCheckHandlerOptions): Promise<CustomResourceResult> {
  return reportingFailures(() => checkConflicts(event, options), options.log);
}

async function checkConflicts(event: CustomResourceEvent, options: ScpConflictCheckHandlerOptions): Promise<CustomResourceResult> {
  const shape = eventProblems(event);
  if (shape.length > 0) throw new DeployTimeCheckError(`ScpConflictCheck: malformed request: ${shape.join('; ')}`);
  const base = `ScpConflictCheck-${event.LogicalResourceId}`;
  const plan = planEvent(event, base);
  if (plan.kind === 'delete') return { PhysicalResourceId: event.PhysicalResourceId ?? base };
  if (plan.kind === 'restore') {
    // Back to a posture this check accepted (a rollback): judging it again could only fail the rollback.
    return { PhysicalResourceId: plan.physicalId, Data: { [CONFLICT_FINDINGS_ATTRIBUTE]: RESTORED_FINDINGS } };
  }
  const physicalId = plan.physicalId;

  const problems: string[] = [];
  const policies = parseCheckedPolicies(event.ResourceProperties[CONFLICT_POLICIES_PROPERTY], problems);
  const mode = parseMode(event.ResourceProperties[CONFLICT_ACTION_PROPERTY], problems);
  if (problems.length > 0) throw new DeployTimeCheckError(`ScpConflictCheck: invalid properties: ${problems.join('; ')}`);
  const previous = event.RequestType === 'Update' ? parseCheckedPolicies(event.OldResourceProperties?.[CONFLICT_POLICIES_PROPERTY], []) : [];

  const api = deployTimeApi(options.api, options.callTimeoutMs);
  const managementAccountId = await readManagementAccountId(api, options.retry);
  const cache: PolicyCache = new Map();
  const run = limiter(options.concurrency ?? 4);
  const targets = [...new Set(policies.flatMap((p) => p.targetIds))];
  const results: { result: PostureOnTarget; blocking: boolean }[] = await Promise.all(targets.map((target) => run(async () => {
    const { docs, regions } = postureFor(target, policies);
    const existing = await readInheritedScps(api, target, cache, options.retry);
    const unchanged = previous.length > 0 && fingerprint(target, previous) === fingerprint(target, policies);
    return { result: evaluatePostureOnTarget(existing, docs, target, regions), blocking: !unchanged };
  })));

  const docs = policies.map((p) => ({ name: p.name, document: p.document }));
  const blocking = conflictReport(results.filter((r) => r.blocking).map((r) => r.result), docs, managementAccountId);
  const all = conflictReport(results.map((r) => r.result), docs, managementAccountId);
  if (mode === 'FAIL' && blocking) {
    throw new DeployTimeCheckError(`The SCPs already attached would break or bypass the Australian Bedrock posture, so nothing was attached: ${blocking}. `
      + 'Fix the organization and deploy again, or set onConflict to WARN to attach the posture anyway.');
  }
  return { PhysicalResourceId: physicalId, Data: { [CONFLICT_FINDINGS_ATTRIBUTE]: all ?? '' } };
}
