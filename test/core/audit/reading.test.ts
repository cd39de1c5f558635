import * as sdk from '@aws-sdk/client-organizations';
import { auditExitCode, auditSnapshot } from '../../../src/core/audit/audit-report';
import { AuditReadError, perPolicyIsCheaper, readOrganization } from '../../../src/core/audit/org-walker';
import { Protection } from '../../../src/core/audit/verdict';
import { OrganizationsApi } from '../../../src/core/organizations/organizations-api';
import { isRetryable, limiter } from '../../../src/core/organizations/retry';
import { sdkOrganizationsApi } from '../../../src/core/organizations/sdk-organizations-api';
import { mockOrganization } from '../../helpers/fake-organization';
import { fullSurfacePosture } from '../../helpers/full-surface-posture';

const NO_WAIT = { sleep: async () => {}, random: () => 0 };
const api = () => sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ region: 'us-east-1' }));
const verdicts = (report: ReturnType<typeof auditSnapshot>) => Object.fromEntries(report.accounts.map((a) => [a.id, a.protection]));

describe('reading attachments per policy', () => {
  let mock: ReturnType<typeof mockOrganization>;
  beforeEach(() => { mock = mockOrganization(); });
  afterEach(() => mock.restore());

  test('gives the same verdicts as per target, with ListPolicies and ListTargetsForPolicy instead of ListPoliciesForTarget', async () => {
    const perTarget = await readOrganization(api(), { retry: NO_WAIT, attachments: 'per-target' });
    const perPolicy = await readOrganization(api(), { retry: NO_WAIT, attachments: 'per-policy' });
    expect(perPolicy.attachmentReading).toBe('per-policy');
    expect(perPolicy.apiCalls.listPoliciesForTarget).toBeUndefined();
    expect(perPolicy.apiCalls.listPolicies).toBe(3);
    expect(perPolicy.apiCalls.describePolicy).toBe(5);
    expect(verdicts(auditSnapshot(perPolicy))).toEqual(verdicts(auditSnapshot(perTarget)));
    expect(perPolicy.accounts.map((a) => [a.id, a.policyIds])).toEqual(perTarget.accounts.map((a) => [a.id, a.policyIds]));
  });

  test('a denied ListTargetsForPolicy is named and the audit falls back to per-target reading', async () => {
    mock.on(sdk.ListTargetsForPolicyCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    const snapshot = await readOrganization(api(), { retry: NO_WAIT, attachments: 'per-policy' });
    expect(snapshot.attachmentReading).toBe('per-target');
    expect(snapshot.failures).toEqual([expect.objectContaining({
      call: 'listTargetsForPolicy', message: expect.stringMatching(/^organizations:ListTargetsForPolicy was denied \(not authorized\)\..*read per target instead/),
    })]);
    expect(auditSnapshot(snapshot).summary.PROTECTED).toBe(2);
  });

  test('the choice: per policy when policies are few next to targets', () => {
    expect(perPolicyIsCheaper(40, 2301)).toBe(true);
    expect(perPolicyIsCheaper(40, 13)).toBe(false);
    expect(perPolicyIsCheaper(500, 550)).toBe(false);
  });
});

describe('robust reading', () => {
  let mock: ReturnType<typeof mockOrganization>;
  beforeEach(() => { mock = mockOrganization(); });
  afterEach(() => mock.restore());

  test('a malformed policy marks its accounts ERROR with the reason; the rest is audited', async () => {
    mock.on(sdk.DescribePolicyCommand, { PolicyId: 'p-guardrail1' }).resolves({
      Policy: { PolicySummary: { Id: 'p-guardrail1', Name: 'aws-guardrails-AbCdEf' }, Content: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny",' },
    });
    const report = auditSnapshot(await readOrganization(api(), { retry: NO_WAIT }));
    const errors = report.accounts.filter((a) => a.protection === Protection.ERROR);
    // Every account under Security, Workloads and Sandbox carries the guardrail.
    expect(errors.map((a) => a.id)).toEqual(['222222222222', '333333333333', '444444444444', '555555555555', '666666666666', '777777777777']);
    expect(errors[0].message).toMatch(/^aws-guardrails-AbCdEf: not valid JSON/);
    expect(report.accounts.find((a) => a.name === 'management')!.protection).toBe(Protection.NOT_COVERED);
    expect(auditExitCode(report)).toBe(2);
  });

  test('ECONNRESET and timeouts are retried like throttling', async () => {
    mock.on(sdk.DescribePolicyCommand, { PolicyId: 'p-posture0001' })
      .rejectsOnce(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .rejectsOnce(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))
      .resolves({ Policy: { PolicySummary: { Id: 'p-posture0001', Name: 'bedrock-au-residency' }, Content: JSON.stringify(fullSurfacePosture()) } });
    const snapshot = await readOrganization(api(), { retry: NO_WAIT });
    expect(snapshot.failures).toEqual([]);
    expect(mock.commandCalls(sdk.DescribePolicyCommand, { PolicyId: 'p-posture0001' })).toHaveLength(3);
    expect(isRetryable({ code: 'ETIMEDOUT' })).toBe(true);
    expect(isRetryable({ name: 'AccessDeniedException' })).toBe(false);
  });

  test('a repeated page token is an error naming the call, not a hang', async () => {
    mock.on(sdk.ListAccountsForParentCommand, { ParentId: 'ou-ab12-sandboxx' }).resolves({ Accounts: [{ Id: '555555555555', Name: 'x' }], NextToken: 'same' });
    const snapshot = await readOrganization(api(), { retry: NO_WAIT });
    expect(snapshot.failures).toEqual([expect.objectContaining({
      target: 'ou-ab12-sandboxx',
      call: 'listAccountsForParent',
      message: expect.stringMatching(/organizations:ListAccountsForParent failed: .*NextToken it had already returned/),
    })]);
  });

  test('a concurrency below 1 is refused', async () => {
    await expect(readOrganization(api(), { concurrency: 0 })).rejects.toThrow(AuditReadError);
    await expect(readOrganization(api(), { concurrency: 0 })).rejects.toThrow(/concurrency must be an integer of at least 1, got 0/);
    expect(() => limiter(0)).toThrow(RangeError);
  });

  test('access denied names the call that was denied', async () => {
    mock.on(sdk.ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-workload' })
      .rejects(Object.assign(new Error('nope'), { name: 'AccessDeniedException' }));
    const snapshot = await readOrganization(api(), { retry: NO_WAIT });
    expect(snapshot.failures).toEqual([expect.objectContaining({
      call: 'listOrganizationalUnitsForParent', message: expect.stringContaining('organizations:ListOrganizationalUnitsForParent was denied (nope)'),
    })]);
  });
});

test('the OrganizationsApi fakes elsewhere keep the full interface', () => {
  const keys: (keyof OrganizationsApi)[] = ['listPolicies', 'listTargetsForPolicy'];
  const adapter = api();
  for (const k of keys) expect(typeof adapter[k]).toBe('function');
});
