import { IConstruct } from 'constructs';
import { ScpKind } from './scp-kinds';
import { ScpLimits } from './scp-quota';
import { PolicyDocumentJson } from '../core/policy-json';
import { MAX_SCP_SIZE, MAX_SCPS_PER_TARGET } from '../core/quota-maximums';
import { minify, sizeReport } from '../core/size-budget';
import { resolveResidencyRules, ResidencyRules } from '../core/statements/residency-rules';
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

/** A policy whose props passed every check, ready to synthesize. */
export interface CheckedScp {
  readonly rules: ResidencyRules;
  readonly document: PolicyDocumentJson;
  /** Minified JSON, tokens as CDK token strings. */
  readonly json: string;
  /** Minified size with each token counted at `TOKEN_SIZE_ESTIMATE`. */
  readonly size: number;
  readonly tokens: number;
  readonly limits: ScpLimits;
  /** Accepted exemptions with a wildcard in a name: what else they match. */
  readonly warnings: string[];
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

/** Minified size with every token counted at the estimate. */
function estimatedSize(json: string): { size: number; tokens: number } {
  const tokenPattern = /\$\{Token\[[^\]]+\]\}/g;
  const tokens = json.match(tokenPattern)?.length ?? 0;
  return { size: json.replace(tokenPattern, '').length + tokens * TOKEN_SIZE_ESTIMATE, tokens };
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
 * residency options, and the minified size against the quota. Returns the
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
  const document = kind.document(rules);
  const json = minify(document);
  const { size, tokens } = estimatedSize(json);
  const report = sizeReport(size, limits.maxPolicySize);
  if (!report.fits) {
    errors.add('quota.maxPolicySize',
      `the minified policy is ${size} characters, ${-report.headroom} over the limit of ${report.limit}. `
      + 'Remove exemptions or allowed application profiles, or split the posture into AuOnlyInferenceScp and RegionAllowlistScp'
      + (limits.maxPolicySize < MAX_SCP_SIZE ? `, or raise quota.maxPolicySize (AWS allows at most ${MAX_SCP_SIZE})` : ''));
    return undefined;
  }
  return { rules, document, json, size, tokens, limits, warnings: exemptionWarnings(view, isToken) };
}
