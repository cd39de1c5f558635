import { evaluateCondition, isSupportedOperator, UnsupportedPolicyError } from './condition-operators';
import { splitArn, wildcardMatch } from './wildcard';

export { UnsupportedPolicyError } from './condition-operators';

/** A request as an SCP sees it. */
export interface EvaluationRequest {
  readonly action: string;
  readonly resource: string;
  /** Request context keys (`aws:RequestedRegion`, `aws:PrincipalArn`, `bedrock:InferenceProfileArn`...). */
  readonly context: Readonly<Record<string, string | string[]>>;
}

export type ScpDecision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

/** The policies attached at one level of the hierarchy (root, an OU, or the account). */
export interface PolicyLevel {
  /** Root, OU or account ID, for messages. */
  readonly id: string;
  readonly policies: readonly { readonly name: string; readonly document: unknown }[];
}

export interface ScpEvaluation {
  readonly decision: ScpDecision;
  /** `policy/Sid` (or `policy/#index`) of every Deny statement that matched. */
  readonly deniedBy: string[];
  /** IDs of levels with no matching Allow (an implicit deny). */
  readonly noAllowAt: string[];
}

/** One statement of a policy document, as read from JSON. */
export interface PolicyStatement {
  Effect?: string;
  Sid?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

type Statement = PolicyStatement;

/** Does any of the patterns (one string or a list) pass the test? Allocates nothing: this runs millions of times in an audit. */
function anyOf(patterns: string | string[], test: (p: string) => boolean): boolean {
  if (typeof patterns === 'string') return test(patterns);
  for (const p of patterns) if (test(p)) return true;
  return false;
}

function actionMatches(patterns: string | string[], action: string): boolean {
  return anyOf(patterns, (p) => wildcardMatch(p, action, true));
}

// A short ARN pattern ending in a wildcard, padded with `*` parts to six (null: one that matches nothing).
const paddedShortArns = new Map<string, string | null>();

function padShortArn(pattern: string): string | null {
  let padded = paddedShortArns.get(pattern);
  if (padded === undefined) {
    const parts = pattern.split(':');
    const wildcardEnd = parts[parts.length - 1].endsWith('*');
    while (wildcardEnd && parts.length < 6) parts.push('*');
    padded = parts.length >= 6 ? parts.join(':') : null;
    if (paddedShortArns.size > 10_000) paddedShortArns.clear();
    paddedShortArns.set(pattern, padded);
  }
  return padded;
}

/**
 * The Resource element. ARN patterns match part by part; the partition,
 * service, Region and account parts ignore case (as the reference evaluator
 * does). A short ARN ending in a wildcard (`arn:aws:bedrock:*`) covers the
 * missing parts; a short ARN without one matches nothing in an SCP.
 */
function resourcePatternMatches(pattern: string, resource: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.startsWith('arn:')) return wildcardMatch(pattern, resource);
  const padded = padShortArn(pattern);
  if (padded === null) return false;
  const p = splitArn(padded);
  const r = splitArn(resource);
  if (!p || !r) return false;
  for (let i = 0; i < 6; i++) if (!wildcardMatch(p[i], r[i], i < 5)) return false;
  return true;
}

function isShortArn(pattern: string): boolean {
  return pattern.startsWith('arn:') && padShortArn(pattern) !== pattern;
}

/**
 * Whether the statement's Resource (or NotResource) list lets it apply.
 *
 * A request for `*` (an action without resource types, such as
 * ListFoundationModels) is matched by a literal `*` only. In NotResource, a
 * short ARN (`arn:aws:bedrock:ap-*`) cannot prove a resource is outside the
 * set: like the reference evaluator, the statement then does not apply.
 */
function resourcesApply(patterns: string | string[], not: boolean, resource: string): boolean {
  if (!not) return resource === '*' ? anyOf(patterns, (p) => p === '*') : anyOf(patterns, (p) => resourcePatternMatches(p, resource));
  if (anyOf(patterns, (p) => p === '*' || isShortArn(p))) return false;
  return resource === '*' || !anyOf(patterns, (p) => resourcePatternMatches(p, resource));
}

const parsed = new Map<string, PolicyStatement[]>();
// Documents given as objects are checked once. They are treated as immutable once evaluated: every
// caller builds them fresh (JSON.parse, or a chain reduced for one judgement) and never edits them.
const checked = new WeakMap<object, PolicyStatement[]>();

const isStringList = (v: unknown) => v === undefined || typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/**
 * The statements of a policy document (JSON text or parsed), checked for the
 * shape the evaluator relies on. Anything else raises UnsupportedPolicyError
 * naming the policy, so one malformed policy marks its accounts ERROR rather
 * than stopping the audit. Parsed text is cached (policies repeat across accounts).
 */
export function policyStatements(document: unknown, name: string): PolicyStatement[] {
  if (typeof document === 'string') {
    const hit = parsed.get(document);
    if (hit) return hit;
    let json: unknown;
    try {
      json = JSON.parse(document);
    } catch (e) {
      throw new UnsupportedPolicyError(`${name}: not valid JSON (${(e as Error).message})`);
    }
    const statements = policyStatements(json, name);
    if (parsed.size > 5_000) parsed.clear();
    parsed.set(document, statements);
    return statements;
  }
  const doc = document as { Statement?: Statement | Statement[] };
  if (!doc || typeof doc !== 'object' || doc.Statement === undefined) {
    throw new UnsupportedPolicyError(`${name}: not a policy document (no Statement)`);
  }
  const known = checked.get(doc);
  if (known) return known;
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  statements.forEach((st, i) => {
    const where = `${name}/${(st as Statement)?.Sid ?? `#${i}`}`;
    if (!st || typeof st !== 'object') throw new UnsupportedPolicyError(`${where}: a statement must be an object`);
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') throw new UnsupportedPolicyError(`${where}: Effect must be Allow or Deny, got ${JSON.stringify(st.Effect)}`);
    for (const k of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
      if (!isStringList(st[k])) throw new UnsupportedPolicyError(`${where}: ${k} must be a string or a list of strings`);
    }
    if ((st.Action === undefined) === (st.NotAction === undefined)) throw new UnsupportedPolicyError(`${where}: needs exactly one of Action and NotAction`);
    if (st.Resource !== undefined && st.NotResource !== undefined) throw new UnsupportedPolicyError(`${where}: has both Resource and NotResource`);
    if (st.Condition !== undefined) {
      if (typeof st.Condition !== 'object' || st.Condition === null || Array.isArray(st.Condition)) throw new UnsupportedPolicyError(`${where}: Condition must be an object`);
      for (const [op, keys] of Object.entries(st.Condition)) {
        if (!isSupportedOperator(op)) throw new UnsupportedPolicyError(`${where}: unknown condition operator ${op}`);
        if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) throw new UnsupportedPolicyError(`${where}: Condition.${op} must be an object of keys`);
      }
    }
  });
  checked.set(doc, statements);
  return statements;
}

function statementsOf(document: unknown, name: string): Statement[] {
  return policyStatements(document, name);
}

/** Does the statement's Action / NotAction cover the action? */
export function statementActionApplies(s: PolicyStatement, action: string): boolean {
  if (s.Action !== undefined) return actionMatches(s.Action, action);
  if (s.NotAction !== undefined) return !actionMatches(s.NotAction, action);
  return false;
}

/** Does the statement's Resource / NotResource cover the resource? */
export function statementResourceApplies(s: PolicyStatement, resource: string): boolean {
  if (s.Resource !== undefined && !resourcesApply(s.Resource, false, resource)) return false;
  if (s.NotResource !== undefined && !resourcesApply(s.NotResource, true, resource)) return false;
  return true;
}

/** Does a statement apply to the request (ignoring its effect)? */
export function statementApplies(s: PolicyStatement, request: EvaluationRequest): boolean {
  if (!statementActionApplies(s, request.action) || !statementResourceApplies(s, request.resource)) return false;
  if (s.Condition === undefined) return true;
  for (const [operator, keys] of Object.entries(s.Condition)) {
    for (const [key, values] of Object.entries(keys)) {
      if (!evaluateCondition(operator, key, values, request.context)) return false;
    }
  }
  return true;
}

/**
 * Evaluates a chain of SCPs (root first, account last) the way AWS Organizations
 * does: any matching Deny anywhere denies; otherwise every level must have a
 * matching Allow (FullAWSAccess or an explicit one), or the request is
 * implicitly denied.
 */
export function evaluateScpChain(levels: readonly PolicyLevel[], request: EvaluationRequest): ScpEvaluation {
  const deniedBy: string[] = [];
  const noAllowAt: string[] = [];
  for (const level of levels) {
    let allowed = false;
    for (const policy of level.policies) {
      statementsOf(policy.document, policy.name).forEach((s, i) => {
        if (!statementApplies(s, request)) return;
        if (s.Effect === 'Deny') deniedBy.push(`${policy.name}/${s.Sid ?? `#${i}`}`);
        else if (s.Effect === 'Allow') allowed = true;
      });
    }
    if (!allowed) noAllowAt.push(level.id);
  }
  const decision: ScpDecision = deniedBy.length > 0 ? 'ExplicitlyDenied' : noAllowAt.length > 0 ? 'ImplicitlyDenied' : 'Allowed';
  return { decision, deniedBy, noAllowAt };
}
