/**
 * Names of IAM roles and users that exist in ordinary AWS accounts, as data the
 * library judges exemption patterns against. An `aws:PrincipalArn` pattern with
 * a wildcard in its name is refused when it matches a `workload` entry (it
 * would exempt the principals that run or administer workloads), and warned
 * about when it matches a `lookalike` entry (a workload that happens to share
 * a break-glass role's prefix).
 *
 * The shapes follow AWS's own naming: IAM Identity Center creates
 * `aws-reserved/sso.amazonaws.com/[REGION/]AWSReservedSSO_<permission set>_<16 hex>`
 * roles; service-linked roles live under `aws-service-role/<service>/`; the
 * console puts service roles under `service-role/`; the CDK bootstrap creates
 * `cdk-<qualifier>-<purpose>-role-<account>-<region>`; CDK-generated roles are
 * `<Stack>-<LogicalId><hash>-<suffix>`.
 *
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
 * @see https://docs.aws.amazon.com/cdk/v2/guide/bootstrapping-env.html
 */

/** Whether a match refuses the pattern (`workload`) or draws a warning naming the match (`lookalike`). */
export type CorpusTier = 'workload' | 'lookalike';

export interface CorpusPrincipal {
  /** `role` or `user`. */
  readonly kind: 'role' | 'user';
  /** The name with its path, as it follows `role/` or `user/` in the ARN. */
  readonly name: string;
  readonly tier: CorpusTier;
  /** What the principal is, for messages. */
  readonly what: string;
}

const SSO = 'aws-reserved/sso.amazonaws.com';

const sso = (permissionSet: string, hex: string, region?: string): CorpusPrincipal => ({
  kind: 'role',
  name: `${SSO}/${region ? `${region}/` : ''}AWSReservedSSO_${permissionSet}_${hex}`,
  tier: 'workload',
  what: `the IAM Identity Center role of permission set ${permissionSet}`,
});

const role = (name: string, what: string, tier: CorpusTier = 'workload'): CorpusPrincipal => ({ kind: 'role', name, tier, what });
const user = (name: string, what: string): CorpusPrincipal => ({ kind: 'user', name, tier: 'workload', what });

const CDK_PURPOSES = ['cfn-exec', 'deploy', 'file-publishing', 'image-publishing', 'lookup'];

export const PRINCIPAL_CORPUS: readonly CorpusPrincipal[] = [
  // IAM Identity Center: one role per permission set and account; the Region segment appears for newer instances.
  sso('AdministratorAccess', '1a2b3c4d5e6f7a8b'),
  sso('PowerUserAccess', '0f1e2d3c4b5a6978'),
  sso('ReadOnlyAccess', '9a8b7c6d5e4f3a2b'),
  sso('ViewOnlyAccess', '2b3c4d5e6f7a8b9c'),
  sso('DeveloperAccess', 'abcdef0123456789'),
  sso('DataScientist', '3c4d5e6f7a8b9c0d'),
  sso('Billing', '4d5e6f7a8b9c0d1e'),
  sso('SecurityAudit', '5e6f7a8b9c0d1e2f'),
  sso('AWSAdministratorAccess', '6f7a8b9c0d1e2f3a'),
  sso('AWSPowerUserAccess', '7a8b9c0d1e2f3a4b'),
  sso('Team_App_Deploy', '8b9c0d1e2f3a4b5c'),
  sso('AdministratorAccess', 'c0ffee0123456789', 'ap-southeast-2'),
  sso('DeveloperAccess', 'deadbeef01234567', 'us-east-1'),
  // Service-linked and service roles.
  role('aws-service-role/bedrock.amazonaws.com/AWSServiceRoleForAmazonBedrock', 'a service-linked role'),
  role('aws-service-role/organizations.amazonaws.com/AWSServiceRoleForOrganizations', 'a service-linked role'),
  role('aws-service-role/sso.amazonaws.com/AWSServiceRoleForSSO', 'a service-linked role'),
  role('aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport', 'a service-linked role'),
  role('aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig', 'a service-linked role'),
  role('aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS', 'a service-linked role'),
  role('aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling', 'a service-linked role'),
  role('service-role/AmazonBedrockExecutionRoleForAgents_A1B2C3D4E5', 'a Bedrock agent service role'),
  role('service-role/AmazonBedrockExecutionRoleForKnowledgeBase_x7y8z', 'a Bedrock knowledge base service role'),
  role('service-role/AmazonSageMaker-ExecutionRole-20240101T000000', 'a SageMaker execution role'),
  role('service-role/codebuild-app-build-service-role', 'a CodeBuild service role'),
  role('AmazonBedrockExecutionRoleForFlows_Q1W2E3', 'a Bedrock flow service role'),
  // CDK bootstrap roles and roles CDK generates for functions.
  ...CDK_PURPOSES.map((p) => role(`cdk-hnb659fds-${p}-role-111122223333-ap-southeast-2`, 'a CDK bootstrap role')),
  role('MyAppStack-HandlerServiceRoleFCDC14AE-1A2B3C4D5E6F', 'a CDK-generated Lambda role'),
  role('ChatApi-ChatFunctionServiceRole8A7B6C5D-Zx9Yw8Vu7T6S', 'a CDK-generated Lambda role'),
  role('StackSet-Baseline-a1b2c3d4-LogShipperRole-0A1B2C3D', 'a StackSet-created role'),
  // Ordinary application and pipeline roles.
  role('workload', 'an application role'),
  role('MyApp-Prod-Role', 'an application role'),
  role('app-backend', 'an application role'),
  role('ecsTaskExecutionRole', 'an ECS task execution role'),
  role('lambda-execution-role', 'a Lambda role'),
  role('EC2InstanceRole', 'an EC2 instance role'),
  role('bedrock-invoker', 'a Bedrock application role'),
  role('rag_indexer.v2', 'an application role'),
  role('etl+reporting', 'an application role'),
  role('svc=payments,prod@team', 'an application role'),
  role('GitHubActionsDeployRole', 'a pipeline role'),
  role('gitlab-runner', 'a pipeline role'),
  role('terraform-deployer', 'a pipeline role'),
  role('Admin', 'an administrator role'),
  role('Developer', 'a developer role'),
  role('OrganizationAccountAccessRole', 'the administrator role AWS Organizations creates in member accounts'),
  role('x', 'a one-character role name'),
  role('Z9', 'a short role name'),
  role('_internal', 'an application role'),
  role('-', 'a one-character role name'),
  // Users.
  user('alice', 'an IAM user'),
  user('bob.smith@example.com', 'an IAM user'),
  user('ci-bot', 'a pipeline user'),
  user('svc_reporting', 'a service user'),
  // Workloads whose names begin like break-glass roles: a prefix wildcard catches them.
  role('BreakGlassTeamApp', 'an application role named like a break-glass role', 'lookalike'),
  role('BreakGlassDemo-Lambda', 'an application role named like a break-glass role', 'lookalike'),
  role('break-glass-ui', 'an application role named like a break-glass role', 'lookalike'),
  role('EmergencyAccessPortalRole', 'an application role named like an emergency-access role', 'lookalike'),
  role('AWSControlTowerExecutionHelper', 'an application role named like a Control Tower role', 'lookalike'),
];

/**
 * The characters IAM allows in role and user names (letters, digits and
 * `+=,.@_-`): 69 in all.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
 */
export const IAM_NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-';
/** Role and user names are 1-64 characters. */
export const IAM_NAME_MAX = 64;
/** Identity Center permission set names: 1-32 characters of the same set. */
export const PERMISSION_SET_NAME_MAX = 32;
export const IDENTITY_CENTER_PATH = `${SSO}/`;
