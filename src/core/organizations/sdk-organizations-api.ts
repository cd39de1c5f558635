import { OrganizationsApi, OrgAccount, OrgEntity, Page } from './organizations-api';

/**
 * Adapts `@aws-sdk/client-organizations` to the audit's OrganizationsApi. The
 * SDK module is a parameter, never imported here: the CLI passes the one it
 * loaded at run time, the Lambda handlers the one their runtime ships, tests the
 * devDependency under aws-sdk-client-mock. Create the client with
 * `maxAttempts: 1`: `withRetry` already retries throttling, and the SDK's own
 * retries would multiply the attempts.
 */
function page<T, R>(items: T[] | undefined, nextToken: string | undefined, map: (t: T) => R): Page<R> {
  return { items: (items ?? []).map(map), nextToken };
}

const entity = (x: { Id?: string; Name?: string }): OrgEntity => ({ id: x.Id!, name: x.Name });
const account = (x: { Id?: string; Name?: string; Status?: string; State?: string }): OrgAccount => ({
  id: x.Id!, name: x.Name, status: x.State ?? x.Status,
});

/**
 * The audit's calls over an OrganizationsClient. `sdk` is the SDK module, so
 * tests can pass the real one (with aws-sdk-client-mock) and the CLI the one it loaded.
 */
export function sdkOrganizationsApi(sdk: any, client: any): OrganizationsApi {
  const send = (command: string, input: object) => client.send(new sdk[command](input));
  const SCP = 'SERVICE_CONTROL_POLICY';
  return {
    describeOrganization: async () => {
      const r = await send('DescribeOrganizationCommand', {});
      return { id: r.Organization?.Id, managementAccountId: r.Organization?.MasterAccountId };
    },
    listRoots: async (NextToken) => {
      const r = await send('ListRootsCommand', { NextToken });
      return page(r.Roots, r.NextToken, entity);
    },
    listOrganizationalUnitsForParent: async (ParentId, NextToken) => {
      const r = await send('ListOrganizationalUnitsForParentCommand', { ParentId, NextToken });
      return page(r.OrganizationalUnits, r.NextToken, entity);
    },
    listAccountsForParent: async (ParentId, NextToken) => {
      const r = await send('ListAccountsForParentCommand', { ParentId, NextToken });
      return page(r.Accounts, r.NextToken, account);
    },
    listPoliciesForTarget: async (TargetId, NextToken) => {
      const r = await send('ListPoliciesForTargetCommand', { TargetId, Filter: SCP, NextToken });
      return page(r.Policies, r.NextToken, entity);
    },
    describePolicy: async (PolicyId) => {
      const r = await send('DescribePolicyCommand', { PolicyId });
      const s = r.Policy?.PolicySummary ?? {};
      return { id: s.Id ?? PolicyId, name: s.Name ?? PolicyId, content: r.Policy?.Content ?? '', awsManaged: s.AwsManaged ?? false };
    },
    listPolicies: async (NextToken) => {
      const r = await send('ListPoliciesCommand', { Filter: SCP, NextToken });
      return page(r.Policies, r.NextToken, entity);
    },
    listTargetsForPolicy: async (PolicyId, NextToken) => {
      const r = await send('ListTargetsForPolicyCommand', { PolicyId, NextToken });
      return page(r.Targets, r.NextToken, (t: { TargetId?: string; Name?: string }) => ({ id: t.TargetId!, name: t.Name }));
    },
    listParents: async (ChildId) => {
      const r = await send('ListParentsCommand', { ChildId });
      return (r.Parents ?? []).map((p: { Id: string; Type: string }) => ({ id: p.Id, type: p.Type }));
    },
    describeOrganizationalUnit: async (OrganizationalUnitId) => {
      const r = await send('DescribeOrganizationalUnitCommand', { OrganizationalUnitId });
      return entity(r.OrganizationalUnit ?? { Id: OrganizationalUnitId });
    },
    describeAccount: async (AccountId) => {
      const r = await send('DescribeAccountCommand', { AccountId });
      return account(r.Account ?? { Id: AccountId });
    },
  };
}
