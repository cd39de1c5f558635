import { CustomResourceEvent, CustomResourceResult } from './custom-resource-event';
import { DeployTimeCheckError, reportingFailures } from './organizations-calls';
import { RetryOptions, withRetry } from '../organizations/retry';

/**
 * `Custom::BedrockInvocationLogging`: turns on Amazon Bedrock model invocation
 * logging for the account and Region the stack deploys to, and puts back what
 * was there before when the resource is deleted.
 *
 * There is no CloudFormation resource for this account-wide, per-Region
 * setting (aws-cdk-lib 2.261.0 has no `Cfn` class for it), so the handler calls
 * the three Bedrock control-plane operations:
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PutModelInvocationLoggingConfiguration.html
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetModelInvocationLoggingConfiguration.html
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_DeleteModelInvocationLoggingConfiguration.html
 */

/** The `loggingConfig` shape of the Bedrock API (field names exactly as the API spells them). */
export interface LoggingConfig {
  readonly cloudWatchConfig?: {
    readonly logGroupName: string;
    readonly roleArn: string;
    readonly largeDataDeliveryS3Config?: { readonly bucketName: string; readonly keyPrefix?: string };
  };
  readonly s3Config?: { readonly bucketName: string; readonly keyPrefix?: string };
  readonly textDataDeliveryEnabled?: boolean;
  readonly imageDataDeliveryEnabled?: boolean;
  readonly embeddingDataDeliveryEnabled?: boolean;
  readonly videoDataDeliveryEnabled?: boolean;
  readonly audioDataDeliveryEnabled?: boolean;
}

/** The three calls, so tests can drive the handler through the real SDK client or a mock. */
export interface InvocationLoggingApi {
  /** The configuration in force, or undefined when logging is off. */
  get(): Promise<LoggingConfig | undefined>;
  put(config: LoggingConfig): Promise<void>;
  delete(): Promise<void>;
}

/** Resource properties: the configuration as JSON (CloudFormation would turn booleans into strings), and the Regions it may be set in. */
export const LOGGING_CONFIG_PROPERTY = 'LoggingConfig';
export const ALLOWED_REGIONS_PROPERTY = 'AllowedRegions';
/** Attribute: the configuration that was in force before, as JSON (`{}` when logging was off). */
export const PREVIOUS_CONFIG_ATTRIBUTE = 'PreviousConfiguration';

/**
 * The physical ID carries the configuration to restore on Delete, because
 * Delete events carry no attributes: `bedrock-invocation-logging:REGION:` then
 * base64url JSON, or `none` when logging was off. CloudFormation limits physical
 * IDs to 1 KB.
 */
const PHYSICAL_ID_PREFIX = 'bedrock-invocation-logging';
const MAX_PHYSICAL_ID = 1024;

export interface InvocationLoggingHandlerOptions {
  readonly api: InvocationLoggingApi;
  /** The Region the function runs in (`AWS_REGION`): the Region whose setting it changes. */
  readonly region: string;
  readonly retry?: RetryOptions;
  readonly log?: (text: string) => void;
}

export function encodePhysicalId(region: string, previous: LoggingConfig | undefined): string {
  const body = previous === undefined ? 'none' : Buffer.from(JSON.stringify(previous), 'utf8').toString('base64url');
  return `${PHYSICAL_ID_PREFIX}:${region}:${body}`;
}

/** The configuration to restore, `null` when logging was off before, undefined for an ID this handler did not write. */
export function decodePhysicalId(physicalId: string | undefined): { region: string; previous: LoggingConfig | null } | undefined {
  const m = /^bedrock-invocation-logging:([a-z0-9-]+):(.+)$/.exec(physicalId ?? '');
  if (!m) return undefined;
  if (m[2] === 'none') return { region: m[1], previous: null };
  try {
    return { region: m[1], previous: JSON.parse(Buffer.from(m[2], 'base64url').toString('utf8')) as LoggingConfig };
  } catch {
    return undefined;
  }
}

function parseConfig(event: CustomResourceEvent): LoggingConfig {
  const raw = event.ResourceProperties[LOGGING_CONFIG_PROPERTY];
  if (typeof raw !== 'string') throw new DeployTimeCheckError(`${LOGGING_CONFIG_PROPERTY} must be a JSON string`);
  return JSON.parse(raw) as LoggingConfig;
}

function checkRegion(event: CustomResourceEvent, region: string): void {
  const allowed = event.ResourceProperties[ALLOWED_REGIONS_PROPERTY];
  const list = Array.isArray(allowed) ? allowed.map(String) : [];
  if (!list.includes(region)) {
    throw new DeployTimeCheckError(`Refusing to turn on Bedrock model invocation logging in ${region}: its records hold prompts and model outputs, `
      + `and they are delivered in the Region they are configured in. Deploy this stack to ${list.join(' or ') || 'an allowed Region'}.`);
  }
}

/** Only the destinations decide whose configuration is in force; the delivery flags are compared too, so a change by hand is noticed. */
function sameConfig(a: LoggingConfig | undefined, b: LoggingConfig): boolean {
  return a !== undefined && JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(c: LoggingConfig): unknown {
  const flag = (v: boolean | undefined) => v === true;
  return {
    cw: c.cloudWatchConfig ? [c.cloudWatchConfig.logGroupName, c.cloudWatchConfig.roleArn,
      c.cloudWatchConfig.largeDataDeliveryS3Config?.bucketName ?? null, c.cloudWatchConfig.largeDataDeliveryS3Config?.keyPrefix ?? null] : null,
    s3: c.s3Config ? [c.s3Config.bucketName, c.s3Config.keyPrefix ?? null] : null,
    flags: [flag(c.textDataDeliveryEnabled), flag(c.imageDataDeliveryEnabled), flag(c.embeddingDataDeliveryEnabled),
      flag(c.videoDataDeliveryEnabled), flag(c.audioDataDeliveryEnabled)],
  };
}

/**
 * Create: read the configuration in force, keep it in the physical ID, set ours.
 * Update: set the new configuration, same physical ID (never a replacement, so
 * CloudFormation never deletes "the old one" and turns logging off mid-update).
 * Delete: if the configuration in force is still ours, put back the previous one,
 * or delete the configuration when there was none; if someone changed it since,
 * leave theirs alone. A physical ID this handler did not write (a failed Create)
 * changes nothing.
 */
export async function onInvocationLoggingEvent(event: CustomResourceEvent, options: InvocationLoggingHandlerOptions): Promise<CustomResourceResult> {
  const { api, region, retry } = options;
  const log = options.log ?? (() => {});
  return reportingFailures(async () => {
    if (event.RequestType === 'Delete') {
      const stored = decodePhysicalId(event.PhysicalResourceId);
      if (!stored || stored.region !== region) return { PhysicalResourceId: event.PhysicalResourceId ?? event.LogicalResourceId };
      const ours = parseConfig(event);
      const current = await withRetry(() => api.get(), retry);
      if (!sameConfig(current, ours)) {
        log(`The model invocation logging configuration in ${region} was changed after this stack set it; leaving it as it is: ${JSON.stringify(current ?? null)}`);
        return { PhysicalResourceId: event.PhysicalResourceId! };
      }
      if (stored.previous === null) {
        await withRetry(() => api.delete(), retry);
      } else {
        log(`Restoring the previous model invocation logging configuration in ${region}: ${JSON.stringify(stored.previous)}`);
        await withRetry(() => api.put(stored.previous!), retry);
      }
      return { PhysicalResourceId: event.PhysicalResourceId! };
    }

    checkRegion(event, region);
    const config = parseConfig(event);
    if (event.RequestType === 'Update') {
      const stored = decodePhysicalId(event.PhysicalResourceId);
      if (stored && stored.region === region) {
        await withRetry(() => api.put(config), retry);
        return { PhysicalResourceId: event.PhysicalResourceId!, Data: { [PREVIOUS_CONFIG_ATTRIBUTE]: JSON.stringify(stored.previous ?? {}) } };
      }
      // An ID from elsewhere: treat as a Create (the new physical ID replaces it; its Delete then changes nothing).
    }

    const current = await withRetry(() => api.get(), retry);
    // Re-running over our own configuration (a retried Create) must not record ours as "the previous one".
    const previous = current !== undefined && !sameConfig(current, config) ? current : undefined;
    const physicalId = encodePhysicalId(region, previous);
    if (physicalId.length > MAX_PHYSICAL_ID) {
      throw new DeployTimeCheckError(`The model invocation logging configuration already in force in ${region} is too long to keep for restoring `
        + `(${physicalId.length} characters; CloudFormation keeps at most ${MAX_PHYSICAL_ID}): ${JSON.stringify(previous)}. `
        + 'Record it, delete it (aws bedrock delete-model-invocation-logging-configuration), then deploy again.');
    }
    if (previous) log(`Replacing the model invocation logging configuration in ${region}; it is restored when this resource is deleted: ${JSON.stringify(previous)}`);
    await withRetry(() => api.put(config), retry);
    return { PhysicalResourceId: physicalId, Data: { [PREVIOUS_CONFIG_ATTRIBUTE]: JSON.stringify(previous ?? {}) } };
  }, log);
}
