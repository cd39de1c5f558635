/**
 * Lambda entry of Custom::ScpConflictCheck. esbuild bundles it into assets/ at build time with
 * the AWS SDK left external: the Node.js Lambda runtime ships SDK v3, so the asset holds only
 * this library's code and the package needs no SDK dependency.
 */
import * as sdk from '@aws-sdk/client-organizations';
import { CustomResourceEvent, CustomResourceResult } from '../core/deploy/custom-resource-event';
import { CONFLICT_FINDINGS_ATTRIBUTE, onScpConflictCheckEvent } from '../core/deploy/scp-conflict-check-handler';
import { sdkOrganizationsApi } from '../core/organizations/sdk-organizations-api';

// One client per execution environment, reused across invocations. One attempt per SDK call
// (the handler retries throttling itself) and time limits well under the function's 5 minutes:
// the handler bounds each call at 20 s as well, whatever the runtime's SDK does with these.
const api = sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({
  maxAttempts: 1,
  requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000, throwOnRequestTimeout: true, socketTimeout: 15_000 },
}));

export async function handler(event: CustomResourceEvent): Promise<CustomResourceResult> {
  const result = await onScpConflictCheckEvent(event, { api, log: (text) => console.error(text) });
  // WARN mode: the report goes to the function's log as well as to the attribute.
  const findings = result.Data?.[CONFLICT_FINDINGS_ATTRIBUTE];
  if (findings) console.warn(`ScpConflictCheck findings: ${findings}`);
  return result;
}
