import * as sdk from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { onOuPathEvent } from '../../../src/core/deploy/ou-path-handler';
import { onScpConflictCheckEvent } from '../../../src/core/deploy/scp-conflict-check-handler';
import { onScpSlotGuardEvent } from '../../../src/core/deploy/scp-slot-guard-handler';
import { CallTimeoutError, withTimeout } from '../../../src/core/organizations/call-guards';
import { checkAnswer, checkedOrganizationsApi } from '../../../src/core/organizations/checked-api';
import { withRetry } from '../../../src/core/organizations/retry';
import { sdkOrganizationsApi } from '../../../src/core/organizations/sdk-organizations-api';

const NO_WAIT = { sleep: async () => {}, random: () => 0 };
const client = () => new sdk.OrganizationsClient({ region: 'us-east-1', maxAttempts: 1 });

describe('the SDK adapter: a missing field is an error, never an empty list', () => {
  const mock = mockClient(sdk.OrganizationsClient);
  afterEach(() => mock.reset());
  afterAll(() => mock.restore());

  test.each<[string, () => Promise<unknown>, RegExp]>([
    ['ListPoliciesForTarget without Policies', () => sdkOrganizationsApi(sdk, client()).listPoliciesForTarget('ou-ab12-workload'), /organizations:ListPoliciesForTarget returned an answer without a Policies list/],
    ['ListParents without Parents', () => sdkOrganizationsApi(sdk, client()).listParents('ou-ab12-workload'), /organizations:ListParents returned an answer without a Parents list/],
    ['DescribePolicy without Policy', () => sdkOrganizationsApi(sdk, client()).describePolicy('p-1'), /organizations:DescribePolicy returned an answer without Policy/],
    ['DescribeOrganization without Organization', () => sdkOrganizationsApi(sdk, client()).describeOrganization(), /organizations:DescribeOrganization returned an answer without Organization/],
  ])('%s', async (_name, call, message) => {
    mock.onAnyCommand().resolves({});
    await expect(call()).rejects.toThrow(message);
  });

  test('DescribePolicy without Content is an error, not an empty policy', async () => {
    mock.on(sdk.DescribePolicyCommand).resolves({ Policy: { PolicySummary: { Id: 'p-1', Name: 'x' } } });
    await expect(sdkOrganizationsApi(sdk, client()).describePolicy('p-1')).rejects.toThrow(/without Policy.Content/);
  });

  test('the slot guard fails, not passes, on a page without Policies', async () => {
    mock.on(sdk.ListPoliciesForTargetCommand).resolves({});
    const event = {
      RequestType: 'Create' as const,
      LogicalResourceId: 'Guard',
      ResourceProperties: { Policies: [{ Key: 'K', Name: 'bedrock-au-residency', TargetIds: ['ou-ab12-workload'] }], MaxPoliciesPerTarget: '10' },
    };
    await expect(onScpSlotGuardEvent(event, { api: sdkOrganizationsApi(sdk, client()), retry: NO_WAIT }))
      .rejects.toThrow(/Could not read the SCPs attached to ou-ab12-workload: .*without a Policies list/);
  });
});

describe('the handlers name a malformed request', () => {
  const api = {} as never;
  test.each([
    ['ScpSlotGuard', (e: any) => onScpSlotGuardEvent(e, { api })],
    ['ScpConflictCheck', (e: any) => onScpConflictCheckEvent(e, { api })],
    ['OrganizationalUnitPath', (e: any) => onOuPathEvent(e, { api })],
  ])('%s: no ResourceProperties is a named error, not a TypeError; a Delete never fails on its shape', async (name, handle) => {
    await expect(handle({ RequestType: 'Create', LogicalResourceId: 'R' })).rejects.toThrow(`${name}: malformed request: ResourceProperties must be an object, got none`);
    await expect(handle({ RequestType: 'Update', LogicalResourceId: 'R', ResourceProperties: {} })).rejects.toThrow(/Update needs a PhysicalResourceId/);
    await expect(handle({ RequestType: 'Delete', LogicalResourceId: 'R', PhysicalResourceId: 'R' })).resolves.toEqual({ PhysicalResourceId: 'R' });
  });
});

describe('the OrganizationsApi boundary', () => {
  test('checkAnswer names the call and the field', () => {
    expect(() => checkAnswer('listAccountsForParent', { items: [{ id: '111111111111', name: 12 }, null] })).toThrow(
      'organizations:ListAccountsForParent returned a malformed answer: the answer.items[0].name is a number, not a string; the answer.items[1] is null, not an object');
    expect(() => checkAnswer('describePolicy', { id: 'p-1', name: 'x', content: 3 })).toThrow(/the answer.content is a number, not the policy's JSON text/);
    expect(() => checkAnswer('listParents', [{ id: 'r-ab12', type: 'ROOT' }])).not.toThrow();
  });

  test('a call that never settles is a CallTimeoutError, retried once as a timeout', async () => {
    let calls = 0;
    const api = checkedOrganizationsApi({ describeOrganization: () => { calls++; return new Promise<never>(() => {}); } }, { timeoutMs: 10 });
    const err = await withRetry(() => api.describeOrganization(), NO_WAIT).catch((e) => e);
    expect(err).toBeInstanceOf(CallTimeoutError);
    expect(err.message).toBe('organizations:DescribeOrganization did not answer within 10 ms');
    expect(calls).toBe(2);
    await expect(withTimeout(async () => 'fine', 10, 'x')).resolves.toBe('fine');
  });
});

describe('bounded reads in the conflict check', () => {
  const base = {
    describeOrganization: async () => ({ id: 'o-abcdefghij', managementAccountId: '111111111111' }),
    listPoliciesForTarget: async () => ({ items: [] }),
    describePolicy: async (id: string) => ({ id, name: id, content: '{}' }),
  };
  const event = {
    RequestType: 'Create' as const,
    LogicalResourceId: 'Check',
    ResourceProperties: { Policies: [{ Name: 'bedrock-au-residency', Document: '{"Version":"2012-10-17","Statement":[]}', TargetIds: ['ou-ab12-aaaaaaaa'], AllowedRegions: ['ap-southeast-2'] }] },
  };

  test('a parent cycle is a named error, not an endless walk', async () => {
    let calls = 0;
    const api = { ...base, listParents: async (child: string) => { calls++; return [{ id: child === 'ou-ab12-aaaaaaaa' ? 'ou-ab12-bbbbbbbb' : 'ou-ab12-aaaaaaaa', type: 'ORGANIZATIONAL_UNIT' }]; } };
    await expect(onScpConflictCheckEvent(event, { api, retry: NO_WAIT })).rejects.toThrow(
      'Could not read the path of ou-ab12-aaaaaaaa: organizations:ListParents returned a cycle (ou-ab12-aaaaaaaa is its own ancestor)');
    expect(calls).toBe(2);
  });

  test('endless new parents stop at the depth Organizations allows', async () => {
    let n = 0;
    const api = { ...base, listParents: async () => [{ id: `ou-ab12-${String(n++).padStart(8, '0')}`, type: 'ORGANIZATIONAL_UNIT' }] };
    await expect(onScpConflictCheckEvent(event, { api, retry: NO_WAIT })).rejects.toThrow(/returned more than 5 OUs above it/);
    expect(n).toBeLessThanOrEqual(7);
  });
});
