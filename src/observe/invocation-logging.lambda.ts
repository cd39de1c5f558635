/**
 * Lambda entry of Custom::BedrockInvocationLogging. esbuild bundles it into assets/ at build time with
 * `@aws-sdk/*` left external: the Node.js Lambda runtime ships SDK v3, so the
 * asset holds only this library's code and the package needs no SDK dependency.
 */
import * as sdk from '@aws-sdk/client-bedrock';
import { CustomResourceEvent, CustomResourceResult } from '../core/deploy/custom-resource-event';
import { onInvocationLoggingEvent } from '../core/deploy/invocation-logging-handler';
import { sdkInvocationLoggingApi } from '../core/deploy/invocation-logging-sdk';

// One client per execution environment, reused across invocations; the handler retries throttling itself.
const api = sdkInvocationLoggingApi(sdk, new sdk.BedrockClient({ maxAttempts: 1 }));

export async function handler(event: CustomResourceEvent): Promise<CustomResourceResult> {
  return onInvocationLoggingEvent(event, { api, region: process.env.AWS_REGION ?? '', log: (text) => console.error(text) });
}
