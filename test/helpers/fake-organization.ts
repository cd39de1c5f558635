/**
 * A realistic organization served through aws-sdk-client-mock: Control Tower
 * guardrails, FullAWSAccess everywhere, the posture on some OUs and not others,
 * a direct attachment, nested OUs and paginated listings.
 */
import * as sdk from '@aws-sdk/client-organizations';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { FULL_AWS_ACCESS, landingZoneRegionDeny } from './control-tower-scps';
import { fullSurfacePosture } from './full-surface-posture';
import { ResidencyPolicies } from '../../src';

export const MANAGEMENT = '111111111111';

/** Control Tower's mandatory CloudTrail guardrail (abridged), attached to every registered OU. */
const CT_GUARDRAIL = {
  Version: '2012-10-17',
  Statement: [{
    Sid: 'GRCLOUDTRAILENABLED',
    Effect: 'Deny',
    Action: ['cloudtrail:DeleteTrail', 'cloudtrail:StopLogging', 'cloudtrail:UpdateTrail'],
    Resource: ['arn:aws:cloudtrail:*:*:trail/aws-controltower-*'],
    Condition: { ArnNotLike: { 'aws:PrincipalARN': 'arn:aws:iam::*:role/AWSControlTowerExecution' } },
  }],
};

export const POLICIES: Record<string, { name: string; doc: unknown; awsManaged?: boolean }> = {
  'p-FullAWSAccess': { name: 'FullAWSAccess', doc: FULL_AWS_ACCESS, awsManaged: true },
  'p-guardrail1': { name: 'aws-guardrails-AbCdEf', doc: CT_GUARDRAIL },
  // Control Tower's landing-zone Region deny: no bedrock in its NotAction list, so it blocks Melbourne legs.
  'p-regiondeny': { name: 'aws-guardrails-RegionDeny', doc: landingZoneRegionDeny(['ap-southeast-2']) },
  // A hand-written posture over the whole governed surface, so these tests do not depend on the library's own.
  'p-posture0001': { name: 'bedrock-au-residency', doc: fullSurfacePosture() },
  'p-auonly0001': { name: 'bedrock-au-only-inference-profiles', doc: ResidencyPolicies.auOnlyInference() },
};

interface Node { id: string; name: string; policies: string[]; ous?: Node[]; accounts?: { id: string; name: string; policies: string[] }[] }

export const ORG: Node = {
  id: 'r-ab12',
  name: 'Root',
  policies: ['p-FullAWSAccess'],
  accounts: [{ id: MANAGEMENT, name: 'management', policies: ['p-FullAWSAccess'] }],
  ous: [
    {
      id: 'ou-ab12-security',
      name: 'Security',
      policies: ['p-FullAWSAccess', 'p-guardrail1', 'p-posture0001'],
      accounts: [{ id: '222222222222', name: 'audit', policies: ['p-FullAWSAccess'] }],
    },
    {
      id: 'ou-ab12-workload',
      name: 'Workloads',
      policies: ['p-FullAWSAccess', 'p-guardrail1', 'p-posture0001'],
      ous: [
        { id: 'ou-ab12-prodprod', name: 'Prod', policies: ['p-FullAWSAccess'], accounts: [{ id: '333333333333', name: 'prod-app', policies: ['p-FullAWSAccess'] }] },
        { id: 'ou-ab12-devdevde', name: 'Dev', policies: ['p-FullAWSAccess', 'p-regiondeny'], accounts: [{ id: '444444444444', name: 'dev-app', policies: ['p-FullAWSAccess'] }] },
      ],
    },
    {
      id: 'ou-ab12-sandboxx',
      name: 'Sandbox',
      policies: ['p-FullAWSAccess', 'p-guardrail1'],
      accounts: [
        { id: '555555555555', name: 'sandbox-1', policies: ['p-FullAWSAccess'] },
        { id: '666666666666', name: 'sandbox-2', policies: ['p-FullAWSAccess', 'p-auonly0001'] },
        { id: '777777777777', name: 'sandbox-3', policies: ['p-FullAWSAccess'] },
      ],
    },
  ],
};

function* walk(n: Node, parent?: Node): Generator<[Node, Node | undefined]> {
  yield [n, parent];
  for (const c of n.ous ?? []) yield* walk(c, n);
}

/** A response as a stub returns it (the SDK adds `$metadata` to real ones). */
type Answer<T> = Omit<T, '$metadata'>;

/** A lookup key from the request fields that select an answer; an absent field is the empty string. */
const key = (...parts: (string | undefined)[]): string => parts.map((p) => p ?? '').join('\u0000');

/**
 * Registers the organization on a fresh mock; listings of more than two items come in pages of two.
 *
 * Each command has one stub that answers from a table, as the service would: a request the table
 * does not hold gets no answer (undefined), as an unmatched stub gives. One stub per request instead
 * would make every call test every stub's input with a deep comparison: most of these suites' CPU.
 * A test's own `mock.on(Command, input)` registered afterwards still takes precedence.
 */
export function mockOrganization(): AwsClientStub<sdk.OrganizationsClient> {
  const mock = mockClient(sdk.OrganizationsClient);
  const pages = <T>(items: T[], token?: string) => {
    const start = token ? Number(token) : 0;
    const next = start + 2 < items.length ? String(start + 2) : undefined;
    return { items: items.slice(start, start + 2), next };
  };
  const ouPages = new Map<string, Answer<sdk.ListOrganizationalUnitsForParentCommandOutput>>();
  const accountPages = new Map<string, Answer<sdk.ListAccountsForParentCommandOutput>>();
  const attached = new Map<string, Answer<sdk.ListPoliciesForTargetCommandOutput>>();
  const describedOus = new Map<string, Answer<sdk.DescribeOrganizationalUnitCommandOutput>>();
  const parents = new Map<string, Answer<sdk.ListParentsCommandOutput>>();
  const describedAccounts = new Map<string, Answer<sdk.DescribeAccountCommandOutput>>();
  const policyPages = new Map<string, Answer<sdk.ListPoliciesCommandOutput>>();
  const targetPages = new Map<string, Answer<sdk.ListTargetsForPolicyCommandOutput>>();
  const describedPolicies = new Map<string, Answer<sdk.DescribePolicyCommandOutput>>();

  mock.on(sdk.DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abcdef1234', MasterAccountId: MANAGEMENT } });
  mock.on(sdk.ListRootsCommand).resolves({ Roots: [{ Id: ORG.id, Name: ORG.name }] });
  mock.on(sdk.ListOrganizationalUnitsForParentCommand)
    .callsFake((i: sdk.ListOrganizationalUnitsForParentCommandInput) => ouPages.get(key(i.ParentId, i.NextToken)));
  mock.on(sdk.ListAccountsForParentCommand).callsFake((i: sdk.ListAccountsForParentCommandInput) => accountPages.get(key(i.ParentId, i.NextToken)));
  mock.on(sdk.ListPoliciesForTargetCommand).callsFake((i: sdk.ListPoliciesForTargetCommandInput) => attached.get(key(i.TargetId)));
  mock.on(sdk.DescribeOrganizationalUnitCommand)
    .callsFake((i: sdk.DescribeOrganizationalUnitCommandInput) => describedOus.get(key(i.OrganizationalUnitId)));
  mock.on(sdk.ListParentsCommand).callsFake((i: sdk.ListParentsCommandInput) => parents.get(key(i.ChildId)));
  mock.on(sdk.DescribeAccountCommand).callsFake((i: sdk.DescribeAccountCommandInput) => describedAccounts.get(key(i.AccountId)));
  mock.on(sdk.ListPoliciesCommand).callsFake((i: sdk.ListPoliciesCommandInput) => policyPages.get(key(i.Filter, i.NextToken)));
  mock.on(sdk.ListTargetsForPolicyCommand).callsFake((i: sdk.ListTargetsForPolicyCommandInput) => targetPages.get(key(i.PolicyId, i.NextToken)));
  mock.on(sdk.DescribePolicyCommand).callsFake((i: sdk.DescribePolicyCommandInput) => describedPolicies.get(key(i.PolicyId)));

  for (const [node, parent] of walk(ORG)) {
    for (const token of [undefined, '2', '4']) {
      const ous = pages(node.ous ?? [], token);
      ouPages.set(key(node.id, token), { OrganizationalUnits: ous.items.map((o) => ({ Id: o.id, Name: o.name })), NextToken: ous.next });
      const accounts = pages(node.accounts ?? [], token);
      accountPages.set(key(node.id, token), { Accounts: accounts.items.map((a) => ({ Id: a.id, Name: a.name, Status: 'ACTIVE' })), NextToken: accounts.next });
    }
    attached.set(key(node.id), { Policies: node.policies.map((id) => ({ Id: id, Name: POLICIES[id].name })) });
    describedOus.set(key(node.id), { OrganizationalUnit: { Id: node.id, Name: node.name } });
    if (parent) {
      parents.set(key(node.id), { Parents: [{ Id: parent.id, Type: parent === ORG ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] });
    }
    for (const a of node.accounts ?? []) {
      attached.set(key(a.id), { Policies: a.policies.map((id) => ({ Id: id, Name: POLICIES[id].name })) });
      parents.set(key(a.id), { Parents: [{ Id: node.id, Type: node === ORG ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] });
      describedAccounts.set(key(a.id), { Account: { Id: a.id, Name: a.name, Status: 'ACTIVE' } });
    }
  }
  // Per-policy reading: every SCP, and the targets of each, in pages of two.
  const policyIds = Object.keys(POLICIES);
  for (const token of [undefined, '2', '4']) {
    const page = pages(policyIds, token);
    policyPages.set(key('SERVICE_CONTROL_POLICY', token), { Policies: page.items.map((id) => ({ Id: id, Name: POLICIES[id].name })), NextToken: page.next });
  }
  const attachments = new Map<string, { id: string; name: string; type: string }[]>();
  for (const [node] of walk(ORG)) {
    const entries: [string, string, string[]][] = [[node.id, node === ORG ? 'ROOT' : 'ORGANIZATIONAL_UNIT', node.policies],
      ...(node.accounts ?? []).map((a): [string, string, string[]] => [a.id, 'ACCOUNT', a.policies])];
    for (const [id, type, policies] of entries) {
      for (const p of policies) attachments.set(p, [...(attachments.get(p) ?? []), { id, name: id, type }]);
    }
  }
  for (const [policyId, targets] of attachments) {
    for (let start = 0; start < targets.length; start += 2) {
      const token = start === 0 ? undefined : String(start);
      targetPages.set(key(policyId, token), {
        Targets: targets.slice(start, start + 2).map((t) => ({ TargetId: t.id, Name: t.name, Type: t.type as sdk.TargetType })),
        NextToken: start + 2 < targets.length ? String(start + 2) : undefined,
      });
    }
  }
  for (const [id, p] of Object.entries(POLICIES)) {
    describedPolicies.set(key(id), {
      Policy: { PolicySummary: { Id: id, Name: p.name, AwsManaged: p.awsManaged ?? false }, Content: JSON.stringify(p.doc) },
    });
  }
  return mock;
}
