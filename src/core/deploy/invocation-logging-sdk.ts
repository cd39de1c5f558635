import type * as sdk from '@aws-sdk/client-bedrock';
import { InvocationLoggingApi, LoggingConfig } from './invocation-logging-handler';

/** The commands the adapter uses, so the module (not a type) is passed in and the package needs no SDK dependency. */
export type BedrockSdk = Pick<typeof sdk,
  'GetModelInvocationLoggingConfigurationCommand' | 'PutModelInvocationLoggingConfigurationCommand' | 'DeleteModelInvocationLoggingConfigurationCommand'>;

/** `InvocationLoggingApi` over the AWS SDK's Bedrock (control plane) client. */
export function sdkInvocationLoggingApi(module: BedrockSdk, client: sdk.BedrockClient): InvocationLoggingApi {
  return {
    async get() {
      const out = await client.send(new module.GetModelInvocationLoggingConfigurationCommand({}));
      const config = out.loggingConfig;
      // An account that never turned logging on answers with no loggingConfig (or one with no destination).
      if (!config || (!config.cloudWatchConfig && !config.s3Config)) return undefined;
      return JSON.parse(JSON.stringify(config)) as LoggingConfig;
    },
    async put(config) {
      await client.send(new module.PutModelInvocationLoggingConfigurationCommand({ loggingConfig: config }));
    },
    async delete() {
      await client.send(new module.DeleteModelInvocationLoggingConfigurationCommand({}));
    },
  };
}
