import { createHash } from 'crypto';
import { CustomResourceEvent } from './custom-resource-event';

/**
 * Rollbacks that cannot fail on a check.
 *
 * CloudFormation tells a custom resource nothing about why it sends an Update:
 * when a stack update fails, it rolls back by sending each updated custom
 * resource (and the one that failed) an Update whose `ResourceProperties` are
 * the properties deployed before and whose `OldResourceProperties` are the
 * ones that failed. A check that judged that Update as a new change would fail
 * again if the organization changed meanwhile (a Region deny was added, an OU
 * renamed, the API throttled) and leave the stack in `UPDATE_ROLLBACK_FAILED`.
 *
 * So the handlers remember, in the physical ID, a digest of the properties they
 * accepted: the current ones and the ones before the last Update. An Update
 * whose new properties have one of those digests restores properties a check
 * already accepted: it is answered without calling anything. Any other
 * Create or Update is a change on the way forward and is judged. Delete never
 * judges anything. CloudFormation treats a changed physical ID as a
 * replacement and deletes the old one, which for these resources does nothing.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requesttypes-update.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-monitor-stack.html
 */

/** Separates the base of a physical ID from the digests it carries. */
const SEPARATOR = '~';
const DIGEST = /^[0-9a-f]{16}$/;

/** Stable JSON: keys sorted at every level, so the same properties always give the same digest. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A short digest of the properties that matter (everything but `ServiceToken`,
 * which changes when only the handler function is replaced).
 */
export function propertiesDigest(properties: Record<string, unknown> | undefined): string {
  const { ServiceToken: _token, ...rest } = properties ?? {};
  return createHash('sha256').update(stable(rest)).digest('hex').slice(0, 16);
}

/** The digests a physical ID carries, current first; none for an ID of an older version. */
export function digestsOf(physicalId: string | undefined): string[] {
  return (physicalId ?? '').split(SEPARATOR).slice(1).filter((d) => DIGEST.test(d));
}

/** `base~current~previous`: the base and at most two digests (CloudFormation allows 1 KB). */
export function physicalIdWithDigests(base: string, current: string, previous?: string): string {
  return [base, current, ...(previous && previous !== current ? [previous] : [])].join(SEPARATOR);
}

/** What a handler does with an event, before any call. */
export type EventPlan =
  | { readonly kind: 'delete' }
  /** Properties this resource accepted before: answer with `physicalId`, call nothing. */
  | { readonly kind: 'restore'; readonly physicalId: string }
  /** A change on the way forward: judge it, then answer with `physicalId`. */
  | { readonly kind: 'judge'; readonly physicalId: string };

/**
 * Delete, restore (an Update back to accepted properties: a rollback, or an
 * Update that changes only the handler) or judge. `base` is the physical ID
 * without digests.
 */
export function planEvent(event: CustomResourceEvent, base: string): EventPlan {
  if (event.RequestType === 'Delete') return { kind: 'delete' };
  const now = propertiesDigest(event.ResourceProperties);
  if (event.RequestType === 'Update') {
    const accepted = digestsOf(event.PhysicalResourceId);
    // The current properties again: keep the ID, so CloudFormation sees no replacement.
    if (accepted[0] === now) return { kind: 'restore', physicalId: event.PhysicalResourceId! };
    // The properties in place now were accepted too: remember them, so an Update back to them is a restore as well.
    const before = propertiesDigest(event.OldResourceProperties);
    if (accepted.includes(now)) return { kind: 'restore', physicalId: physicalIdWithDigests(base, now, before) };
    return { kind: 'judge', physicalId: physicalIdWithDigests(base, now, before) };
  }
  return { kind: 'judge', physicalId: physicalIdWithDigests(base, now) };
}
