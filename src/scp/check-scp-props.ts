import { IConstruct, Node } from 'constructs';
import { ScpKind } from './scp-kinds';
import { ScpLimits } from './scp-quota';
import { PolicyDocumentJson } from '../core/policy-json';
import { MAX_SCP_SIZE, MAX_SCPS_PER_TARGET } from '../core/quota-maximums';
import { minify } from '../core/size-budget';
import { resolveResidencyRules, ResidencyRules } from '../core/statements/residency-rules';
import { planSpill } from '../core/statements/spill';
import { exemptionWarnings, validateResidencyRulesInput } from '../core/statements/validate-residency-rules';
import { ValidationErrors } from '../core/validation-errors';
import {
  checkObject, checkPolicyDescription, checkPolicyName, checkPositiveInteger, checkTargetIds, describeType,
} from '../core/validators';
import { hasTokens, isToken, recheckAtSynth, resolvedForChecks, TokenSpec } from '../private/tokens';

/**
 * Characters assumed for each unresolved token in a policy (an ARN resolved by
 * CloudFormation). Generous for a role ARN; the real size is known only at deploy.
 */
export const TOKEN_SIZE_ESTIMATE = 128;

/** One SCP of a checked policy: the whole posture, or one part of it when it spills. */
export interface CheckedScpPart {
  readonly document: PolicyDocumentJson;
  /** Minified JSON, tokens as CDK token strings. */
  readonly json: string;
  /** Minified size with each token counted at `TOKEN_SIZE_ESTIMATE`. */
  readonly size: number;
  readonly tokens: number;
}

/**
 * The residency props that shape the policy, and how a token in each is
 * judged (docs/refusals.md lists the same): resolved at synth and checked, or
 * refused when only CloudFormation can resolve it. A role's or profile's ARN
 * defined in the app passes as a deploy-time value.
 */
export const RESIDENCY_TOKEN_SPEC: TokenSpec = {
  exemptPrincipalArns: { rule: 'principal', what: 'the principal ARN pattern (arn:aws:iam::*:role/BreakGlass) or a role\'s roleArn' },
  acknowledgedAccountWideExemptions: { rule: 'principal', what: 'the pattern as written in exemptPrincipalArns' },
  allowedRegions: { rule: 'literal', what: 'the Region code (ap-southeast-2)' },
  allowedProfilePrefixes: { rule: 'literal', what: 'the prefix (au.)' },
  allowedApplicationInferenceProfileArns: { rule: 'application-profile', what: 'the profile ARN, or the profile\'s attrInferenceProfileArn' },
  coveredServices: { rule: 'literal', what: 'the service (CoveredService.BEDROCK)' },
};

/** The residency checks on the props with their tokens resolved (see `RESIDENCY_TOKEN_SPEC`); returns the props as checked. */
export function checkResidencyWithTokens(scope: IConstruct | undefined, props: Record<string, any>, errors: ValidationErrors): Record<string, any> {
  const view = scope ? resolvedForChecks(scope, props, RESIDENCY_TOKEN_SPEC, errors) : props;
  validateResidencyRulesInput(view, errors, isToken);
  return view;
}

/** A policy whose props passed every check, ready to synthesize. */
export interface CheckedScp extends CheckedScpPart {
  readonly rules: ResidencyRules;
  readonly limits: ScpLimits;
  /**
   * The SCPs the policy takes: one when it fits the size quota, else the
   * fewest that hold its statements (the first is `document`).
   */
  readonly parts: readonly CheckedScpPart[];
  /** Minified size of all the statements in one document (the size of `document` when nothing spilled). */
  readonly wholeSize: number;
  /** SCP slots per target the quota leaves for this policy. */
  readonly slotBudget: number;
  /** Accepted exemptions with a wildcard in a name: what else they match. */
  readonly warnings: string[];
}

const TOKEN_PATTERN = /\$\{Token\[[^\]]+\]\}/g;

/** Minified size with every token counted at the estimate. */
function estimatedSize(json: string): { size: number; tokens: number } {
  const tokens = json.match(TOKEN_PATTERN)?.length ?? 0;
  return { size: json.replace(TOKEN_PATTERN, '').length + tokens * TOKEN_SIZE_ESTIMATE, tokens };
}

function part(document: PolicyDocumentJson): CheckedScpPart {
  const json = minify(document);
  return { document, json, ...estimatedSize(json) };
}

/** The quota settings, each between its floor and AWS's maximum. */
function checkQuota(quota: unknown, errors: ValidationErrors): void {
  if (!checkObject('quota', quota, errors)) return;
  const q = quota as Record<string, number | undefined>;
  checkPositiveInteger('quota.maxPolicySize', q.maxPolicySize, errors, 1, MAX_SCP_SIZE);
  checkPositiveInteger('quota.maxPoliciesPerTarget', q.maxPoliciesPerTarget, errors, 1, MAX_SCPS_PER_TARGET);
  checkPositiveInteger('quota.policiesAttachedElsewhere', q.policiesAttachedElsewhere, errors, 0, MAX_SCPS_PER_TARGET - 1);
}

/**
 * Every check of an SCP construct's props, in one place for the three SCP
 * classes and for constructs that create them: the shared props, the
 * residency options, and the minified size against the quota (spilling the
 * statements over the fewest SCPs the per-target slot budget allows). Returns the
 * policy only when nothing is wrong. Untyped callers' mistakes (no props, a
 * string for a list, `null` elements) are problems like any other.
 */
export function checkScpProps(kind: ScpKind, props: unknown, errors: ValidationErrors, scope?: IConstruct): CheckedScp | undefined {
  if (props === undefined || props === null || typeof props !== 'object' || Array.isArray(props)) {
    errors.add('props', `must be an object with at least targetIds, got ${describeType(props)}`);
    return undefined;
  }
  const p = props as Record<string, any>;
  if (p.targetIds === undefined || p.targetIds === null) {
    errors.add('targetIds', 'is required: the roots, OUs or accounts to attach the policy to (ou-ab12-34cd56ef, 123456789012, r-ab12)');
  } else {
    checkTargetIds('targetIds', p.targetIds, errors, isToken);
  }
  checkPolicyName('policyName', p.policyName, errors, isToken);
  checkPolicyDescription('description', p.description, errors, isToken);
  checkQuota(p.quota, errors);
  const view = checkResidencyWithTokens(scope, p, errors);
  if (errors.count > 0) return undefined;
  // A Lazy value may still change before synth: the same checks run again then.
  if (scope && hasTokens(p, RESIDENCY_TOKEN_SPEC)) recheckAtSynth(scope, kind.name, (e) => checkResidencyWithTokens(scope, p, e));

  const limits = ScpLimits.resolve(p.quota ?? {});
  const rules = resolveResidencyRules(p);
  const packed = packedFor(kind, rules, limits, scope);
  if ('problem' in packed) {
    errors.add(packed.prop, packed.problem);
    return undefined;
  }
  const { parts, wholeSize, slotBudget } = packed;
  const name = p.policyName;
  if (parts.length > 1 && typeof name === 'string' && !isToken(name) && name.length + `-part${parts.length}`.length > 128) {
    errors.add('policyName', `"${name}" leaves no room for the suffix -part${parts.length} of the SCPs the posture spills into `
      + `(${parts.length} SCPs); Organizations allows 128 characters. Use at most ${128 - `-part${parts.length}`.length}`);
    return undefined;
  }
  return { ...parts[0], rules, limits, parts, wholeSize, slotBudget, warnings: exemptionWarnings(view, isToken) };
}

type Packed = { parts: CheckedScpPart[]; wholeSize: number; slotBudget: number } | { prop: string; problem: string };

/**
 * Packed documents by kind, rules and quota. A landing zone often makes one
 * construct per OU with the same options: they share one packing (and one
 * document object each, as a hand-written `CfnPolicy` reused across OUs
 * would), which keeps synth time close to that baseline. Bounded, so an app
 * with many distinct postures does not grow it without end.
 */
const PACKED = new WeakMap<IConstruct, Map<string, Packed>>();
const PACKED_MAX = 64;

function packedFor(kind: ScpKind, rules: ResidencyRules, limits: ScpLimits, scope: IConstruct | undefined): Packed {
  const key = JSON.stringify([kind.name, rules, limits.maxPolicySize, limits.maxPoliciesPerTarget, limits.policiesAttachedElsewhere]);
  // One cache per app (construct tree), so that each app pays for its own packing once.
  const root = scope ? Node.of(scope).root : undefined;
  let cache = root ? PACKED.get(root) : undefined;
  if (root && !cache) {
    cache = new Map();
    PACKED.set(root, cache);
  }
  const cached = cache?.get(key);
  if (cached) return cached;
  const slotBudget = Math.max(0, limits.maxPoliciesPerTarget - limits.policiesAttachedElsewhere);
  const plan = planSpill(rules, (r) => kind.statements(r), limits.maxPolicySize, slotBudget,
    (statement) => estimatedSize(JSON.stringify(statement)).size);
  let result: Packed;
  if (!plan.fits) {
    result = {
      prop: plan.tooLarge.length > 0 ? 'quota.maxPolicySize' : 'quota.maxPoliciesPerTarget',
      problem: `${plan.advice}. The budget is quota.maxPoliciesPerTarget (${limits.maxPoliciesPerTarget}) less `
        + `quota.policiesAttachedElsewhere (${limits.policiesAttachedElsewhere})`
        + (limits.maxPolicySize < MAX_SCP_SIZE ? `; or raise quota.maxPolicySize (${limits.maxPolicySize}; AWS allows at most ${MAX_SCP_SIZE})` : ''),
    };
  } else {
    const parts = plan.documents.map(part);
    result = { parts, wholeSize: parts.length === 1 ? parts[0].size : estimatedSize(minify(kind.document(rules))).size, slotBudget };
  }
  if (cache) {
    if (cache.size >= PACKED_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  }
  return result;
}
