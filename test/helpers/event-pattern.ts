/**
 * An offline evaluator for Amazon EventBridge event patterns, for the subset this
 * library emits plus what AWS's documented examples need: exact values (strings,
 * numbers, null, ""), `prefix`, `suffix`, `equals-ignore-case`, `wildcard`,
 * `anything-but` (a value, a list, `{prefix}`, `{suffix}`, `{wildcard}`),
 * `exists`, `numeric`, IPv4 `cidr`, `$or`, nested objects and arrays in events.
 *
 * Semantics, from "Content filtering in Amazon EventBridge event patterns" and the
 * Event Ruler README (aws/event-ruler), the library EventBridge matches with:
 * - fields named in a pattern are ANDed; the matchers listed for one field are ORed;
 * - a field must be present in the event for any matcher but `exists: false`
 *   (so `anything-but` does not match an event that lacks the field);
 * - `exists` looks at leaf values only: an object where a leaf is expected does
 *   not "exist" (the documented `c-count: { c1: 100 }` example);
 * - an array in the event matches if any element matches; objects inside arrays
 *   are descended element by element;
 * - `$or` takes two or more sub-patterns at the same level, any of which may match.
 */

type Json = unknown;
const MISSING = Symbol('missing');
type Leaf = string | number | boolean | null;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The leaf values at one pattern leaf: every scalar reached, arrays flattened. */
function leafValues(value: unknown): Leaf[] {
  if (Array.isArray(value)) return value.flatMap(leafValues);
  if (isObject(value)) return [];
  return [value as Leaf];
}

function wildcardToRegExp(wildcard: string): RegExp {
  let re = '';
  for (let i = 0; i < wildcard.length; i++) {
    const c = wildcard[i];
    if (c === '\\' && (wildcard[i + 1] === '*' || wildcard[i + 1] === '\\')) {
      re += `\\${wildcard[++i]}`;
    } else if (c === '*') {
      re += '.*';
    } else {
      re += c.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`, 's');
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

function cidrMatches(cidr: string, value: Leaf): boolean {
  const [base, bitsText] = cidr.split('/');
  const ip = typeof value === 'string' ? ipv4ToInt(value) : undefined;
  const net = ipv4ToInt(base);
  if (ip === undefined || net === undefined) return false;
  const size = 2 ** (32 - Number(bitsText));
  return Math.floor(ip / size) === Math.floor(net / size);
}

function numericMatches(spec: unknown[], value: Leaf): boolean {
  if (typeof value !== 'number') return false;
  for (let i = 0; i < spec.length; i += 2) {
    const op = spec[i];
    const bound = spec[i + 1] as number;
    const ok = op === '=' ? value === bound
      : op === '<' ? value < bound
        : op === '<=' ? value <= bound
          : op === '>' ? value > bound
            : op === '>=' ? value >= bound
              : unsupported(`numeric operator ${String(op)}`);
    if (!ok) return false;
  }
  return true;
}

function unsupported(what: string): never {
  throw new Error(`event-pattern evaluator: ${what} is not supported`);
}

/** A string matcher object such as `{ prefix: "x" }` or `{ prefix: { "equals-ignore-case": "x" } }`. */
function stringMatcher(kind: 'prefix' | 'suffix' | 'wildcard' | 'equals-ignore-case', arg: unknown, value: Leaf): boolean {
  if (typeof value !== 'string') return false;
  if (kind === 'wildcard') {
    const list = Array.isArray(arg) ? arg : [arg];
    return list.some((w) => wildcardToRegExp(String(w)).test(value));
  }
  let needle = arg;
  let v = value;
  if (isObject(arg) && 'equals-ignore-case' in arg) {
    needle = String(arg['equals-ignore-case']).toLowerCase();
    v = value.toLowerCase();
  } else if (typeof arg !== 'string') {
    unsupported(`${kind} with ${JSON.stringify(arg)}`);
  }
  const n = String(needle);
  if (kind === 'prefix') return v.startsWith(n);
  if (kind === 'suffix') return v.endsWith(n);
  return v.toLowerCase() === n.toLowerCase();
}

function anythingBut(arg: unknown, value: Leaf): boolean {
  if (isObject(arg)) {
    const [kind] = Object.keys(arg);
    if (kind === 'prefix' || kind === 'suffix' || kind === 'wildcard' || kind === 'equals-ignore-case') {
      return typeof value === 'string' && !stringMatcher(kind, arg[kind], value);
    }
    return unsupported(`anything-but ${kind}`);
  }
  const excluded = Array.isArray(arg) ? arg : [arg];
  return !excluded.some((e) => e === value);
}

/** Whether one matcher (an element of a pattern leaf array) accepts one leaf value. */
function matcherAccepts(matcher: unknown, value: Leaf): boolean {
  if (!isObject(matcher)) return matcher === value;
  const keys = Object.keys(matcher);
  if (keys.length !== 1) unsupported(`matcher ${JSON.stringify(matcher)}`);
  const [kind] = keys;
  const arg = matcher[kind];
  switch (kind) {
    case 'prefix': case 'suffix': case 'wildcard': case 'equals-ignore-case':
      return stringMatcher(kind, arg, value);
    case 'anything-but': return anythingBut(arg, value);
    case 'numeric': return numericMatches(arg as unknown[], value);
    case 'cidr': return cidrMatches(String(arg), value);
    default: return unsupported(`matcher ${kind}`);
  }
}

function leafMatches(matchers: unknown[], eventValue: unknown): boolean {
  const values = eventValue === MISSING ? [] : leafValues(eventValue);
  return matchers.some((m) => {
    if (isObject(m) && 'exists' in m) return (values.length > 0) === m.exists;
    return values.some((v) => matcherAccepts(m, v));
  });
}

function objectMatches(pattern: Record<string, unknown>, event: unknown): boolean {
  // Objects nested in arrays are matched element by element.
  if (Array.isArray(event)) return event.some((e) => objectMatches(pattern, e));
  return Object.entries(pattern).every(([key, sub]) => {
    if (key === '$or' && Array.isArray(sub) && sub.length >= 2 && sub.every(isObject)) {
      return sub.some((alt) => objectMatches(alt as Record<string, unknown>, event));
    }
    const value = isObject(event) && key in event ? event[key] : MISSING;
    if (Array.isArray(sub)) return leafMatches(sub, value);
    if (isObject(sub)) return objectMatches(sub, value === MISSING ? {} : value);
    return unsupported(`pattern value ${JSON.stringify(sub)} (use an array)`);
  });
}

/** Whether an EventBridge event pattern matches an event. */
export function eventPatternMatches(pattern: Json, event: Json): boolean {
  if (!isObject(pattern)) throw new Error('an event pattern is a JSON object');
  return objectMatches(pattern, event);
}

/**
 * The event EventBridge builds from a CloudTrail record: `detail` is the record,
 * `source` is `aws.` plus the service name of `eventSource`.
 */
export function cloudTrailEnvelope(record: Record<string, any>): Record<string, unknown> {
  return {
    'version': '0',
    'id': record.eventID ?? '00000000-0000-0000-0000-000000000000',
    'detail-type': 'AWS API Call via CloudTrail',
    'source': `aws.${String(record.eventSource).split('.')[0]}`,
    'account': record.recipientAccountId,
    'time': record.eventTime,
    'region': record.awsRegion,
    'resources': [],
    'detail': record,
  };
}
