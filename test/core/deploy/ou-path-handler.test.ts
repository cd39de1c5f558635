import * as sdk from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { CustomResourceEvent } from '../../../src/core/deploy/custom-resource-event';
import { onOuPathEvent, ouPathDigest } from '../../../src/core/deploy/ou-path-handler';
import { sdkOrganizationsApi } from '../../../src/core/organizations/sdk-organizations-api';
import { mockOrganization } from '../../helpers/fake-organization';

const noSleep = { sleep: async () => {} };
const api = () => sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ region: 'us-east-1' }));
const event = (Path: unknown, RequestType: CustomResourceEvent['RequestType'] = 'Create', PhysicalResourceId?: string): CustomResourceEvent => ({
  RequestType, LogicalResourceId: 'ProdPath1234', PhysicalResourceId, ResourceProperties: { ServiceToken: 'arn', Path },
});
const resolve = (path: unknown) => onOuPathEvent(event(path), { api: api(), retry: noSleep });
const named = (name: string, message = 'no') => Object.assign(new Error(message), { name });

describe('OU path resolution (handler)', () => {
  test('walks the path level by level; the physical ID is the OU ID with the path, the Id attribute the OU ID', async () => {
    const mock = mockOrganization();
    await expect(resolve('Root/Workloads/Prod')).resolves.toEqual({ PhysicalResourceId: 'ou-ab12-prodprod|Root/Workloads/Prod', Data: { Id: 'ou-ab12-prodprod' } });
    expect(mock.commandCalls(sdk.ListRootsCommand)).toHaveLength(1);
    expect(mock.commandCalls(sdk.ListOrganizationalUnitsForParentCommand).map((c) => c.args[0].input.ParentId))
      .toEqual(['r-ab12', 'r-ab12', 'ou-ab12-workload']);
  });

  test('reads every page of a level (Sandbox is on the second page of the root\'s OUs)', async () => {
    const mock = mockOrganization();
    await expect(resolve('Root/Sandbox')).resolves.toMatchObject({ PhysicalResourceId: 'ou-ab12-sandboxx|Root/Sandbox', Data: { Id: 'ou-ab12-sandboxx' } });
    expect(mock.commandCalls(sdk.ListOrganizationalUnitsForParentCommand).map((c) => c.args[0].input.NextToken)).toEqual([undefined, '2']);
  });

  test('a missing segment names the parent, the segment and the names found at that level', async () => {
    mockOrganization();
    await expect(resolve('Root/Workloads/Prd'))
      .rejects.toThrow("OU path 'Root/Workloads/Prd' does not resolve: Workloads has no child OU named 'Prd'; children: Prod, Dev");
    await expect(resolve('Root/Nope')).rejects.toThrow("Root has no child OU named 'Nope'; children: Security, Workloads, Sandbox");
    await expect(resolve('Root/Workloads/Prod/Team')).rejects.toThrow("Prod has no child OU named 'Team'; it has no child OUs");
  });

  test('a name that differs only in case gets a hint: names match exactly', async () => {
    mockOrganization();
    await expect(resolve('Root/workloads/Prod')).rejects.toThrow("Root has no child OU named 'workloads' (did you mean 'Workloads'? names match exactly, case and spaces included)");
  });

  test('throttling is retried with backoff', async () => {
    const mock = mockOrganization();
    mock.on(sdk.ListRootsCommand).rejectsOnce(named('TooManyRequestsException', 'Rate exceeded')).resolves({ Roots: [{ Id: 'r-ab12', Name: 'Root' }] });
    const delays: number[] = [];
    const result = await onOuPathEvent(event('Root/Security'), { api: api(), retry: { sleep: async (ms) => { delays.push(ms); } } });
    expect(result.Data).toEqual({ Id: 'ou-ab12-security' });
    expect(mock.commandCalls(sdk.ListRootsCommand)).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  test('access denied names the permission and where the stack must be deployed', async () => {
    const mock = mockOrganization();
    mock.on(sdk.ListRootsCommand).rejects(named('AccessDeniedException', 'You don\'t have permissions to access this resource.'));
    const err = await resolve('Root/Workloads').catch((e: Error) => e);
    expect(String(err)).toMatch(/Could not read the organization root: organizations:ListRoots was denied \(You don't have permissions to access this resource.\)/);
    expect(String(err)).toMatch(/management account or in a delegated administrator account for AWS Organizations policies/);
    expect(mock.commandCalls(sdk.ListRootsCommand)).toHaveLength(1); // denial is not retried

    mock.on(sdk.ListRootsCommand).resolves({ Roots: [{ Id: 'r-ab12', Name: 'Root' }] });
    mock.on(sdk.ListOrganizationalUnitsForParentCommand).rejects(named('AccessDeniedException'));
    await expect(resolve('Root/Workloads')).rejects.toThrow(/the OUs under Root \(r-ab12\): organizations:ListOrganizationalUnitsForParent was denied/);
  });

  test('an account outside an organization is told so', async () => {
    const mock = mockClient(sdk.OrganizationsClient);
    mock.on(sdk.ListRootsCommand).rejects(named('AWSOrganizationsNotInUseException'));
    await expect(resolve('Root/Workloads')).rejects.toThrow('this account is not a member of an organization');
  });

  test('a malformed path (a token at synth) is reported before any call', async () => {
    const mock = mockOrganization();
    await expect(resolve('Workloads/Prod')).rejects.toThrow(/does not start with 'Root\/'/);
    await expect(resolve('Root//Prod')).rejects.toThrow(/segment 1 below Root of "Root\/\/Prod" is empty/);
    await expect(resolve(undefined)).rejects.toThrow(/must be a string/);
    expect(mock.calls()).toHaveLength(0);
  });

  test('an Update to a new path re-resolves (a new physical ID); Delete does nothing', async () => {
    const mock = mockOrganization();
    const update = await onOuPathEvent(event('Root/Workloads/Dev', 'Update', 'ou-ab12-prodprod|Root/Workloads/Prod'), { api: api(), retry: noSleep });
    // The new physical ID remembers the OU the previous path resolved to, for a rollback.
    expect(update).toEqual({ PhysicalResourceId: `ou-ab12-devdevde|ou-ab12-prodprod~${ouPathDigest('Root/Workloads/Prod')}|Root/Workloads/Dev`, Data: { Id: 'ou-ab12-devdevde' } });
    mock.resetHistory();
    await expect(onOuPathEvent(event('Root/Workloads/Dev', 'Delete', 'ou-ab12-devdevde|Root/Workloads/Dev'), { api: api() }))
      .resolves.toEqual({ PhysicalResourceId: 'ou-ab12-devdevde|Root/Workloads/Dev' });
    expect(mock.calls()).toHaveLength(0);
  });

  test('an OU renamed and the path updated: a replacement with the same OU ID, so the SCPs do not change', async () => {
    const mock = mockOrganization();
    // "Prod" renamed "Production" in the console; the stack's path updated to match.
    mock.on(sdk.ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-workload' })
      .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-prodprod', Name: 'Production' }, { Id: 'ou-ab12-devdevde', Name: 'Dev' }] });
    const update = await onOuPathEvent(event('Root/Workloads/Production', 'Update', 'ou-ab12-prodprod|Root/Workloads/Prod'), { api: api(), retry: noSleep });
    expect(update).toEqual({ PhysicalResourceId: `ou-ab12-prodprod|ou-ab12-prodprod~${ouPathDigest('Root/Workloads/Prod')}|Root/Workloads/Production`, Data: { Id: 'ou-ab12-prodprod' } });
    // CloudFormation rolls the Update back by sending the old path to the new physical ID: the
    // old name no longer resolves, so the OU comes from the ID, without a call.
    mock.resetHistory();
    mock.on(sdk.ListRootsCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const rollback = await onOuPathEvent({ ...event('Root/Workloads/Prod', 'Update', update.PhysicalResourceId), OldResourceProperties: { Path: 'Root/Workloads/Production' } },
      { api: api(), retry: noSleep });
    expect(rollback).toEqual({
      PhysicalResourceId: `ou-ab12-prodprod|ou-ab12-prodprod~${ouPathDigest('Root/Workloads/Production')}|Root/Workloads/Prod`, Data: { Id: 'ou-ab12-prodprod' },
    });
    expect(mock.calls()).toHaveLength(0);
  });

  test('a rollback re-sending the path already resolved succeeds without a call, even after the OU was renamed', async () => {
    const mock = mockOrganization();
    mock.on(sdk.ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-workload' })
      .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-prodprod', Name: 'Production' }] });
    // Without the fix this Update would re-resolve 'Prod', which no longer exists: UPDATE_ROLLBACK_FAILED.
    const rollback = await onOuPathEvent({
      ...event('Root/Workloads/Prod', 'Update', 'ou-ab12-prodprod|Root/Workloads/Prod'),
      OldResourceProperties: { ServiceToken: 'arn', Path: 'Root/Workloads/Typo' },
    }, { api: api(), retry: noSleep });
    expect(rollback).toEqual({ PhysicalResourceId: 'ou-ab12-prodprod|Root/Workloads/Prod', Data: { Id: 'ou-ab12-prodprod' } });
    expect(mock.calls()).toHaveLength(0);
  });

  test('a physical ID from an older version (the bare OU ID) is re-resolved', async () => {
    mockOrganization();
    await expect(onOuPathEvent(event('Root/Workloads/Prod', 'Update', 'ou-ab12-prodprod'), { api: api(), retry: noSleep }))
      .resolves.toEqual({ PhysicalResourceId: 'ou-ab12-prodprod|Root/Workloads/Prod', Data: { Id: 'ou-ab12-prodprod' } });
  });

  test('a repeated page token is an error, not a hang', async () => {
    const mock = mockOrganization();
    mock.on(sdk.ListOrganizationalUnitsForParentCommand, { ParentId: 'r-ab12' })
      .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-security', Name: 'Security' }], NextToken: 'same' });
    await expect(resolve('Root/Workloads')).rejects.toThrow(/Could not read the OUs under Root \(r-ab12\): .*returned the page token "same" twice/);
    expect(mock.commandCalls(sdk.ListOrganizationalUnitsForParentCommand)).toHaveLength(2);
  });

  test('network failures are retried', async () => {
    const mock = mockOrganization();
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    mock.on(sdk.ListRootsCommand).rejectsOnce(reset).resolves({ Roots: [{ Id: 'r-ab12', Name: 'Root' }] });
    await expect(resolve('Root/Security')).resolves.toMatchObject({ Data: { Id: 'ou-ab12-security' } });
    expect(mock.commandCalls(sdk.ListRootsCommand)).toHaveLength(2);
  });

  test('a long failure is cut to fit CloudFormation\'s response, and logged whole', async () => {
    const mock = mockOrganization();
    const many = Array.from({ length: 40 }, (_, i) => ({ Id: `ou-ab12-x${String(i).padStart(7, '0')}`, Name: `${'n'.repeat(120)}${i}` }));
    mock.on(sdk.ListOrganizationalUnitsForParentCommand, { ParentId: 'r-ab12' }).resolves({ OrganizationalUnits: many });
    const logged: string[] = [];
    const err = await onOuPathEvent(event('Root/Missing'), { api: api(), retry: noSleep, log: (t) => logged.push(t) }).catch((e: Error) => e);
    expect((err as Error).message.length).toBeLessThanOrEqual(2000);
    expect((err as Error).message).toMatch(/^OU path 'Root\/Missing' does not resolve: Root has no child OU named 'Missing'/);
    expect(logged).toHaveLength(1);
    expect(logged[0].length).toBeGreaterThan(2000);
  });
});
