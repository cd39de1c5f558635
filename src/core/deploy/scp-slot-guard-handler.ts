import { CustomResourceEvent, CustomResourceResult, eventProblems } from './custom-resource-event';
import { deployTimeApi, DeployTimeCheckError, listAllPages, reportingFailures } from './organizations-calls';
import { planEvent } from './rollback';
import { overLimitMessage, PlannedScp, plannedTargets, targetSlots } from './slot-plan';
import { concurrencyProblem } from '../organizations/call-guards';
import { OrganizationsApi } from '../organizations/organizations-api';
import { limiter, RetryOptions } from '../organizations/retry';

/** Resource properties of `Custom::ScpSlotGuard`. */
export const GUARD_POLICIES_PROPERTY = 'Policies';
export const GUARD_LIMIT_PROPERTY = 'MaxPoliciesPerTarget';

/** The one read the guard needs (the function role allows exactly this). */
export type SlotGuardApi = Pick<OrganizationsApi, 'listPoliciesForTarget'>;

export interface ScpSlotGuardHandlerOptions {
  readonly api: SlotGuardApi;
  /** Retry settings for throttled calls (tests inject a no-op sleep). */
  readonly retry?: RetryOptions;
  /** Time limit of each call in milliseconds. @default DEPLOY_CALL_TIMEOUT_MS (20 s) */
  readonly callTimeoutMs?: number;
  /** Targets read at once; Organizations allows only a few requests per second. @default 4 */
  readonly concurrency?: number;
  /** Where the whole text of a failure goes (the CloudFormation reason may be shortened): the Lambda entry passes console.error. @default - nowhere */
  readonly log?: (text: string) => void;
}

/** The `Policies` property: `[{ Key, Name, TargetIds }]`. Malformed entries are reported, not skipped. */
export function parsePlannedScps(value: unknown, problems: string[]): PlannedScp[] {
  if (!Array.isArray(value)) {
    problems.push(`${GUARD_POLICIES_PROPERTY} must be a list of { Key, Name, TargetIds }, got ${JSON.stringify(value)}`);
    return [];
  }
  return value.flatMap((p: any, i) => {
    const targets = p?.TargetIds ?? [];
    if (typeof p?.Key !== 'string' || typeof p?.Name !== 'string' || !Array.isArray(targets) || targets.some((t) => typeof t !== 'string')) {
      problems.push(`${GUARD_POLICIES_PROPERTY}[${i}] must be { Key: string, Name: string, TargetIds: string[] }, got ${JSON.stringify(p)}`);
      return [];
    }
    return [{ key: p.Key, name: p.Name, targetIds: targets }];
  });
}

/** CloudFormation passes numbers to custom resources as strings. */
export function parseLimit(value: unknown, problems: string[]): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    problems.push(`${GUARD_LIMIT_PROPERTY} must be an integer of at least 1, got ${JSON.stringify(value)}`);
    return 0;
  }
  return n;
}

/**
 * `Custom::ScpSlotGuard`: before the guarded SCPs attach (they depend on this
 * resource), reads the SCPs attached to each of their targets and fails the
 * deployment, naming target, limit and policies, when attaching would go over
 * the limit: clearer than the error Organizations gives mid-update. Delete does
 * nothing, and an Update back to properties it accepted before (a rollback)
 * reads nothing: see `planEvent`.
 */
export async function onScpSlotGuardEvent(event: CustomResourceEvent, options: ScpSlotGuardHandlerOptions): Promise<CustomResourceResult> {
  return reportingFailures(() => checkSlots(event, options), options.log);
}

async function checkSlots(event: CustomResourceEvent, options: ScpSlotGuardHandlerOptions): Promise<CustomResourceResult> {
  const shape = eventProblems(event);
  if (shape.length > 0) throw new DeployTimeCheckError(`ScpSlotGuard: malformed request: ${shape.join('; ')}`);
  const base = `ScpSlotGuard-${event.LogicalResourceId}`;
  const plan = planEvent(event, base);
  if (plan.kind === 'delete') return { PhysicalResourceId: event.PhysicalResourceId ?? base };
  // Back to properties this guard accepted (a rollback): nothing new is attached, so nothing is read.
  if (plan.kind === 'restore') return { PhysicalResourceId: plan.physicalId };

  const problems: string[] = [];
  const policies = parsePlannedScps(event.ResourceProperties[GUARD_POLICIES_PROPERTY], problems);
  const limit = parseLimit(event.ResourceProperties[GUARD_LIMIT_PROPERTY], problems);
  const concurrency = options.concurrency ?? 4;
  const badConcurrency = concurrencyProblem(concurrency);
  if (badConcurrency) problems.push(badConcurrency);
  if (problems.length > 0) throw new DeployTimeCheckError(`ScpSlotGuard: invalid properties: ${problems.join('; ')}`);
  // Previous names only help recognise renamed policies; a malformed old value is ignored.
  const previous = event.RequestType === 'Update' ? parsePlannedScps(event.OldResourceProperties?.[GUARD_POLICIES_PROPERTY], []) : [];

  const api = deployTimeApi(options.api, options.callTimeoutMs);
  const run = limiter(concurrency);
  const slots = await Promise.all(plannedTargets(policies).map((target) => run(async () => {
    const attached = await listAllPages('listPoliciesForTarget', `the SCPs attached to ${target}`,
      (t) => api.listPoliciesForTarget(target, t), options.retry);
    return targetSlots(target, attached.map((p) => p.name ?? p.id), policies, previous, limit);
  })));

  const blocked = slots.filter((s) => s.blocked);
  if (blocked.length > 0) {
    // What to do comes first: CloudFormation shows at most a few KB, so the per-target detail may be cut short.
    const count = blocked.length === 1 ? '1 target' : `${blocked.length} targets`;
    throw new DeployTimeCheckError(`${count} would go over the limit of ${limit} SCPs per target. Nothing was attached. `
      + 'Detach a policy from the target, put the posture in one policy (AuBedrockResidencyScp), '
      + 'or raise maxPoliciesPerTarget if you set a stricter one than the 10 per target AWS allows. '
      + `${blocked.map(overLimitMessage).join('; ')}.`);
  }
  return { PhysicalResourceId: plan.physicalId };
}
