import { OrganizationsApi, OrgAccount, OrgEntity, Page } from '../core/audit/organizations-api';

/**
 * Adapts `@aws-sdk/client-organizations` to the audit's OrganizationsApi.
 *
 * The SDK is loaded at run time, not declared as a dependency: the construct
 * library's users never need it, and jsii would otherwise have to bundle it
 * (about 3,000 files). `npx cdk-sovereign-bedrock audit` tells the user to
 * install it when it is missing.
 */
export const ORGANIZATIONS_SDK = '@aws-sdk/client-organizations';

export class MissingSdkError extends Error {}

/** Loads the SDK module, or explains how to get it. */
export function loadOrganizationsSdk(require_: (id: string) => any = require): any {
  try {
    return require_(ORGANIZATIONS_SDK);
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
    throw new MissingSdkError(
      `The audit reads AWS Organizations with ${ORGANIZATIONS_SDK}, which is not installed. Install it next to this package `
      + `(npm install --save-dev ${ORGANIZATIONS_SDK}) or run: npx -p cdk-sovereign-bedrock -p ${ORGANIZATIONS_SDK} cdk-sovereign-bedrock audit`);
  }
}

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
