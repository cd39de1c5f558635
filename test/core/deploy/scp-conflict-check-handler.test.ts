/**
 * The deploy-time conflict check against a mocked Control Tower organization:
 * the landing-zone Region deny (GRREGIONDENY) and the OU Region deny control
 * (CTMULTISERVICEPV1), each governing Sydney only (conflicting) or both
 * Australian Regions (fixed); throttling and access denied.
 */
import * as sdk from '@aws-sdk/client-organizations';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { ResidencyPolicies } from '../../../src';
import { regionDenyParameters } from '../../../src/core/control-tower-region-deny';
import { CustomResourceEvent } from '../../../src/core/deploy/custom-resource-event';
import { propertiesDigest } from '../../../src/core/deploy/rollback';
import { onScpConflictCheckEvent, RESTORED_FINDINGS } from '../../../src/core/deploy/scp-conflict-check-handler';
import { sdkOrganizationsApi } from '../../../src/core/organizations/sdk-organizations-api';
import { FULL_AWS_ACCESS, landingZoneRegionDeny, ouRegionDeny } from '../../helpers/control-tower-scps';

const MANAGEMENT = '111122223333';
const ROOT = 'r-ct12';
const WORKLOADS = 'ou-ct12-workload1';
const SANDBOX = 'ou-ct12-sandbox01';
const PROD = 'ou-ct12-prodprod1';
const ACCOUNT = '333344445555';
const named = (name: string, message = 'no') => Object.assign(new Error(message), { name, $metadata: {} });
const NO_WAIT = { sleep: async () => {}, random: () => 0 };

const CT_GUARDRAIL = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'GRCLOUDTRAILENABLED', Effect: 'Deny', Action: ['cloudtrail:StopLogging'], Resource: ['arn:aws:cloudtrail:*:*:trail/aws-controltower-*'] }],
};

interface Org {
  /** Policies attached to each target, by name. */
  attached: Record<string, string[]>;
  documents: Record<string, unknown>;
}

/** Root → Workloads → Prod → account, and Root → Sandbox, every level with FullAWSAccess. */
function organization(overrides: Partial<Record<string, string[]>> = {}, documents: Record<string, unknown> = {}): Org {
  return {
    attached: {
      [ROOT]: ['FullAWSAccess'],
      [WORKLOADS]: ['FullAWSAccess', 'aws-guardrails-Mandatory', 'aws-guardrails-RegionDeny'],
      [PROD]: ['FullAWSAccess'],
      [ACCOUNT]: ['FullAWSAccess'],
      [SANDBOX]: ['FullAWSAccess', 'aws-guardrails-OuRegionDeny'],
      ...overrides,
    } as Record<string, string[]>,
    documents: {
      'FullAWSAccess': FULL_AWS_ACCESS,
      'aws-guardrails-Mandatory': CT_GUARDRAIL,
      'aws-guardrails-RegionDeny': landingZoneRegionDeny(['ap-southeast-2']),
      'aws-guardrails-OuRegionDeny': ouRegionDeny([{ key: 'AllowedRegions', value: ['ap-southeast-2'] }]),
      ...documents,
    },
  };
}

const FIXED = {
  'aws-guardrails-RegionDeny': landingZoneRegionDeny(['ap-southeast-2', 'ap-southeast-4']),
  'aws-guardrails-OuRegionDeny': ouRegionDeny(regionDenyParameters({})),
};

const PARENTS: Record<string, [string, string]> = {
  [WORKLOADS]: [ROOT, 'ROOT'], [SANDBOX]: [ROOT, 'ROOT'], [PROD]: [WORKLOADS, 'ORGANIZATIONAL_UNIT'], [ACCOUNT]: [PROD, 'ORGANIZATIONAL_UNIT'],
};

function mockOrg(org: Org): AwsClientStub<sdk.OrganizationsClient> {
  const mock = mockClient(sdk.OrganizationsClient);
  mock.on(sdk.DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abcdefghij', MasterAccountId: MANAGEMENT } });
  for (const [child, [parent, type]] of Object.entries(PARENTS)) {
    mock.on(sdk.ListParentsCommand, { ChildId: child }).resolves({ Parents: [{ Id: parent, Type: type as sdk.ParentType }] });
  }
  mock.on(sdk.ListParentsCommand, { ChildId: MANAGEMENT }).resolves({ Parents: [{ Id: ROOT, Type: 'ROOT' }] });
  const id = (name: string) => `p-${name.replace(/[^a-zA-Z0-9]/g, '').toLowerCase().slice(0, 20)}`;
  for (const [target, names] of Object.entries({ ...org.attached, [MANAGEMENT]: ['FullAWSAccess'] })) {
    mock.on(sdk.ListPoliciesForTargetCommand, { TargetId: target }).resolves({ Policies: names.map((Name) => ({ Id: id(Name), Name })) });
  }
  for (const [Name, doc] of Object.entries(org.documents)) {
    mock.on(sdk.DescribePolicyCommand, { PolicyId: id(Name) })
      .resolves({ Policy: { PolicySummary: { Id: id(Name), Name }, Content: JSON.stringify(doc) } });
  }
  return mock;
}

interface Checked { Name: string; Document: string; TargetIds: string[]; AllowedRegions: string[] }
const posture = (targets: string[], doc: unknown = ResidencyPolicies.posture(), name = 'bedrock-au-residency'): Checked => ({
  Name: name, Document: JSON.stringify(doc), TargetIds: targets, AllowedRegions: ['ap-southeast-2'],
});
const event = (Policies: Checked[], OnConflict = 'FAIL', RequestType: CustomResourceEvent['RequestType'] = 'Create', old?: Checked[]): CustomResourceEvent => ({
  RequestType,
  LogicalResourceId: 'Check',
  PhysicalResourceId: RequestType === 'Create' ? undefined : 'ScpConflictCheck-Check',
  ResourceProperties: { ServiceToken: 'arn', Policies, OnConflict },
  OldResourceProperties: old ? { ServiceToken: 'arn', Policies: old, OnConflict } : undefined,
});
const check = (e: CustomResourceEvent) =>
  onScpConflictCheckEvent(e, { api: sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ region: 'us-east-1', maxAttempts: 1 })), retry: NO_WAIT });

describe('SCP conflict check (handler) in a Control Tower organization', () => {
  let mock: AwsClientStub<sdk.OrganizationsClient> | undefined;
  afterEach(() => mock?.restore());

  test('the landing-zone Region deny without Melbourne fails the deployment with policy, statement and fix', async () => {
    mock = mockOrg(organization());
    const failure = check(event([posture([PROD])]));
    await expect(failure).rejects.toThrow(/^The SCPs already attached would break or bypass the Australian Bedrock posture, so nothing was attached: /);
    await expect(check(event([posture([PROD])]))).rejects.toThrow(
      `${PROD}: au. Sonnet 4.5 from ap-southeast-2: model leg served in ap-southeast-4 (InvokeModel) (and 1 more like it) would be denied by aws-guardrails-RegionDeny/GRREGIONDENY. `
      + 'Fix: Control Tower\'s landing-zone Region deny (aws-guardrails-RegionDeny, statement GRREGIONDENY) does not govern ap-southeast-4. '
      + 'Do not edit this Control Tower SCP (that is drift): add ap-southeast-4 to the governed Regions in the landing zone settings');
    // The whole path was read: Prod's parents up to the root, and each level's SCPs.
    expect(mock.commandCalls(sdk.ListParentsCommand).map((c) => c.args[0].input.ChildId)).toEqual([PROD, WORKLOADS, PROD, WORKLOADS]);
    const listed = mock.commandCalls(sdk.ListPoliciesForTargetCommand).map((c) => c.args[0].input.TargetId);
    expect(listed.slice(0, 3).sort()).toEqual([PROD, ROOT, WORKLOADS].sort());
  });

  test('the OU Region deny control (CT.MULTISERVICE.PV.1) without Melbourne: update AllowedRegions', async () => {
    mock = mockOrg(organization());
    await expect(check(event([posture([SANDBOX])]))).rejects.toThrow(
      /ou-ct12-sandbox01: .*model leg served in ap-southeast-4 \(InvokeModel\) \(and 1 more like it\) would be denied by aws-guardrails-OuRegionDeny\/CTMULTISERVICEPV1\. Fix: Control Tower's OU Region deny \(CT\.MULTISERVICE\.PV\.1, aws-guardrails-OuRegionDeny\) does not allow ap-southeast-4\. Update the enabled control's AllowedRegions parameter to \["ap-southeast-2", "ap-southeast-4"\]/);
  });

  test('WARN: the deployment goes on and the report is in the Findings attribute', async () => {
    mock = mockOrg(organization());
    const result = await check(event([posture([PROD, SANDBOX])], 'WARN'));
    expect(result.PhysicalResourceId).toBe(`ScpConflictCheck-Check~${propertiesDigest(event([posture([PROD, SANDBOX])], 'WARN').ResourceProperties)}`);
    expect(result.Data!.Findings).toMatch(/^ou-ct12-prodprod1: .*GRREGIONDENY.*; ou-ct12-sandbox01: .*CTMULTISERVICEPV1/);
  });

  test('the fixed organization passes: both Region denies allow both Australian Regions', async () => {
    mock = mockOrg(organization({}, FIXED));
    await expect(check(event([posture([PROD, SANDBOX, ACCOUNT])]))).resolves.toEqual({
      PhysicalResourceId: expect.stringMatching(/^ScpConflictCheck-Check~[0-9a-f]{16}$/), Data: { Findings: '' },
    });
    // Each policy is described once, however many targets share it.
    const described = mock.commandCalls(sdk.DescribePolicyCommand).map((c) => c.args[0].input.PolicyId);
    expect(described).toHaveLength(new Set(described).size);
  });

  test('an older version of the posture on the target is replaced, not counted twice', async () => {
    // The old version denied Bedrock in Melbourne outright; this deployment replaces it.
    const old = { Version: '2012-10-17', Statement: [{ Sid: 'Old', Effect: 'Deny', Action: 'bedrock:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'ap-southeast-4' } } }] };
    mock = mockOrg(organization({ [PROD]: ['FullAWSAccess', 'bedrock-au-residency'] }, { ...FIXED, 'bedrock-au-residency': old }));
    await expect(check(event([posture([PROD])]))).resolves.toMatchObject({ Data: { Findings: '' } });
  });

  test('exemptions so broad that the posture could not take effect fail the deployment', async () => {
    mock = mockOrg(organization({}, FIXED));
    // The library refuses to build such a posture; an edited or older copy of it can still carry one.
    const wide = JSON.parse(JSON.stringify(ResidencyPolicies.posture({ exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass'] }))
      .replace(/arn:aws:iam::\*:role\/BreakGlass/g, 'arn:aws:iam::*:role/*'));
    await expect(check(event([posture([PROD], wide)]))).rejects.toThrow(
      /ou-ct12-prodprod1: the posture would not take effect for workload roles: \d+ request\(s\) that must be denied would stay allowed, .*Broad exemption ArnNotLike aws:PrincipalArn arn:aws:iam::\*:role\/\* in \d+ statement\(s\).*Narrow exemptPrincipalArns/);
  });

  test('the management account as a target fails: SCPs never apply to it', async () => {
    mock = mockOrg(organization({}, FIXED));
    await expect(check(event([posture([MANAGEMENT])]))).rejects.toThrow(`${MANAGEMENT} is the organization's management account: SCPs never apply to it`);
  });

  test('throttling is retried', async () => {
    mock = mockOrg(organization({}, FIXED));
    mock.on(sdk.ListPoliciesForTargetCommand, { TargetId: PROD })
      .rejectsOnce(named('TooManyRequestsException'))
      .rejectsOnce(named('TooManyRequestsException'))
      .resolves({ Policies: [{ Id: 'p-fullawsaccess', Name: 'FullAWSAccess' }] });
    mock.on(sdk.ListParentsCommand, { ChildId: PROD }).rejectsOnce(named('TooManyRequestsException'))
      .resolves({ Parents: [{ Id: WORKLOADS, Type: 'ORGANIZATIONAL_UNIT' }] });
    await expect(check(event([posture([PROD])]))).resolves.toMatchObject({ Data: { Findings: '' } });
    expect(mock.commandCalls(sdk.ListPoliciesForTargetCommand, { TargetId: PROD })).toHaveLength(3);
  });

  test('access denied names the permission and where to deploy', async () => {
    mock = mockOrg(organization({}, FIXED));
    mock.on(sdk.ListParentsCommand, { ChildId: PROD }).rejects(named('AccessDeniedException', 'User is not authorized'));
    await expect(check(event([posture([PROD])]))).rejects.toThrow(
      /^Could not read the parent of ou-ct12-prodprod1: organizations:ListParents was denied \(User is not authorized\)\. The stack must be deployed in the organization's management account/);
    mock.on(sdk.DescribePolicyCommand).rejects(named('AccessDeniedException'));
    mock.on(sdk.ListParentsCommand, { ChildId: PROD }).resolves({ Parents: [{ Id: WORKLOADS, Type: 'ORGANIZATIONAL_UNIT' }] });
    await expect(check(event([posture([PROD])]))).rejects.toThrow(/Could not read policy FullAWSAccess: organizations:DescribePolicy was denied/);
  });

  test('on Update, a target whose posture did not change never fails (a rollback must not), a new target does', async () => {
    mock = mockOrg(organization());
    const unchanged = await check(event([posture([PROD])], 'FAIL', 'Update', [posture([PROD])]));
    expect(unchanged.Data!.Findings).toMatch(/GRREGIONDENY/);
    await expect(check(event([posture([PROD, SANDBOX])], 'FAIL', 'Update', [posture([PROD])]))).rejects.toThrow(/ou-ct12-sandbox01: .*CTMULTISERVICEPV1/);
  });

  test('a rollback under a Sydney-only Region deny does not fail on the check, even throttled', async () => {
    // Deployed when the organization allowed it (WARN), then the posture changes under a Sydney-only deny.
    mock = mockOrg(organization());
    const created = await check(event([posture([PROD])], 'WARN'));
    const forward: CustomResourceEvent = { ...event([posture([PROD, SANDBOX])], 'WARN', 'Update', [posture([PROD])]), PhysicalResourceId: created.PhysicalResourceId };
    const failing = { ...forward, ResourceProperties: { ...forward.ResourceProperties, OnConflict: 'FAIL' } };
    await expect(check(failing)).rejects.toThrow(/ou-ct12-sandbox01: .*CTMULTISERVICEPV1/);
    // CloudFormation rolls back: the old properties again, the failed ones as OldResourceProperties.
    mock.reset();
    mock.onAnyCommand().rejects(named('TooManyRequestsException'));
    const rollback: CustomResourceEvent = {
      ...failing, ResourceProperties: event([posture([PROD])], 'WARN').ResourceProperties, OldResourceProperties: failing.ResourceProperties,
    };
    await expect(check(rollback)).resolves.toEqual({ PhysicalResourceId: created.PhysicalResourceId, Data: { Findings: RESTORED_FINDINGS } });
    expect(mock.calls()).toHaveLength(0);
  });

  test('malformed properties are reported together; Delete reads nothing', async () => {
    mock = mockOrg(organization());
    const bad: CustomResourceEvent = { ...event([]), ResourceProperties: { Policies: [{ Name: 'x', Document: '{', TargetIds: [PROD] }], OnConflict: 'IGNORE' } };
    await expect(check(bad)).rejects.toThrow(
      'ScpConflictCheck: invalid properties: Policies[0] must be { Name: string, Document: policy JSON text, TargetIds: string[], AllowedRegions: string[] }; OnConflict must be one of FAIL, WARN, got "IGNORE"');
    await expect(check(event([posture([PROD])], 'FAIL', 'Delete'))).resolves.toEqual({ PhysicalResourceId: 'ScpConflictCheck-Check' });
    expect(mock.calls()).toHaveLength(0);
  });
});
