/**
 * Lambda entry of Custom::ScpSlotGuard. esbuild bundles it into assets/ at build time with
/* left external: the Node.js Lambda runtime ships SDK v3, so the
 * asset holds only this library's code and the package needs no SDK dependency.
 */
import * as sdk from '@aws-sdk/client-organizations';
import { CustomResourceEvent, CustomResourceResult } from '../core/deploy/custom-resource-event';
import { onScpSlotGuardEvent } from '../core/deploy/scp-slot-guard-handler';
import { sdkOrganizationsApi } from '../core/organizations/sdk-organizations-api';

// One client per execution environment, reused across invocations.
const api = sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ maxAttempts: 1 }));

export async function handler(event: CustomResourceEvent): Promise<CustomResourceResult> {
  return onScpSlotGuardEvent(event, { api, log: (text) => console.error(text) });
}
