import { arnMatch, wildcardMatch } from './wildcard';

/** Raised for policy content the evaluator does not understand, rather than guessing. */
export class UnsupportedPolicyError extends Error {}

type RequestValue = string | string[] | undefined;

/**
 * Substitutes policy variables (`${aws:username}`, `${*}`, `${?}`, `${$}`) in a
 * condition value. An unresolvable variable makes the value unusable (undefined).
 */
export function substituteVariables(value: string, context: Readonly<Record<string, RequestValue>>): string | undefined {
  let unresolved = false;
  const out = value.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
    if (name === '*' || name === '?' || name === '$') return name;
    const v = lookup(context, name);
    if (typeof v === 'string') return v;
    unresolved = true;
    return '';
  });
  return unresolved ? undefined : out;
}

/** Condition keys are case-insensitive. */
export function lookup(context: Readonly<Record<string, RequestValue>>, key: string): RequestValue {
  if (key in context) return context[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(context)) if (k.toLowerCase() === lower) return context[k];
  return undefined;
}

/** A positive single-value comparison: does the request value match one policy value? */
type Comparator = (policyValue: string, requestValue: string) => boolean;

function toNumber(s: string): number {
  const n = Number(s);
  return s.trim() === '' ? NaN : n;
}

function toDate(s: string): number {
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  return Date.parse(s);
}

function ipv4ToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return ((octets[0] * 256 + octets[1]) * 256 + octets[2]) * 256 + octets[3];
}

/** IPv4 CIDR membership by arithmetic: two addresses share a /n prefix when they agree after dropping 32-n bits. */
function ipInCidr(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const b = ipv4ToNumber(base);
  const a = ipv4ToNumber(ip);
  if (b === undefined || a === undefined || !(Number.isInteger(bits) && bits >= 0 && bits <= 32)) return cidr === ip;
  const block = 2 ** (32 - bits);
  return Math.floor(a / block) === Math.floor(b / block);
}

const numeric = (cmp: (r: number, p: number) => boolean): Comparator => (p, r) => {
  const [pn, rn] = [toNumber(p), toNumber(r)];
  return !Number.isNaN(pn) && !Number.isNaN(rn) && cmp(rn, pn);
};
const date = (cmp: (r: number, p: number) => boolean): Comparator => (p, r) => {
  const [pd, rd] = [toDate(p), toDate(r)];
  return !Number.isNaN(pd) && !Number.isNaN(rd) && cmp(rd, pd);
};

/** Base operators: name -> [comparator, negated]. Negated operators are "matches none". */
const OPERATORS: Record<string, [Comparator, boolean]> = {
  StringEquals: [(p, r) => p === r, false],
  StringNotEquals: [(p, r) => p === r, true],
  StringEqualsIgnoreCase: [(p, r) => p.toLowerCase() === r.toLowerCase(), false],
  StringNotEqualsIgnoreCase: [(p, r) => p.toLowerCase() === r.toLowerCase(), true],
  StringLike: [(p, r) => wildcardMatch(p, r), false],
  StringNotLike: [(p, r) => wildcardMatch(p, r), true],
  ArnEquals: [(p, r) => arnMatch(p, r), false],
  ArnNotEquals: [(p, r) => arnMatch(p, r), true],
  ArnLike: [(p, r) => arnMatch(p, r), false],
  ArnNotLike: [(p, r) => arnMatch(p, r), true],
  NumericEquals: [numeric((r, p) => r === p), false],
  NumericNotEquals: [numeric((r, p) => r === p), true],
  NumericLessThan: [numeric((r, p) => r < p), false],
  NumericLessThanEquals: [numeric((r, p) => r <= p), false],
  NumericGreaterThan: [numeric((r, p) => r > p), false],
  NumericGreaterThanEquals: [numeric((r, p) => r >= p), false],
  DateEquals: [date((r, p) => r === p), false],
  DateNotEquals: [date((r, p) => r === p), true],
  DateLessThan: [date((r, p) => r < p), false],
  DateLessThanEquals: [date((r, p) => r <= p), false],
  DateGreaterThan: [date((r, p) => r > p), false],
  DateGreaterThanEquals: [date((r, p) => r >= p), false],
  Bool: [(p, r) => p.toLowerCase() === r.toLowerCase(), false],
  BinaryEquals: [(p, r) => p === r, false],
  IpAddress: [(p, r) => ipInCidr(p, r), false],
  NotIpAddress: [(p, r) => ipInCidr(p, r), true],
};

/** Operators whose policy values may contain policy variables. */
const VARIABLE_OPERATORS = /^(String|Arn)/;

export function isSupportedOperator(operator: string): boolean {
  try {
    parseOperator(operator);
    return true;
  } catch {
    return false;
  }
}

interface ParsedOperator {
  readonly base: string;
  readonly set?: 'ForAllValues' | 'ForAnyValue';
  readonly ifExists: boolean;
}

const parsedOperators = new Map<string, ParsedOperator>();

/** The operator's parts; an operator is parsed once, as policies repeat the same few. */
function parseOperator(operator: string): ParsedOperator {
  let known = parsedOperators.get(operator);
  if (!known) {
    known = parseOperatorText(operator);
    if (parsedOperators.size > 1_000) parsedOperators.clear();
    parsedOperators.set(operator, known);
  }
  return known;
}

function parseOperatorText(operator: string): ParsedOperator {
  let rest = operator;
  let set: ParsedOperator['set'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon);
    if (qualifier !== 'ForAllValues' && qualifier !== 'ForAnyValue') throw new UnsupportedPolicyError(`unknown condition operator ${operator}`);
    set = qualifier;
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith('IfExists');
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  if (base === 'Null') {
    if (set || ifExists) throw new UnsupportedPolicyError(`unknown condition operator ${operator}`);
  } else if (!(base in OPERATORS)) {
    throw new UnsupportedPolicyError(`unknown condition operator ${operator}`);
  }
  return { base, set, ifExists };
}

/** Evaluates one `Operator: { key: values }` entry for one key. */
export function evaluateCondition(
  operator: string, key: string, policyValues: unknown, context: Readonly<Record<string, RequestValue>>,
): boolean {
  const { base, set, ifExists } = parseOperator(operator);
  const values = (Array.isArray(policyValues) ? policyValues : [policyValues]).map((v) => String(v));
  const requestValue = lookup(context, key);

  if (base === 'Null') {
    const absent = requestValue === undefined || (Array.isArray(requestValue) && requestValue.length === 0);
    // Any listed value may match: "true" means absent, "false" present.
    return values.some((v) => (v.toLowerCase() === 'true') === absent);
  }

  const [compare, negated] = OPERATORS[base];
  const policy = VARIABLE_OPERATORS.test(base)
    ? values.map((v) => (v.includes('${') ? substituteVariables(v, context) : v)).filter((v): v is string => v !== undefined)
    : values;
  const single = (r: string) => {
    const matches = policy.some((p) => compare(p, r));
    return negated ? !matches : matches;
  };

  const present = requestValue !== undefined && !(Array.isArray(requestValue) && requestValue.length === 0);
  if (!present) {
    if (set === 'ForAllValues') return true;
    if (set === 'ForAnyValue') return false;
    return ifExists || negated;
  }
  const requestValues = Array.isArray(requestValue) ? requestValue : [requestValue];
  if (set === 'ForAllValues') return requestValues.every(single);
  if (set === 'ForAnyValue') return requestValues.some(single);
  if (negated) return !requestValues.some((r) => policy.some((p) => compare(p, r)));
  return requestValues.some(single);
}
