/**
 * Lambda entry of PostureAuditor. esbuild bundles it into assets/ with
 * `@aws-sdk/*` left external: the Node.js Lambda runtime ships SDK v3.
 */
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as organizations from '@aws-sdk/client-organizations';
import { runScheduledAudit } from '../core/audit/scheduled-audit';
import { importFindings, residencyFindings } from '../core/audit/security-hub-findings';
import { sdkOrganizationsApi } from '../core/organizations/sdk-organizations-api';

const api = sdkOrganizationsApi(organizations, new organizations.OrganizationsClient({ maxAttempts: 1 }));
const metrics = new cloudwatch.CloudWatchClient({});

/** Security Hub, only when PostureAuditor was asked to publish findings (the runtime ships the SDK). */
function securityHub(): ((batch: object[]) => Promise<any>) | undefined {
  if (!process.env.SECURITY_HUB_PRODUCT_ARN) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('@aws-sdk/client-securityhub');
  const client = new sdk.SecurityHubClient({});
  return (Findings) => client.send(new sdk.BatchImportFindingsCommand({ Findings }));
}

export async function handler(): Promise<{ exitCode: number }> {
  const send = securityHub();
  const result = await runScheduledAudit({
    publishFindings: send ? (report) => importFindings(residencyFindings(report, {
      productArn: process.env.SECURITY_HUB_PRODUCT_ARN!,
      callerAccount: process.env.SECURITY_HUB_PRODUCT_ARN!.split(':')[4],
      region: process.env.AWS_REGION ?? 'us-east-1',
      partition: process.env.SECURITY_HUB_PRODUCT_ARN!.split(':')[1],
    }), send) : undefined,
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
