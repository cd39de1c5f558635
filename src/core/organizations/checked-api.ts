import { MalformedAnswerError, withTimeout } from './call-guards';
import { OrganizationsApi, REQUIRED_PERMISSIONS } from './organizations-api';

/**
 * The `OrganizationsApi` boundary: every answer is checked against the shape
 * the interface promises before the audit or a deploy-time check reads it, and
 * every call is bounded in time. A custom implementation (or an SDK answer
 * missing a field) that returns `null`, a number for a name, or a page with a
 * `null` entry becomes a `MalformedAnswerError` naming the call and the field,
 * which callers record as a read failure: never a crash, never a silent default.
 */

/** Per-call time limit when none is given: well under a Lambda's 5 minutes and a patient user's wait. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

const show = (v: unknown): string => {
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return `a string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
};

type Check = (problems: string[], value: unknown, where: string) => void;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function requiredString(problems: string[], record: Record<string, unknown>, field: string, where: string): void {
  const v = record[field];
  if (typeof v !== 'string' || v.length === 0) problems.push(`${where}.${field} is ${show(v)}, not a non-empty string`);
}

function optionalString(problems: string[], record: Record<string, unknown>, field: string, where: string): void {
  const v = record[field];
  if (v !== undefined && typeof v !== 'string') problems.push(`${where}.${field} is ${show(v)}, not a string`);
}

const entityCheck = (extra: string[] = []): Check => (problems, value, where) => {
  if (!isRecord(value)) {
    problems.push(`${where} is ${show(value)}, not an object`);
    return;
  }
  requiredString(problems, value, 'id', where);
  for (const f of ['name', ...extra]) optionalString(problems, value, f, where);
};

const checkEntity = entityCheck();
const checkAccount = entityCheck(['status']);

const checkPolicy: Check = (problems, value, where) => {
  if (!isRecord(value)) {
    problems.push(`${where} is ${show(value)}, not an object`);
    return;
  }
  requiredString(problems, value, 'id', where);
  requiredString(problems, value, 'name', where);
  if (typeof value.content !== 'string') problems.push(`${where}.content is ${show(value.content)}, not the policy's JSON text`);
  if (value.awsManaged !== undefined && typeof value.awsManaged !== 'boolean') problems.push(`${where}.awsManaged is ${show(value.awsManaged)}, not a boolean`);
};

const checkParent: Check = (problems, value, where) => {
  if (!isRecord(value)) {
    problems.push(`${where} is ${show(value)}, not an object`);
    return;
  }
  requiredString(problems, value, 'id', where);
  if (value.type !== 'ROOT' && value.type !== 'ORGANIZATIONAL_UNIT') problems.push(`${where}.type is ${show(value.type)}, not ROOT or ORGANIZATIONAL_UNIT`);
};

const checkOrganization: Check = (problems, value, where) => {
  if (!isRecord(value)) {
    problems.push(`${where} is ${show(value)}, not an object`);
    return;
  }
  optionalString(problems, value, 'id', where);
  optionalString(problems, value, 'managementAccountId', where);
};

const listOf = (item: Check): Check => (problems, value, where) => {
  if (!Array.isArray(value)) {
    problems.push(`${where} is ${show(value)}, not a list`);
    return;
  }
  value.forEach((v, i) => item(problems, v, `${where}[${i}]`));
};

const pageOf = (item: Check): Check => (problems, value, where) => {
  if (!isRecord(value)) {
    problems.push(`${where} is ${show(value)}, not a page { items, nextToken }`);
    return;
  }
  listOf(item)(problems, value.items, `${where}.items`);
  const token = value.nextToken;
  if (token !== undefined && token !== null && typeof token !== 'string') problems.push(`${where}.nextToken is ${show(token)}, not a string`);
};

const CHECKS: Readonly<Record<keyof OrganizationsApi, Check>> = {
  describeOrganization: checkOrganization,
  listRoots: pageOf(checkEntity),
  listOrganizationalUnitsForParent: pageOf(checkEntity),
  listAccountsForParent: pageOf(checkAccount),
  listPoliciesForTarget: pageOf(checkEntity),
  describePolicy: checkPolicy,
  listPolicies: pageOf(checkEntity),
  listTargetsForPolicy: pageOf(checkEntity),
  listParents: listOf(checkParent),
  describeOrganizationalUnit: checkEntity,
  describeAccount: checkAccount,
};

/** Throws a `MalformedAnswerError` unless `value` has the shape `call` promises (at most five problems named). */
export function checkAnswer(call: keyof OrganizationsApi, value: unknown): void {
  const problems: string[] = [];
  CHECKS[call](problems, value, 'the answer');
  if (problems.length === 0) return;
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
  throw new MalformedAnswerError(`${REQUIRED_PERMISSIONS[call]} returned a malformed answer: ${problems.slice(0, 5).join('; ')}${more}`);
}

export interface CheckedApiOptions {
  /** Time limit of each call in milliseconds (0 for none). @default DEFAULT_CALL_TIMEOUT_MS */
  readonly timeoutMs?: number;
}

/**
 * The same API with every answer checked and every call bounded by
 * `timeoutMs`. Only the methods `api` has are wrapped, so a handler's narrow
 * `Pick<OrganizationsApi, ...>` stays narrow. A `null` page token is read as
 * the end of the listing, as the SDK's own paginators do.
 */
export function checkedOrganizationsApi<A extends Partial<OrganizationsApi>>(api: A, options: CheckedApiOptions = {}): A {
  if (api === null || typeof api !== 'object') throw new TypeError('the Organizations API must be an object with the OrganizationsApi methods');
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const checked: Partial<Record<keyof OrganizationsApi, unknown>> = {};
  for (const call of Object.keys(CHECKS) as (keyof OrganizationsApi)[]) {
    const method = (api as Record<string, unknown>)[call];
    if (typeof method !== 'function') continue;
    checked[call] = async (...args: unknown[]) => {
      const answer = await withTimeout(() => method.apply(api, args), timeoutMs, REQUIRED_PERMISSIONS[call]);
      checkAnswer(call, answer);
      if (isRecord(answer) && answer.nextToken === null) return { ...answer, nextToken: undefined };
      return answer;
    };
  }
  return checked as A;
}
