/**
 * The read-only AWS Organizations calls the audit makes, as a small interface.
 * The CLI adapts `@aws-sdk/client-organizations` to it; tests and benchmarks
 * can supply their own. Keeping the SDK behind it keeps the policy core free of
 * the SDK (and of its install weight for construct-library users).
 */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

export interface OrgEntity {
  readonly id: string;
  readonly name?: string;
}

export interface OrgAccount extends OrgEntity {
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE. */
  readonly status?: string;
}

export interface OrgPolicy {
  readonly id: string;
  readonly name: string;
  /** The policy JSON text. */
  readonly content: string;
  /** True for AWS-managed policies such as FullAWSAccess. */
  readonly awsManaged?: boolean;
}

export interface OrgParent {
  readonly id: string;
  /** ROOT or ORGANIZATIONAL_UNIT. */
  readonly type: string;
}

export interface OrganizationsApi {
  describeOrganization(): Promise<{ id?: string; managementAccountId?: string }>;
  listRoots(nextToken?: string): Promise<Page<OrgEntity>>;
  listOrganizationalUnitsForParent(parentId: string, nextToken?: string): Promise<Page<OrgEntity>>;
  listAccountsForParent(parentId: string, nextToken?: string): Promise<Page<OrgAccount>>;
  /** Service control policies attached directly to a root, OU or account. */
  listPoliciesForTarget(targetId: string, nextToken?: string): Promise<Page<OrgEntity>>;
  describePolicy(policyId: string): Promise<OrgPolicy>;
  /** Every service control policy of the organization (pages of at most 20). */
  listPolicies(nextToken?: string): Promise<Page<OrgEntity>>;
  /** Roots, OUs and accounts a policy is attached to directly (pages of at most 20). */
  listTargetsForPolicy(policyId: string, nextToken?: string): Promise<Page<OrgEntity>>;
  listParents(childId: string): Promise<OrgParent[]>;
  describeOrganizationalUnit(ouId: string): Promise<OrgEntity>;
  describeAccount(accountId: string): Promise<OrgAccount>;
}

/** The IAM action behind each call, for error messages and the README. */
export const REQUIRED_PERMISSIONS: Readonly<Record<keyof OrganizationsApi, string>> = {
  describeOrganization: 'organizations:DescribeOrganization',
  listRoots: 'organizations:ListRoots',
  listOrganizationalUnitsForParent: 'organizations:ListOrganizationalUnitsForParent',
  listAccountsForParent: 'organizations:ListAccountsForParent',
  listPoliciesForTarget: 'organizations:ListPoliciesForTarget',
  describePolicy: 'organizations:DescribePolicy',
  listPolicies: 'organizations:ListPolicies',
  listTargetsForPolicy: 'organizations:ListTargetsForPolicy',
  listParents: 'organizations:ListParents',
  describeOrganizationalUnit: 'organizations:DescribeOrganizationalUnit',
  describeAccount: 'organizations:DescribeAccount',
};
