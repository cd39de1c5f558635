import { CfnElement, CfnParameter, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { isSovereignBedrockValidationError, SovereignBedrockValidationError, ValidationErrors } from '../core/validation-errors';

/** `Token.isUnresolved`, handed to the CDK-free validators. */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/**
 * How a token in a policy-shaping prop is treated. Every token is resolved at
 * synth (`Stack.resolve`) and the result judged:
 * - `literal`: the value must resolve to a plain string (a `Lazy.string`, an
 *   `Fn.join` of literals), which is then checked like any literal; anything
 *   that only CloudFormation can resolve is refused (Regions, profile
 *   prefixes, services, acknowledgements, actions).
 * - `principal`: as `literal`, and also the account ID pseudo parameter inside
 *   an ARN (checked with the stack's account, or `000000000000` for an
 *   environment-agnostic stack) and the `Arn` of an IAM role or user defined in
 *   the app (such an ARN names one principal and has no wildcard).
 * - `application-profile`: as `principal`, for the ARN of an application
 *   inference profile defined in the app.
 * - `model-arn`: as `principal`, for an `...Arn` or `...Id` attribute of a
 *   Bedrock resource defined in the app (a guardrail, a custom model).
 */
export type TokenRule = 'literal' | 'principal' | 'application-profile' | 'model-arn';

/** Deploy-time attributes that name one thing, without wildcards, per rule. */
const SAFE_ATTRIBUTES: Record<TokenRule, (type: string, attribute: string) => boolean> = {
  'literal': () => false,
  'principal': (type, attribute) => (type === 'AWS::IAM::Role' || type === 'AWS::IAM::User') && attribute === 'Arn',
  'application-profile': (type, attribute) => type === 'AWS::Bedrock::ApplicationInferenceProfile'
    && (attribute === 'InferenceProfileArn' || attribute === 'Arn'),
  'model-arn': (type, attribute) => type.startsWith('AWS::Bedrock::') && (attribute.endsWith('Arn') || attribute.endsWith('Id')),
};

/** The outcome for one token: a string to check instead, a deploy-time value to pass, or a problem. */
export type TokenVerdict =
  | { readonly kind: 'check'; readonly value: string }
  | { readonly kind: 'deploy-time' }
  | { readonly kind: 'problem'; readonly message: string };

type Segment = { lit: string } | { account: true } | { attr: string; safe: boolean } | { opaque: string };

/** What a resolved CloudFormation expression is made of, or a description of why it cannot be read. */
function segments(scope: IConstruct, v: unknown, rule: TokenRule): Segment[] {
  if (typeof v === 'string') return [{ lit: v }];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return [{ opaque: `a ${Array.isArray(v) ? 'list' : typeof v}` }];
  const keys = Object.keys(v);
  const o = v as Record<string, any>;
  if (keys.length !== 1) return [{ opaque: 'an object' }];
  if (keys[0] === 'Ref') return [ref(scope, o.Ref)];
  if (keys[0] === 'Fn::GetAtt' && Array.isArray(o['Fn::GetAtt'])) {
    const [logicalId, attribute] = o['Fn::GetAtt'];
    const type = resourceType(scope, logicalId);
    return [{ attr: `${type ?? logicalId}.${attribute}`, safe: type !== undefined && SAFE_ATTRIBUTES[rule](type, attribute) }];
  }
  if (keys[0] === 'Fn::Join' && Array.isArray(o['Fn::Join']) && Array.isArray(o['Fn::Join'][1]) && typeof o['Fn::Join'][0] === 'string') {
    const [delimiter, parts] = o['Fn::Join'] as [string, unknown[]];
    return parts.flatMap((p, i) => [...(i > 0 ? [{ lit: delimiter }] : []), ...segments(scope, p, rule)]);
  }
  if (keys[0] === 'Fn::Sub') {
    const [body, vars] = Array.isArray(o['Fn::Sub']) ? o['Fn::Sub'] : [o['Fn::Sub'], {}];
    if (typeof body !== 'string') return [{ opaque: 'Fn::Sub' }];
    const out: Segment[] = [];
    let rest = body;
    for (let m = /\$\{([^}]*)\}/.exec(rest); m; m = /\$\{([^}]*)\}/.exec(rest)) {
      out.push({ lit: rest.slice(0, m.index) });
      const name = m[1];
      if (name.startsWith('!')) {out.push({ lit: `\${${name.slice(1)}}` });} else if (vars && typeof vars === 'object' && name in vars) {out.push(...segments(scope, vars[name], rule));} else if (name.includes('.')) {
        const [logicalId, attribute] = name.split('.', 2);
        out.push(...segments(scope, { 'Fn::GetAtt': [logicalId, attribute] }, rule));
      } else {out.push(ref(scope, name));}
      rest = rest.slice(m.index + m[0].length);
    }
    out.push({ lit: rest });
    return out;
  }
  return [{ opaque: keys[0] }];
}

function ref(scope: IConstruct, name: unknown): Segment {
  switch (name) {
    case 'AWS::AccountId': return { account: true };
    case 'AWS::Partition': return { lit: 'aws' };
    case 'AWS::URLSuffix': return { lit: 'amazonaws.com' };
    default:
  }
  if (typeof name === 'string' && name.startsWith('AWS::')) return { opaque: `the pseudo parameter ${name}` };
  const element = elementOf(scope, name);
  return { opaque: element instanceof CfnParameter ? `the CloudFormation parameter ${String(name)}, which could hold anything` : `a Ref to ${String(name)}` };
}

function elementOf(scope: IConstruct, logicalId: unknown): CfnElement | undefined {
  for (const c of scope.node.root.node.findAll()) {
    if (CfnElement.isCfnElement(c) && Stack.of(c).resolve(c.logicalId) === logicalId) return c;
  }
  return undefined;
}

function resourceType(scope: IConstruct, logicalId: unknown): string | undefined {
  const element = elementOf(scope, logicalId);
  return element instanceof CfnResource ? element.cfnResourceType : undefined;
}

/** Judges one token of a policy-shaping prop (see `TokenRule`). */
export function judgeToken(scope: IConstruct, value: unknown, rule: TokenRule, what: string): TokenVerdict {
  const stack = Stack.of(scope);
  let resolved: unknown;
  try {
    resolved = stack.resolve(value);
  } catch (e) {
    return { kind: 'problem', message: `is a deploy-time value that cannot be resolved at synth time (${(e as Error).message}). Give ${what} itself` };
  }
  const segs = segments(scope, resolved, rule);
  if (segs.length === 1 && 'attr' in segs[0] && segs[0].safe) return { kind: 'deploy-time' };
  const unreadable = segs.find((s) => 'opaque' in s || 'attr' in s || ('account' in s && rule === 'literal'));
  if (unreadable) {
    const why = 'opaque' in unreadable ? unreadable.opaque : 'attr' in unreadable ? `the deploy-time attribute ${unreadable.attr}` : 'the account ID';
    return {
      kind: 'problem',
      message: `is a deploy-time value (${why}) that cannot be checked at synth time, and it shapes the policy. Give ${what} itself`,
    };
  }
  const account = Token.isUnresolved(stack.account) ? '000000000000' : stack.account;
  return { kind: 'check', value: segs.map((s) => ('lit' in s ? s.lit : account)).join('') };
}

/** Which rule each policy-shaping list prop of a props object follows, and what to call its elements. */
export type TokenSpec = Readonly<Record<string, { readonly rule: TokenRule; readonly what: string }>>;

/**
 * A copy of `props` for checking: in each list named by `spec`, a token list
 * that resolves to a literal list is replaced by it, and each token element by
 * what it resolves to (`judgeToken`). Problems are recorded under
 * `prefix + prop[i]`; elements that are deploy-time values of a safe kind, or
 * refused, stay tokens (the validators skip them). The policy itself is built
 * from the original props: this copy only feeds the checks.
 */
export function resolvedForChecks<T extends object>(scope: IConstruct, props: T, spec: TokenSpec, errors: ValidationErrors, prefix = ''): T {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return props;
  const out: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  for (const [prop, { rule, what }] of Object.entries(spec)) {
    let list = (props as Record<string, unknown>)[prop];
    if (Token.isUnresolved(list)) {
      try {
        const whole = Stack.of(scope).resolve(list);
        if (Array.isArray(whole) && whole.every((e) => typeof e === 'string')) list = whole;
      } catch {
        // left a token: the list check refuses it
      }
    }
    if (!Array.isArray(list)) {
      out[prop] = list;
      continue;
    }
    out[prop] = list.map((element, i) => {
      if (!Token.isUnresolved(element)) return element;
      const verdict = judgeToken(scope, element, rule, what);
      if (verdict.kind === 'check') return verdict.value;
      if (verdict.kind === 'problem') errors.add(`${prefix}${prop}[${i}]`, verdict.message);
      return element;
    });
  }
  return out as T;
}

/** True when any list named by `spec` is, or holds, a token. */
export function hasTokens(props: unknown, spec: TokenSpec): boolean {
  if (typeof props !== 'object' || props === null) return false;
  return Object.keys(spec).some((prop) => {
    const list = (props as Record<string, unknown>)[prop];
    return Token.isUnresolved(list) || (Array.isArray(list) && list.some((e) => Token.isUnresolved(e)));
  });
}

/**
 * Checks again at synth, after every `Lazy` value has its final say: `check`
 * re-resolves the tokens and runs the same validators. New problems throw the
 * library's validation error from `app.synth()`, naming the props as the
 * constructor would have.
 */
export function recheckAtSynth(construct: IConstruct, source: string, check: (errors: ValidationErrors) => void): void {
  construct.node.addValidation({
    validate: () => {
      const errors = new ValidationErrors();
      try {
        check(errors);
      } catch (e) {
        if (!isSovereignBedrockValidationError(e)) throw e;
        errors.addAll(e.problems);
      }
      if (errors.count > 0) throw new SovereignBedrockValidationError(source, errors.problems, construct.node.path);
      return [];
    },
  });
}
