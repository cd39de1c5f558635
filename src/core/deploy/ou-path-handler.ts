import { CustomResourceEvent, CustomResourceResult } from './custom-resource-event';
import { reportingFailures } from './organizations-calls';
import { OuPathApi, resolveOuPath } from './resolve-ou-path';
import { RetryOptions } from '../organizations/retry';

/** Resource property holding the path, and the attribute holding the OU ID. */
export const OU_PATH_PROPERTY = 'Path';
export const OU_ID_ATTRIBUTE = 'Id';

export interface OuPathHandlerOptions {
  readonly api: OuPathApi;
  /** Retry settings for throttled calls (tests inject a no-op sleep). */
  readonly retry?: RetryOptions;
  /** Where the whole text of a failure goes (the CloudFormation reason may be shortened): the Lambda entry passes console.error. @default - nowhere */
  readonly log?: (text: string) => void;
}

/** The physical ID carries the OU ID and the path it was resolved from: `ou-ab12-34cd56ef|Root/Workloads/Prod`. */
const SEPARATOR = '|';

export function ouPathPhysicalId(ouId: string, path: string): string {
  return `${ouId}${SEPARATOR}${path}`;
}

/** The OU ID and path of a physical ID this handler returned, or undefined for another form (an older version's bare OU ID). */
export function parseOuPathPhysicalId(physicalId: string | undefined): { ouId: string; path: string } | undefined {
  const at = physicalId?.indexOf(SEPARATOR) ?? -1;
  if (physicalId === undefined || at < 0 || !physicalId.startsWith('ou-')) return undefined;
  return { ouId: physicalId.slice(0, at), path: physicalId.slice(at + 1) };
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
 * keeps the OU it resolved before and calls nothing.
 */
export async function onOuPathEvent(event: CustomResourceEvent, options: OuPathHandlerOptions): Promise<CustomResourceResult> {
  return reportingFailures(async () => {
    if (event.RequestType === 'Delete') {
      return { PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
    }
    const path = event.ResourceProperties[OU_PATH_PROPERTY] as string;
    const before = event.RequestType === 'Update' ? parseOuPathPhysicalId(event.PhysicalResourceId) : undefined;
    if (before && before.path === path) {
      return { PhysicalResourceId: event.PhysicalResourceId!, Data: { [OU_ID_ATTRIBUTE]: before.ouId } };
    }
    const ou = await resolveOuPath(options.api, path, options.retry);
    return { PhysicalResourceId: ouPathPhysicalId(ou.id, path), Data: { [OU_ID_ATTRIBUTE]: ou.id } };
  }, options.log);
}
