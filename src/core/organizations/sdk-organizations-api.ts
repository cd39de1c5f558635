import { MalformedAnswerError } from './call-guards';
import { OrganizationsApi, OrgAccount, OrgEntity, Page } from './organizations-api';

/**
 * Adapts `@aws-sdk/client-organizations` to the audit's OrganizationsApi. The
 * SDK module is a parameter, never imported here: the CLI passes the one it
 * loaded at run time, the Lambda handlers the one their runtime ships, tests the
 * devDependency under aws-sdk-client-mock. Create the client with
 * `maxAttempts: 1`: `withRetry` already retries throttling, and the SDK's own
 * retries would multiply the attempts.
 *
 * A field the API documents as part of a successful answer but that is
 * missing (a page without `Policies`, a policy without `Content`) is a
 * `MalformedAnswerError`, never an empty list or a default: an empty list
 * would let the slot guard pass a target that already holds 10 SCPs.
 */
function missing(command: string, field: string): MalformedAnswerError {
  return new MalformedAnswerError(`organizations:${command.replace(/Command$/, '')} returned an answer without ${field}`);
}

function page<T, R>(command: string, answer: any, field: string, map: (t: T) => R): Page<R> {
  const items = answer?.[field];
  if (!Array.isArray(items)) throw missing(command, `a ${field} list`);
  const nextToken = answer.NextToken ?? undefined;
  if (nextToken !== undefined && typeof nextToken !== 'string') throw missing(command, 'a string NextToken');
  return { items: items.map((x: T) => map(x)), nextToken };
}

const entity = (x: { Id?: string; Name?: string } | null | undefined): OrgEntity => ({ id: x?.Id!, name: x?.Name });
const account = (x: { Id?: string; Name?: string; Status?: string; State?: string } | null | undefined): OrgAccount => ({
  id: x?.Id!, name: x?.Name, status: x?.State ?? x?.Status,
});

/**
 * The audit's calls over an OrganizationsClient. `sdk` is the SDK module, so
 * tests can pass the real one (with aws-sdk-client-mock) and the CLI the one it loaded.
 * Wrap the result in `checkedOrganizationsApi` to check every item's fields too.
 */
export function sdkOrganizationsApi(sdk: any, client: any): OrganizationsApi {
  const send = (command: string, input: object) => client.send(new sdk[command](input));
  const SCP = 'SERVICE_CONTROL_POLICY';
  const required = (command: string, answer: any, field: string) => {
    const v = answer?.[field];
    if (v === null || typeof v !== 'object') throw missing(command, field);
    return v;
  };
  return {
    describeOrganization: async () => {
      const o = required('DescribeOrganizationCommand', await send('DescribeOrganizationCommand', {}), 'Organization');
      return { id: o.Id, managementAccountId: o.MasterAccountId };
    },
    listRoots: async (NextToken) => page('ListRootsCommand', await send('ListRootsCommand', { NextToken }), 'Roots', entity),
    listOrganizationalUnitsForParent: async (ParentId, NextToken) => page('ListOrganizationalUnitsForParentCommand',
      await send('ListOrganizationalUnitsForParentCommand', { ParentId, NextToken }), 'OrganizationalUnits', entity),
    listAccountsForParent: async (ParentId, NextToken) => page('ListAccountsForParentCommand',
      await send('ListAccountsForParentCommand', { ParentId, NextToken }), 'Accounts', account),
    listPoliciesForTarget: async (TargetId, NextToken) => page('ListPoliciesForTargetCommand',
      await send('ListPoliciesForTargetCommand', { TargetId, Filter: SCP, NextToken }), 'Policies', entity),
    describePolicy: async (PolicyId) => {
      const p = required('DescribePolicyCommand', await send('DescribePolicyCommand', { PolicyId }), 'Policy');
      const s = p.PolicySummary;
      if (s === null || typeof s !== 'object') throw missing('DescribePolicyCommand', 'Policy.PolicySummary');
      if (typeof p.Content !== 'string') throw missing('DescribePolicyCommand', 'Policy.Content');
      return { id: s.Id ?? PolicyId, name: s.Name, content: p.Content, awsManaged: s.AwsManaged ?? false };
    },
    listPolicies: async (NextToken) => page('ListPoliciesCommand', await send('ListPoliciesCommand', { Filter: SCP, NextToken }), 'Policies', entity),
    listTargetsForPolicy: async (PolicyId, NextToken) => page('ListTargetsForPolicyCommand',
      await send('ListTargetsForPolicyCommand', { PolicyId, NextToken }), 'Targets',
      (t: { TargetId?: string; Name?: string } | null) => ({ id: t?.TargetId!, name: t?.Name })),
    listParents: async (ChildId) => page('ListParentsCommand', await send('ListParentsCommand', { ChildId }), 'Parents',
      (p: { Id?: string; Type?: string } | null) => ({ id: p?.Id!, type: p?.Type! })).items,
    describeOrganizationalUnit: async (OrganizationalUnitId) => entity(required('DescribeOrganizationalUnitCommand',
      await send('DescribeOrganizationalUnitCommand', { OrganizationalUnitId }), 'OrganizationalUnit')),
    describeAccount: async (AccountId) => account(required('DescribeAccountCommand', await send('DescribeAccountCommand', { AccountId }), 'Account')),
  };
}
