/**
 * Reads string values out of CloudFormation templates as far as they can be
 * known before deployment. Synthesized templates spell ARNs with intrinsics
 * (`{"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":bedrock:ap-southeast-2:", ...]]}`);
 * the checks need the literal parts and must know which parts are not known.
 */

/**
 * Stands in for a part only CloudFormation knows (`AWS::Region` of an
 * environment-agnostic stack, a parameter, an attribute). Contains no `:` or
 * `/`, so ARN segments stay where they are; no literal ARN contains it.
 */
export const UNKNOWN = '\u2047';

export interface ResolvedString {
  /** The value with every unknown part replaced by `UNKNOWN`. */
  readonly text: string;
  /** The value for people to read: unknown parts as `${AWS::Region}`, `${Bucket.Arn}`. */
  readonly display: string;
  /** Logical IDs of resources of the same template the value refers to (`Ref`, `Fn::GetAtt`, `${X.Attr}`). */
  readonly refs: readonly string[];
}

/** What the resolver knows about the template around a value. */
export interface IntrinsicContext {
  /** Logical ID to resource type, for every resource in the template. */
  readonly resourceTypes: Readonly<Record<string, string>>;
}

/**
 * The partition does not decide residency; `aws` keeps ARNs readable. The URL
 * suffix is equally harmless. Everything else is unknown until deployment.
 */
const KNOWN_PSEUDO: Readonly<Record<string, string>> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

const NO_VALUE = 'AWS::NoValue';

function known(text: string): ResolvedString {
  return { text, display: text, refs: [] };
}

function unknown(display: string, refs: readonly string[] = []): ResolvedString {
  return { text: UNKNOWN, display: `\${${display}}`, refs };
}

function concat(parts: readonly ResolvedString[], delimiter = ''): ResolvedString {
  return {
    text: parts.map((p) => p.text).join(delimiter),
    display: parts.map((p) => p.display).join(delimiter),
    refs: parts.flatMap((p) => p.refs),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single key of an intrinsic function object (`Ref`, `Fn::Join`...), if it is one. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0];
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : undefined;
}

/** `AWS::NoValue`: the property or list element is absent. */
export function isNoValue(value: unknown): boolean {
  return isObject(value) && value.Ref === NO_VALUE && Object.keys(value).length === 1;
}

function resolveRef(name: unknown, ctx: IntrinsicContext): ResolvedString {
  if (typeof name !== 'string') return unknown('Ref');
  if (KNOWN_PSEUDO[name] !== undefined) return known(KNOWN_PSEUDO[name]);
  return unknown(name, ctx.resourceTypes[name] !== undefined ? [name] : []);
}

function resolveGetAtt(args: unknown): ResolvedString {
  const [id, attr] = Array.isArray(args) ? args : typeof args === 'string' ? args.split('.') : [];
  if (typeof id !== 'string') return unknown('Fn::GetAtt');
  return unknown(`${id}.${typeof attr === 'string' ? attr : '?'}`, [id]);
}

function resolveJoin(args: unknown, ctx: IntrinsicContext): ResolvedString {
  if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== 'string' || !Array.isArray(args[1])) {
    return unknown('Fn::Join');
  }
  const parts = (args[1] as unknown[]).filter((p) => !isNoValue(p)).map((p) => resolveString(p, ctx) ?? unknown('?'));
  return concat(parts, args[0]);
}

function resolveSub(args: unknown, ctx: IntrinsicContext): ResolvedString {
  const [template, vars] = typeof args === 'string' ? [args, {}] : Array.isArray(args) ? args : [undefined, undefined];
  if (typeof template !== 'string') return unknown('Fn::Sub');
  const variables = isObject(vars) ? vars : {};
  const parts: ResolvedString[] = [];
  // `${!Literal}` is an escaped dollar-brace; `${Name}` and `${Res.Attr}` are substitutions.
  const re = /\$\{(!?)([^}]*)\}/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    parts.push(known(template.slice(last, m.index)));
    last = m.index + m[0].length;
    const [, bang, name] = m;
    if (bang) {
      parts.push(known(`\${${name}}`));
    } else if (name in variables) {
      parts.push(resolveString(variables[name], ctx) ?? unknown(name));
    } else if (name.includes('.')) {
      parts.push(resolveGetAtt(name));
    } else {
      parts.push(resolveRef(name, ctx));
    }
  }
  parts.push(known(template.slice(last)));
  return concat(parts);
}

/**
 * A template value as a string, or undefined when it is not string-like at all
 * (a number, a boolean, a list, a plain object). Intrinsics that cannot be
 * evaluated before deployment (`Fn::ImportValue`, `Fn::If`, `Fn::Select`...)
 * become `UNKNOWN`; nothing here throws.
 */
export function resolveString(value: unknown, ctx: IntrinsicContext): ResolvedString | undefined {
  if (typeof value === 'string') return known(value);
  const fn = intrinsicName(value);
  if (fn === undefined) return undefined;
  const args = (value as Record<string, unknown>)[fn];
  switch (fn) {
    case 'Ref': return resolveRef(args, ctx);
    case 'Fn::GetAtt': return resolveGetAtt(args);
    case 'Fn::Join': return resolveJoin(args, ctx);
    case 'Fn::Sub': return resolveSub(args, ctx);
    default: return unknown(fn);
  }
}

/**
 * A template value that IAM reads as "a string or a list of strings" (Action,
 * Resource), element by element with its index. `AWS::NoValue` elements are
 * dropped; an intrinsic standing for the whole list becomes one unknown element.
 */
export function resolveStringList(value: unknown, ctx: IntrinsicContext): { index: number | undefined; value: ResolvedString }[] {
  if (value === undefined || isNoValue(value)) return [];
  if (Array.isArray(value)) {
    return value.flatMap((v, index) => {
      if (isNoValue(v)) return [];
      const r = resolveString(v, ctx);
      return r ? [{ index, value: r }] : [];
    });
  }
  const single = resolveString(value, ctx);
  return single ? [{ index: undefined, value: single }] : [];
}

export function isFullyUnknown(value: ResolvedString): boolean {
  return value.text.split(UNKNOWN).every((part) => part === '');
}
