/**
 * Lambda entry of PostureProbe. esbuild bundles it into assets/ with
 * `@aws-sdk/*` left external: the Node.js Lambda runtime ships SDK v3.
 */
import * as runtime from '@aws-sdk/client-bedrock-runtime';
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as s3 from '@aws-sdk/client-s3';
import { ProbePath } from '../core/probe/probe-paths';
import { DEFAULT_PROBE_LIMITS } from '../core/probe/run-probe';
import { runScheduledProbe } from '../core/probe/scheduled-probe';
import { sdkProbeCallers } from '../core/probe/sdk-probe-callers';

const metrics = new cloudwatch.CloudWatchClient({});
const storage = new s3.S3Client({});

/** AgentCore's client, only when an AgentCore path is probed; a runtime without it makes that path inconclusive. */
function agentCoreSdk(paths: ProbePath[]): any {
  if (!paths.some((p) => p.service === 'agentcore')) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('@aws-sdk/client-bedrock-agentcore');
  } catch {
    return undefined;
  }
}

export async function handler(_event: unknown, context?: { invokedFunctionArn?: string }): Promise<{ exitCode: number; evidenceKey?: string }> {
  const paths: ProbePath[] = JSON.parse(process.env.PROBE_PATHS ?? '[]');
  const bucket = process.env.EVIDENCE_BUCKET;
  const callers = sdkProbeCallers({ runtime, agentCore: agentCoreSdk(paths) }, DEFAULT_PROBE_LIMITS);
  try {
    const result = await runScheduledProbe({
      paths,
      callers,
      originRegion: process.env.ORIGIN_REGION ?? 'ap-southeast-2',
      version: process.env.TOOL_VERSION ?? 'unknown',
      accountId: context?.invokedFunctionArn?.split(':')[4],
      namespace: process.env.METRIC_NAMESPACE ?? 'SovereignBedrock/Probe',
      evidencePrefix: process.env.EVIDENCE_PREFIX,
      putEvidence: bucket ? async (key, body) => {
        // A bucket with an Object Lock default retention accepts a put only with an integrity checksum.
        // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (Content-MD5 or x-amz-sdk-checksum-algorithm)
        await storage.send(new s3.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json', ChecksumAlgorithm: 'SHA256' }));
      } : undefined,
      putMetrics: async (namespace, data) => {
        await metrics.send(new cloudwatch.PutMetricDataCommand({
          Namespace: namespace,
          MetricData: data.map((d) => ({
            MetricName: d.name,
            Value: d.value,
            Unit: 'Count',
            Dimensions: Object.entries(d.dimensions).map(([Name, Value]) => ({ Name, Value })),
          })),
        }));
      },
    });
    return { exitCode: result.exitCode, evidenceKey: result.evidenceKey };
  } finally {
    callers.destroy();
  }
}
