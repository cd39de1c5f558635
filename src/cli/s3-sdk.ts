import { sdkClientOptions } from './aws-clients';
import { MissingSdkError } from './organizations-sdk';

/**
 * Loads `@aws-sdk/client-s3` for `traffic --logs s3://...`, at run time like
 * the Organizations SDK: the construct library's users never need it.
 */
export const S3_SDK = '@aws-sdk/client-s3';

export function loadS3Sdk(require_: (id: string) => any = require): any {
  try {
    return require_(S3_SDK);
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
    throw new MissingSdkError(
      `Reading CloudTrail logs from S3 needs ${S3_SDK}, which is not installed. Install it next to this package `
      + `(npm install --save-dev ${S3_SDK}) and run the installed command again, for example ./node_modules/.bin/cdk-sovereign-bedrock traffic --logs s3://...`);
  }
}

/**
 * The S3 client's settings: bounded attempts with the SDK's standard retry
 * mode (which backs off on 503 SlowDown and other throttling), and timeouts so
 * a stalled connection fails instead of hanging the replay. One place to swap
 * for a shared client configuration.
 */
export function s3ClientConfig(region: string | undefined): Record<string, unknown> {
  return {
    // The command line's timeouts and bounded attempts (a listing or an object that never arrives is a
    // read failure, exit 2); six attempts, as S3 throttles with 503 SlowDown under load.
    ...sdkClientOptions({ region: region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'ap-southeast-2', timeoutMs: 60_000, maxAttempts: 6 }),
    retryMode: 'standard',
    // s3rver and other local stand-ins answer path-style only; AWS accepts both.
    forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL),
  };
}
