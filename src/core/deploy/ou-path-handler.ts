import { CustomResourceEvent, CustomResourceResult } from './custom-resource-event';
import { OuPathApi, resolveOuPath } from './resolve-ou-path';
import { RetryOptions } from '../audit/retry';

/** Resource property holding the path, and the attribute holding the OU ID. */
export const OU_PATH_PROPERTY = 'Path';
export const OU_ID_ATTRIBUTE = 'Id';

export interface OuPathHandlerOptions {
  readonly api: OuPathApi;
  /** Retry settings for throttled calls (tests inject a no-op sleep). */
  readonly retry?: RetryOptions;
}

/**
 * `Custom::OrganizationalUnitPath`: resolves the path on Create and Update; the
 * physical ID is the OU ID, so a path that now names another OU is a
 * replacement. Delete does nothing: resolving a name changes nothing in the
 * organization, and the OU must outlive the stack that looked it up.
 */
export async function onOuPathEvent(event: CustomResourceEvent, options: OuPathHandlerOptions): Promise<CustomResourceResult> {
  if (event.RequestType === 'Delete') {
    return { PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
  }
  const ou = await resolveOuPath(options.api, event.ResourceProperties[OU_PATH_PROPERTY] as string, options.retry);
  return { PhysicalResourceId: ou.id, Data: { [OU_ID_ATTRIBUTE]: ou.id } };
}
