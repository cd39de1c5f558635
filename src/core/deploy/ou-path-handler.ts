import { createHash } from 'crypto';
import { CustomResourceEvent, CustomResourceResult, eventProblems } from './custom-resource-event';
import { deployTimeApi, DeployTimeCheckError, reportingFailures } from './organizations-calls';
import { OuPathApi, resolveOuPath } from './resolve-ou-path';
import { RetryOptions } from '../organizations/retry';

/** Resource property holding the path, and the attribute holding the OU ID. */
export const OU_PATH_PROPERTY = 'Path';
export const OU_ID_ATTRIBUTE = 'Id';

export interface OuPathHandlerOptions {
  readonly api: OuPathApi;
  /** Retry settings for throttled calls (tests inject a no-op sleep). */
  readonly retry?: RetryOptions;
  /** Time limit of each call in milliseconds. @default DEPLOY_CALL_TIMEOUT_MS (20 s) */
  readonly callTimeoutMs?: number;
  /** Where the whole text of a failure goes (the CloudFormation reason may be shortened): the Lambda entry passes console.error. @default - nowhere */
  readonly log?: (text: string) => void;
}

/** The physical ID carries the OU ID and the path it was resolved from: `ou-ab12-34cd56ef|Root/Workloads/Prod`. */
const SEPARATOR = '|';

/** The OU a path resolved to before the last Update, and a digest of that path (the path itself could overflow the 1 KB ID). */
export interface PreviousResolution {
  readonly ouId: string;
  readonly pathDigest: string;
}

/** `ou-new|Root/B`, or `ou-new|ou-old~<digest of the old path>|Root/B` after an Update that changed the path. */
export function ouPathPhysicalId(ouId: string, path: string, previous?: PreviousResolution): string {
  const before = previous ? `${previous.ouId}~${previous.pathDigest}${SEPARATOR}` : '';
  return `${ouId}${SEPARATOR}${before}${path}`;
}

/** A short digest of a path, as the physical ID carries the previous one. */
export function ouPathDigest(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

const PREVIOUS = /^(ou-[0-9a-z-]+)~([0-9a-f]{16})\|/;

/**
 * The OU ID and path of a physical ID this handler returned (and the previous
 * resolution, when it carries one), or undefined for another form (an older
 * version's bare OU ID). Paths start with `Root/`, so the optional middle part
 * cannot be mistaken for one.
 */
export function parseOuPathPhysicalId(physicalId: string | undefined): { ouId: string; path: string; previous?: PreviousResolution } | undefined {
  const at = physicalId?.indexOf(SEPARATOR) ?? -1;
  if (physicalId === undefined || at < 0 || !physicalId.startsWith('ou-')) return undefined;
  const rest = physicalId.slice(at + 1);
  const m = PREVIOUS.exec(rest);
  if (!m) return { ouId: physicalId.slice(0, at), path: rest };
  return { ouId: physicalId.slice(0, at), path: rest.slice(m[0].length), previous: { ouId: m[1], pathDigest: m[2] } };
}

/**
 * `Custom::OrganizationalUnitPath`: resolves the path on Create, and on an
 * Update that changes it. The physical ID is the OU ID with the path, so any
 * change of path is a replacement; Delete does nothing (resolving a name
 * changes nothing in the organization).
 *
 * That makes renames and rollbacks safe. Renaming an OU and updating the path
 * to the new name replaces the resource (same OU ID, so the SCPs do not
 * change); if the deployment then fails, CloudFormation deletes the new
 * resource and keeps the old one, instead of re-resolving the old name, which
 * no longer exists (`UPDATE_ROLLBACK_FAILED`). An Update whose path is the one
 * already resolved (a rollback re-sending it, or only the provider changed)
 * keeps the OU it resolved before and calls nothing. The physical ID also
 * remembers the OU the previous path resolved to: an Update back to that path
 * (how CloudFormation rolls back an Update) answers with it and calls
 * nothing, so neither a rename since nor throttling can fail the rollback.
 */
export async function onOuPathEvent(event: CustomResourceEvent, options: OuPathHandlerOptions): Promise<CustomResourceResult> {
  return reportingFailures(async () => {
    if (event?.RequestType === 'Delete') {
      return { PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
    }
    const shape = eventProblems(event);
    if (shape.length > 0) throw new DeployTimeCheckError(`OrganizationalUnitPath: malformed request: ${shape.join('; ')}`);
    const path = event.ResourceProperties[OU_PATH_PROPERTY] as string;
    const before = event.RequestType === 'Update' ? parseOuPathPhysicalId(event.PhysicalResourceId) : undefined;
    if (before && before.path === path) {
      return { PhysicalResourceId: event.PhysicalResourceId!, Data: { [OU_ID_ATTRIBUTE]: before.ouId } };
    }
    // Back to the path resolved before the last Update (a rollback): that OU, without a call.
    // Resolving the name again could fail: the OU may have been renamed since.
    if (before?.previous && typeof path === 'string' && before.previous.pathDigest === ouPathDigest(path)) {
      const current = { ouId: before.ouId, pathDigest: ouPathDigest(before.path) };
      return { PhysicalResourceId: ouPathPhysicalId(before.previous.ouId, path, current), Data: { [OU_ID_ATTRIBUTE]: before.previous.ouId } };
    }
    const ou = await resolveOuPath(deployTimeApi(options.api, options.callTimeoutMs), path, options.retry);
    const previous = before ? { ouId: before.ouId, pathDigest: ouPathDigest(before.path) } : undefined;
    return { PhysicalResourceId: ouPathPhysicalId(ou.id, path, previous), Data: { [OU_ID_ATTRIBUTE]: ou.id } };
  }, options.log);
}
