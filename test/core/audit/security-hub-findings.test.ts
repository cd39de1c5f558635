import * as sdk from '@aws-sdk/client-organizations';
import { auditSnapshot } from '../../../src/core/audit/audit-report';
import { readOrganization } from '../../../src/core/audit/org-walker';
import { MetricDatum, runScheduledAudit } from '../../../src/core/audit/scheduled-audit';
import { importFindings, residencyFindings, ResidencyFinding } from '../../../src/core/audit/security-hub-findings';
import { Protection } from '../../../src/core/audit/verdict';
import { sdkOrganizationsApi } from '../../../src/core/organizations/sdk-organizations-api';
import { mockOrganization } from '../../helpers/fake-organization';

const NO_WAIT = { sleep: async () => {}, random: () => 0 };
const api = () => sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ region: 'us-east-1' }));
const CONTEXT = { productArn: 'arn:aws:securityhub:ap-southeast-2:999999999999:product/999999999999/default', callerAccount: '999999999999', region: 'ap-southeast-2' };

describe('Security Hub findings', () => {
  let mock: ReturnType<typeof mockOrganization>;
  beforeEach(() => { mock = mockOrganization(); });
  afterEach(() => mock.restore());

  test('one finding per account, stable IDs, failed when not protected and archived as passed when protected', async () => {
    const report = auditSnapshot(await readOrganization(api(), { retry: NO_WAIT }), { now: new Date('2026-11-22T03:00:00Z') });
    const findings = residencyFindings(report, CONTEXT);
    expect(findings).toHaveLength(7);
    const byAccount = Object.fromEntries(findings.map((f) => [f.Resources[0].Id, f]));
    const sandbox = byAccount['AWS::::Account:555555555555'];
    expect(sandbox).toMatchObject({
      SchemaVersion: '2018-10-08',
      Id: 'cdk-sovereign-bedrock/bedrock-residency/r-ab12/555555555555',
      ProductArn: CONTEXT.productArn,
      AwsAccountId: '999999999999',
      Compliance: { Status: 'FAILED' },
      RecordState: 'ACTIVE',
      Severity: { Label: 'HIGH' },
      FindingProviderFields: { Severity: { Label: 'HIGH' } },
      Title: 'Amazon Bedrock residency: account 555555555555 (sandbox-1) is UNPROTECTED',
      CreatedAt: '2026-11-22T03:00:00.000Z',
    });
    expect(sandbox.Description.length).toBeLessThanOrEqual(1024);
    expect(byAccount['AWS::::Account:222222222222']).toMatchObject({ Compliance: { Status: 'PASSED' }, RecordState: 'ARCHIVED' });
    // dev-app is PARTIAL only because an Australian path is denied: an outage, low severity.
    expect(byAccount['AWS::::Account:444444444444']).toMatchObject({ Compliance: { Status: 'FAILED' }, Severity: { Label: 'LOW' } });
    // A second run produces the same IDs: Security Hub updates the findings instead of adding new ones.
    const again = residencyFindings(auditSnapshot(await readOrganization(api(), { retry: NO_WAIT })), CONTEXT);
    expect(again.map((f) => f.Id)).toEqual(findings.map((f) => f.Id));
    expect(report.accounts.filter((a) => a.protection !== Protection.PROTECTED)).toHaveLength(5);
  });

  test('imports in batches of 100 and reports refusals; the scheduled run counts them as errors', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ Id: `f${i}` }) as unknown as ResidencyFinding);
    const batches: number[] = [];
    const r = await importFindings(many, async (batch) => {
      batches.push(batch.length);
      return batch[0].Id === 'f200' ? { SuccessCount: 49, FailedCount: 1, FailedFindings: [{ Id: 'f201', ErrorMessage: 'Invalid' }] } : { SuccessCount: batch.length, FailedCount: 0 };
    });
    expect(batches).toEqual([100, 100, 50]);
    expect(r).toEqual({ imported: 249, failed: [{ id: 'f201', message: 'Invalid' }] });

    const published: MetricDatum[][] = [];
    const logs: string[] = [];
    const imported: ResidencyFinding[] = [];
    await runScheduledAudit({
      api: api(),
      namespace: 'SovereignBedrock',
      log: (t) => logs.push(t),
      putMetrics: async (_n, _t, data) => { published.push(data); },
      publishFindings: (report) => importFindings(residencyFindings(report, CONTEXT), async (batch) => {
        imported.push(...batch);
        return { SuccessCount: batch.length - 1, FailedCount: 1, FailedFindings: [{ Id: batch[0].Id, ErrorMessage: 'Security Hub is not enabled' }] };
      }),
    });
    expect(imported).toHaveLength(7);
    expect(published[0]).toContainEqual({ name: 'AuditErrors', value: 1 });
    expect(logs).toContain('Security Hub refused finding cdk-sovereign-bedrock/bedrock-residency/r-ab12/111111111111: Security Hub is not enabled');
  });
});
