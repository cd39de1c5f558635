import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** Where Bedrock delivers model invocation logs. */
export enum InvocationLogDestination {
  /** A CloudWatch Logs log group only. Bodies over 100 KB and binary data are then not delivered at all. */
  CLOUDWATCH_LOGS = 'CLOUDWATCH_LOGS',
  /** An S3 bucket only (gzipped JSON batches; large and binary bodies as separate objects). */
  S3 = 'S3',
  /** Both: records in the log group, and bodies over 100 KB or binary in the bucket. */
  CLOUDWATCH_LOGS_AND_S3 = 'CLOUDWATCH_LOGS_AND_S3',
}

/** Props of `BedrockInvocationLogging`. */
export interface BedrockInvocationLoggingProps {
  /**
   * How long the records (which hold prompts and model outputs) are kept: the
   * created log group's retention and the created bucket's expiration (current
   * and noncurrent versions). Required, and `RetentionDays.INFINITE` is refused:
   * there is no default that keeps prompts forever. A log group or bucket you
   * give keeps the retention you set on it.
   */
  readonly retention: logs.RetentionDays;

  /**
   * Where the logs go.
   * @default - the destinations you give (`logGroup`, `bucket`); when you give neither, CLOUDWATCH_LOGS_AND_S3
   */
  readonly destination?: InvocationLogDestination;

  /**
   * An existing log group in this stack's account and Region. Its retention and
   * encryption are yours to set.
   * @default - a new log group encrypted with `encryptionKey`
   */
  readonly logGroup?: logs.ILogGroup;

  /**
   * An existing bucket in this stack's account and Region. Its policy must let
   * `bedrock.amazonaws.com` put objects under the prefix (the construct adds the
   * statement when the bucket is defined in this app; otherwise it says what to add).
   * @default - a new bucket encrypted with `encryptionKey`, TLS only, public access blocked, ACLs disabled
   */
  readonly bucket?: s3.IBucket;

  /**
   * S3 key prefix of the logs (no leading or trailing `/`). Bedrock writes under
   * `PREFIX/AWSLogs/ACCOUNT/BedrockModelInvocationLogs/`.
   * @default - no prefix
   */
  readonly keyPrefix?: string;

  /**
   * Customer managed KMS key for the created bucket and log group.
   * @default - a new key with yearly rotation
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Deliver text data (prompts and completions as text).
   * @default true
   */
  readonly textDataDelivery?: boolean;

  /**
   * Deliver image data.
   * @default false
   */
  readonly imageDataDelivery?: boolean;

  /**
   * Deliver embeddings.
   * @default false
   */
  readonly embeddingDataDelivery?: boolean;

  /**
   * Deliver video data.
   * @default false
   */
  readonly videoDataDelivery?: boolean;

  /**
   * Deliver audio data.
   * @default false
   */
  readonly audioDataDelivery?: boolean;
}
