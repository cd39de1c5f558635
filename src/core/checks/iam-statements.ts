import { globMatches } from './glob';
import { IntrinsicContext, ResolvedString, UNKNOWN, intrinsicName, resolveStringList } from './intrinsics';
import { KnownManagedPolicy, managedPolicyAttachments } from './managed-policies';
import { TemplateResource, locationOf } from './template';

/** Resource types whose `PolicyDocument` is an identity policy. */
const POLICY_DOCUMENT_TYPES: readonly string[] = [
  'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy',
];
/** Resource types with inline identity policies under `Policies[].PolicyDocument`. */
const INLINE_POLICY_TYPES: readonly string[] = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];
/**
 * IAM Identity Center permission sets: `InlinePolicy` is a policy document,
 * as an object or as JSON text.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sso-permissionset.html
 */
const PERMISSION_SET_TYPE = 'AWS::SSO::PermissionSet';

export interface LocatedStatement {
  /** `Properties/PolicyDocument/Statement/0`, `Properties/Policies/1/PolicyDocument/Statement/2`. */
  readonly location: string;
  readonly statement: Readonly<Record<string, unknown>>;
  /**
   * The AWS managed policy the statement comes from, when it is not written in
   * the template: `location` is then where the policy is attached.
   */
  readonly managedPolicy?: KnownManagedPolicy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A policy document may be written as JSON text; an intrinsic standing for the whole document cannot be read. */
function documentOf(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return isRecord(value) && intrinsicName(value) === undefined ? value : undefined;
}

function statementsOf(document: unknown, at: string): LocatedStatement[] {
  const doc = documentOf(document);
  if (!doc) return [];
  const raw = doc.Statement;
  if (Array.isArray(raw)) {
    return raw.flatMap((s, i) => (isRecord(s) && intrinsicName(s) === undefined
      ? [{ location: locationOf(at, 'Statement', i), statement: s }] : []));
  }
  return isRecord(raw) && intrinsicName(raw) === undefined ? [{ location: locationOf(at, 'Statement'), statement: raw }] : [];
}

/**
 * The statements of the AWS managed policies a resource attaches that the checks
 * know and expand (not the broad ones: see `ManagedPolicyTreatment`), each
 * located at its attachment.
 */
function managedStatementsOf(resource: TemplateResource, ctx: IntrinsicContext): LocatedStatement[] {
  return managedPolicyAttachments(resource, ctx).flatMap(({ location, known }) => (known && known.treatment === 'grant'
    ? known.document.Statement.map((statement) => ({ location, statement, managedPolicy: known }))
    : []));
}

/**
 * Every identity-policy statement of an IAM resource or permission set, with
 * where it sits: inline documents, and the documents of the AWS managed
 * policies it attaches that the checks know. Other resources have none.
 */
export function identityStatementsOf(resource: TemplateResource, ctx: IntrinsicContext = { resourceTypes: {} }): LocatedStatement[] {
  return [...inlineStatementsOf(resource), ...managedStatementsOf(resource, ctx)];
}

function inlineStatementsOf(resource: TemplateResource): LocatedStatement[] {
  if (resource.type === PERMISSION_SET_TYPE) {
    return statementsOf(resource.properties.InlinePolicy, 'Properties/InlinePolicy');
  }
  if (POLICY_DOCUMENT_TYPES.includes(resource.type)) {
    return statementsOf(resource.properties.PolicyDocument, 'Properties/PolicyDocument');
  }
  if (INLINE_POLICY_TYPES.includes(resource.type)) {
    const policies = resource.properties.Policies;
    if (!Array.isArray(policies)) return [];
    return policies.flatMap((p, i) => (isRecord(p)
      ? statementsOf(p.PolicyDocument, locationOf('Properties/Policies', i, 'PolicyDocument')) : []));
  }
  return [];
}

export interface ActionGrant {
  /** `Action` or `NotAction`. */
  readonly field: 'Action' | 'NotAction';
  /** Which of the asked-about actions the statement allows. */
  readonly granted: string[];
  /** How the grant reads in a message: the matching patterns, or the NotAction list. */
  readonly display: string;
}

/**
 * Which of `actions` an Allow statement grants. Action names compare
 * case-insensitively, as IAM does. An action written as a deploy-time value
 * matches nothing: the checks report what they can read.
 */
export function grantedActions(statement: Readonly<Record<string, unknown>>, actions: readonly string[], ctx: IntrinsicContext): ActionGrant {
  const read = (v: unknown) => resolveStringList(v, ctx).map((e) => e.value)
    .filter((r) => !r.text.includes(UNKNOWN));
  if (statement.NotAction !== undefined) {
    const excluded = read(statement.NotAction);
    const granted = actions.filter((a) => !excluded.some((p) => globMatches(p.text, a, { ignoreCase: true })));
    return { field: 'NotAction', granted, display: `NotAction [${excluded.map((p) => p.display).join(', ')}] (every other action)` };
  }
  const patterns = read(statement.Action);
  const matching: ResolvedString[] = patterns.filter((p) => actions.some((a) => globMatches(p.text, a, { ignoreCase: true })));
  const granted = actions.filter((a) => matching.some((p) => globMatches(p.text, a, { ignoreCase: true })));
  return { field: 'Action', granted, display: matching.map((p) => p.display).join(', ') };
}

export function isAllow(statement: Readonly<Record<string, unknown>>): boolean {
  return statement.Effect === 'Allow';
}
