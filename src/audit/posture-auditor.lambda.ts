/**
 * Lambda entry of PostureAuditor. esbuild bundles it into assets/ with
 * `@aws-sdk/*` left external: the Node.js Lambda runtime ships SDK v3.
 */
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as organizations from '@aws-sdk/client-organizations';
import { runScheduledAudit } from '../core/audit/scheduled-audit';
import { sdkOrganizationsApi } from '../core/audit/sdk-organizations-api';

const api = sdkOrganizationsApi(organizations, new organizations.OrganizationsClient({ maxAttempts: 1 }));
const metrics = new cloudwatch.CloudWatchClient({});

export async function handler(): Promise<{ exitCode: number }> {
  const result = await runScheduledAudit({
    api,
    namespace: process.env.METRIC_NAMESPACE ?? 'SovereignBedrock',
    target: process.env.AUDIT_TARGET || undefined,
    allowedRegions: (process.env.ALLOWED_REGIONS ?? 'ap-southeast-2').split(','),
    putMetrics: async (namespace, target, data) => {
      await metrics.send(new cloudwatch.PutMetricDataCommand({
        Namespace: namespace,
        MetricData: data.map((d) => ({ MetricName: d.name, Value: d.value, Unit: 'Count', Dimensions: [{ Name: 'Target', Value: target }] })),
      }));
    },
  });
  return { exitCode: result.exitCode };
}
