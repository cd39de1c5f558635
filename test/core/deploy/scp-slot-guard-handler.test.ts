import * as sdk from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { CustomResourceEvent } from '../../../src/core/deploy/custom-resource-event';
import { onScpSlotGuardEvent } from '../../../src/core/deploy/scp-slot-guard-handler';
import { sdkOrganizationsApi } from '../../../src/core/organizations/sdk-organizations-api';
import { mockOrganization } from '../../helpers/fake-organization';

const FULL = 'ou-ab12-34cd56ef';
const named = (name: string, message = 'no') => Object.assign(new Error(message), { name });
const api = () => sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ region: 'us-east-1' }));
const noSleep = { sleep: async () => {} };

interface Policy { Key: string; Name: string; TargetIds?: string[] }
const posture = (targets: string[], name = 'bedrock-au-residency'): Policy => ({ Key: 'PostureResource1A2B3C4D', Name: name, TargetIds: targets });
const event = (Policies: Policy[], limit: unknown = '5', RequestType: CustomResourceEvent['RequestType'] = 'Create', old?: Policy[]): CustomResourceEvent => ({
  RequestType,
  LogicalResourceId: 'Guard',
  PhysicalResourceId: RequestType === 'Create' ? undefined : 'ScpSlotGuard-Guard',
  ResourceProperties: { ServiceToken: 'arn', Policies, MaxPoliciesPerTarget: limit },
  OldResourceProperties: old ? { ServiceToken: 'arn', Policies: old, MaxPoliciesPerTarget: limit } : undefined,
});
const guard = (e: CustomResourceEvent) => onScpSlotGuardEvent(e, { api: api(), retry: noSleep });

/** FULL (and any other target given) carries five SCPs, listed in pages of two. */
function fullTarget(...targets: string[]) {
  const mock = mockOrganization();
  const names = ['FullAWSAccess', 'aws-guardrails-AbCd', 'aws-guardrails-EfGh', 'aws-guardrails-IjKl', 'team-deny-leave-org'];
  const page = (start: number) => ({
    Policies: names.slice(start, start + 2).map((Name, i) => ({ Id: `p-${start + i}`, Name, Type: 'SERVICE_CONTROL_POLICY' as const })),
    NextToken: start + 2 < names.length ? String(start + 2) : undefined,
  });
  if (targets.length > 10) {
    // Hundreds of targets: one behaviour that pages by token (only these targets are read), rather than
    // three input matchers each, which the mock scans on every call (seconds per test).
    const full = new Set([FULL, ...targets]);
    mock.on(sdk.ListPoliciesForTargetCommand).callsFake((input: sdk.ListPoliciesForTargetCommandInput) => {
      if (!full.has(input.TargetId!)) throw Object.assign(new Error(`no such target ${input.TargetId}`), { name: 'TargetNotFoundException' });
      return page(Number(input.NextToken ?? 0));
    });
    return mock;
  }
  for (const TargetId of [FULL, ...targets]) {
    mock.on(sdk.ListPoliciesForTargetCommand, { TargetId }).resolves(page(0));
    mock.on(sdk.ListPoliciesForTargetCommand, { TargetId, NextToken: '2' }).resolves(page(2));
    mock.on(sdk.ListPoliciesForTargetCommand, { TargetId, NextToken: '4' }).resolves(page(4));
  }
  return mock;
}

describe('SCP slot guard (handler)', () => {
  test('under the limit: Workloads has 3, attaching one more makes 4 of 5', async () => {
    const mock = mockOrganization();
    const extra = { Key: 'AuOnly', Name: 'bedrock-au-only', TargetIds: ['ou-ab12-workload'] };
    await expect(guard(event([extra]))).resolves.toEqual({ PhysicalResourceId: expect.stringMatching(/^ScpSlotGuard-Guard~[0-9a-f]{16}$/) });
    const call = mock.commandCalls(sdk.ListPoliciesForTargetCommand)[0].args[0].input;
    expect(call).toEqual({ TargetId: 'ou-ab12-workload', Filter: 'SERVICE_CONTROL_POLICY', NextToken: undefined });
    // At a limit of 3 the same deployment would not fit.
    await expect(guard(event([extra], '3'))).rejects.toThrow('ou-ab12-workload already has 3 SCPs (FullAWSAccess, aws-guardrails-AbCdEf, bedrock-au-residency); attaching bedrock-au-only would make 4, over the limit of 3');
  });

  test('over the limit: names the target, every attached policy, what would attach and the limit', async () => {
    fullTarget();
    await expect(guard(event([posture([FULL])]))).rejects.toThrow(
      '1 target would go over the limit of 5 SCPs per target. Nothing was attached. Detach a policy from the target, '
      + 'put the posture in one policy (AuBedrockResidencyScp), or raise maxPoliciesPerTarget if you set a stricter one than the 10 per target AWS allows. '
      + `${FULL} already has 5 SCPs (FullAWSAccess, aws-guardrails-AbCd, aws-guardrails-EfGh, aws-guardrails-IjKl, team-deny-leave-org); `
      + 'attaching bedrock-au-residency would make 6, over the limit of 5.');
  });

  test('every page of attachments is counted (pages of two)', async () => {
    const mock = fullTarget();
    await expect(guard(event([posture([FULL])], '6'))).resolves.toBeDefined();
    expect(mock.commandCalls(sdk.ListPoliciesForTargetCommand).map((c) => c.args[0].input.NextToken)).toEqual([undefined, '2', '4']);
  });

  test('every over-limit target is reported at once, and several new policies are counted together', async () => {
    fullTarget('123456789012');
    const err = await guard(event([
      posture([FULL, 'ou-ab12-workload', 'ou-ab12-prodprod', '123456789012']),
      { Key: 'AuOnly', Name: 'bedrock-au-only', TargetIds: ['ou-ab12-workload'] },
    ], '4')).catch((e: Error) => e.message);
    expect(err).toContain(`${FULL} already has 5 SCPs`);
    expect(err).toContain('; 123456789012 already has 5 SCPs');
    // Workloads: FullAWSAccess, a guardrail and bedrock-au-residency (already attached) + bedrock-au-only = 4: fits.
    expect(err).not.toContain('ou-ab12-workload');
    expect(err).not.toContain('ou-ab12-prodprod');
    await expect(guard(event([
      posture(['ou-ab12-prodprod']),
      { Key: 'AuOnly', Name: 'bedrock-au-only', TargetIds: ['ou-ab12-prodprod'] },
      { Key: 'Other', Name: 'other', TargetIds: ['ou-ab12-prodprod'] },
    ], '3'))).rejects.toThrow('ou-ab12-prodprod already has 1 SCP (FullAWSAccess); attaching bedrock-au-residency, bedrock-au-only and other would make 4, over the limit of 3');
  });

  test('a policy already attached is not counted again (update, or rollback re-sending old properties)', async () => {
    mockOrganization();
    // Workloads carries FullAWSAccess, aws-guardrails-AbCdEf and bedrock-au-residency: full at a limit of 3.
    await expect(guard(event([posture(['ou-ab12-workload'])], '3', 'Update', [posture(['ou-ab12-workload'])]))).resolves.toBeDefined();
    // A target already over the limit does not fail a deployment that attaches nothing new to it.
    await expect(guard(event([posture(['ou-ab12-workload'])], '2'))).resolves.toBeDefined();
  });

  test('a renamed policy on update is recognised by its logical ID', async () => {
    mockOrganization();
    const renamed = event([posture(['ou-ab12-workload'], 'bedrock-au-residency-v2')], '3', 'Update', [posture(['ou-ab12-workload'])]);
    await expect(guard(renamed)).resolves.toBeDefined();
    // Without the old name it would be a fourth policy.
    await expect(guard(event([posture(['ou-ab12-workload'], 'bedrock-au-residency-v2')], '3')))
      .rejects.toThrow('attaching bedrock-au-residency-v2 would make 4, over the limit of 3');
  });

  test('throttling is retried', async () => {
    const mock = fullTarget();
    mock.on(sdk.ListPoliciesForTargetCommand, { TargetId: FULL }).rejectsOnce(named('TooManyRequestsException', 'Rate exceeded'))
      .resolves({ Policies: [{ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess' }] });
    await expect(guard(event([posture([FULL])]))).resolves.toBeDefined();
    expect(mock.commandCalls(sdk.ListPoliciesForTargetCommand)).toHaveLength(2);
  });

  test('access denied names the permission, the target and where to deploy', async () => {
    const mock = mockClient(sdk.OrganizationsClient);
    mock.on(sdk.ListPoliciesForTargetCommand).rejects(named('AccessDeniedException', 'You don\'t have permissions to access this resource.'));
    const err = await guard(event([posture([FULL])])).catch((e: Error) => e.message);
    expect(err).toMatch(new RegExp(`^Could not read the SCPs attached to ${FULL}: organizations:ListPoliciesForTarget was denied`));
    expect(err).toMatch(/deployed in the organization's management account or in a delegated administrator account/);
    expect(mock.calls()).toHaveLength(1);
  });

  test('an unknown target is named', async () => {
    const mock = mockClient(sdk.OrganizationsClient);
    mock.on(sdk.ListPoliciesForTargetCommand).rejects(named('TargetNotFoundException', 'You specified a target that doesn\'t exist.'));
    await expect(guard(event([posture(['999999999999'])])))
      .rejects.toThrow("Could not read the SCPs attached to 999999999999: organizations:ListPoliciesForTarget failed: TargetNotFoundException: You specified a target that doesn't exist.");
  });

  test('malformed properties are reported together; Delete does nothing', async () => {
    const mock = mockOrganization();
    await expect(guard(event([{ Key: 'K' } as Policy], 'five'))).rejects.toThrow(
      'ScpSlotGuard: invalid properties: Policies[0] must be { Key: string, Name: string, TargetIds: string[] }, got {"Key":"K"}; '
      + 'MaxPoliciesPerTarget must be an integer of at least 1, got "five"');
    await expect(guard(event([posture([FULL])], '5', 'Delete'))).resolves.toEqual({ PhysicalResourceId: 'ScpSlotGuard-Guard' });
    // A policy without targets (TargetIds omitted) needs no read.
    await expect(guard(event([{ Key: 'K', Name: 'n' }]))).resolves.toBeDefined();
    expect(mock.calls()).toHaveLength(0);
  });

  test('however many targets are blocked, the reason fits CloudFormation\'s 4 KB response; the log has them all', async () => {
    const targets = Array.from({ length: 200 }, (_, i) => `ou-ab12-${String(i).padStart(8, '0')}`);
    fullTarget(...targets);
    const logged: string[] = [];
    const err = await onScpSlotGuardEvent(event([posture([FULL, ...targets])]), { api: api(), retry: noSleep, log: (t) => logged.push(t) })
      .then(() => '', (e: Error) => e.message);
    expect(err.length).toBeLessThanOrEqual(2000);
    expect(Buffer.byteLength(err)).toBeLessThan(4096 - 1024); // room for the provider framework's IDs and log link
    expect(err).toMatch(/^201 targets would go over the limit of 5 SCPs per target\. Nothing was attached\. Detach a policy/);
    expect(err).toMatch(/more characters; see the function's log\)$/);
    expect(logged[0]).toContain(`${targets[199]} already has 5 SCPs`);
  });

  test('zero (or fractional) concurrency is an error, not a deployment that never finishes', async () => {
    mockOrganization();
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(onScpSlotGuardEvent(event([posture([FULL])]), { api: api(), retry: noSleep, concurrency }))
        .rejects.toThrow(/ScpSlotGuard: invalid properties: concurrency must be an integer of at least 1/);
    }
  });

  test('a repeated page token is an error, not a hang', async () => {
    const mock = mockOrganization();
    mock.on(sdk.ListPoliciesForTargetCommand, { TargetId: FULL }).resolves({ Policies: [{ Id: 'p-1', Name: 'FullAWSAccess' }], NextToken: 'again' });
    await expect(guard(event([posture([FULL])]))).rejects.toThrow(/Could not read the SCPs attached to ou-ab12-34cd56ef: .*page token "again" twice/);
  });
});
