import { PolicyDocumentJson, StatementJson } from './core/policy-json';
import { MAX_SCP_SIZE, MAX_SCPS_PER_TARGET } from './core/quota-maximums';
import { DEFAULT_MAX_POLICIES_PER_TARGET, DEFAULT_MAX_POLICY_SIZE, DEFAULT_POLICIES_ATTACHED_ELSEWHERE, minifiedSize } from './core/size-budget';
import {
  auOnlyInferenceDocument, auOnlyInferenceStatements, regionAllowlistDocument, regionAllowlistStatements,
  residencyPostureDocument, residencyPostureStatements,
} from './core/statements/documents';
import { resolveResidencyRules, ResidencyRules } from './core/statements/residency-rules';
import { planSpill } from './core/statements/spill';
import { validateResidencyRulesInput } from './core/statements/validate-residency-rules';
import { ValidationErrors } from './core/validation-errors';
import { checkBoolean, checkObject, checkPositiveInteger, describeType } from './core/validators';
import { AuOnlyInferenceOptions, ExemptionScope, RegionAllowlistOptions } from './scp/residency-scp-props';

/** Options for generating residency policy documents without CDK. */
export interface ResidencyPolicyOptions extends AuOnlyInferenceOptions, RegionAllowlistOptions {
  /**
   * `aws:PrincipalArn` patterns exempt from the statements `exemptionScope` names (break-glass roles).
   * @default - none
   */
  readonly exemptPrincipalArns?: string[];

  /**
   * Which statements the principals of `exemptPrincipalArns` pass.
   * @default ExemptionScope.ADMINISTRATION
   */
  readonly exemptionScope?: ExemptionScope;

  /**
   * Patterns of `exemptPrincipalArns` that exempt every role (or user) of one
   * account (`arn:aws:iam::111122223333:role/*`), accepted as intended. Without
   * this such a pattern is refused; every role of every account always is.
   * @default - none: account-wide exemptions are refused
   */
  readonly acknowledgedAccountWideExemptions?: string[];
}

/**
 * The SCP quota `ResidencyPolicies` checks its documents against, and what it
 * does with one over it.
 */
export interface ResidencyPolicyLimits {
  /**
   * Largest minified policy, in characters.
   * @default 10240 (AWS Organizations' quota since 15 May 2026)
   */
  readonly maxPolicySize?: number;

  /**
   * Return a document over `maxPolicySize` instead of refusing it, and report
   * it as a Node.js process warning (code `CDK_SOVEREIGN_BEDROCK_SCP_OVERSIZE`).
   * Organizations refuses such a policy when it is created: use
   * `ResidencyPolicies.postureDocuments()` to get SCPs that fit.
   * @default false: a document over the quota throws
   */
  readonly reportOversize?: boolean;

  /**
   * Most SCPs attached to one root, OU or account (`postureDocuments` only).
   * @default 10
   */
  readonly maxPoliciesPerTarget?: number;

  /**
   * SCPs attached to each target by others (FullAWSAccess, Control Tower's
   * guardrails), which `postureDocuments` leaves room for.
   * @default 1
   */
  readonly policiesAttachedElsewhere?: number;
}

/** The process warning code `ResidencyPolicies` reports an oversize document with (`ResidencyPolicies.OVERSIZE_WARNING_CODE`). */
const OVERSIZE_WARNING_CODE = 'CDK_SOVEREIGN_BEDROCK_SCP_OVERSIZE';

/**
 * The residency policy documents as plain JSON, without synthesizing anything:
 * for pipelines that deploy SCPs by other means (Customizations for Control
 * Tower, Landing Zone Accelerator) and for audits. Same statements as the
 * constructs; invalid options throw one error listing every problem.
 */
export class ResidencyPolicies {
  /** The code of the process warning `reportOversize` emits for a document over the quota. */
  public static readonly OVERSIZE_WARNING_CODE = OVERSIZE_WARNING_CODE;

  /**
   * The inference-profile lock (`AuOnlyInferenceScp`'s document). A document
   * over `limits.maxPolicySize` throws (or, with `limits.reportOversize`, is
   * returned with a process warning).
   */
  public static auOnlyInference(options: ResidencyPolicyOptions = {}, limits: ResidencyPolicyLimits = {}): any {
    const where = 'ResidencyPolicies.auOnlyInference';
    return checkedDocument(auOnlyInferenceDocument(rulesOf(options, where, limits)), limits, where);
  }

  /** The Region lock (`RegionAllowlistScp`'s document), size-checked as `auOnlyInference` is. */
  public static regionAllowlist(options: ResidencyPolicyOptions = {}, limits: ResidencyPolicyLimits = {}): any {
    const where = 'ResidencyPolicies.regionAllowlist';
    return checkedDocument(regionAllowlistDocument(rulesOf(options, where, limits)), limits, where);
  }

  /** Both locks in one document (`AuBedrockResidencyScp`'s document), size-checked as `auOnlyInference` is. */
  public static posture(options: ResidencyPolicyOptions = {}, limits: ResidencyPolicyLimits = {}): any {
    const where = 'ResidencyPolicies.posture';
    return checkedDocument(residencyPostureDocument(rulesOf(options, where, limits)), limits, where);
  }

  /**
   * Both locks as the SCPs that hold them: one document when it fits
   * `limits.maxPolicySize`, else the fewest documents that hold every
   * statement whole (bin packing), as `AuBedrockResidencyScp` deploys them.
   * Throws when they need more SCPs than the slot budget
   * (`maxPoliciesPerTarget` less `policiesAttachedElsewhere`), saying what would fit.
   */
  public static postureDocuments(options: ResidencyPolicyOptions = {}, limits: ResidencyPolicyLimits = {}): any[] {
    return spilled(residencyPostureStatements, options, limits, 'ResidencyPolicies.postureDocuments');
  }

  /** The profile lock as the SCPs that hold it, as `postureDocuments` does for both locks. */
  public static auOnlyInferenceDocuments(options: ResidencyPolicyOptions = {}, limits: ResidencyPolicyLimits = {}): any[] {
    return spilled(auOnlyInferenceStatements, options, limits, 'ResidencyPolicies.auOnlyInferenceDocuments');
  }

  /** The Region lock as the SCPs that hold it, as `postureDocuments` does for both locks. */
  public static regionAllowlistDocuments(options: ResidencyPolicyOptions = {}, limits: ResidencyPolicyLimits = {}): any[] {
    return spilled(regionAllowlistStatements, options, limits, 'ResidencyPolicies.regionAllowlistDocuments');
  }

  /** Minified size in characters of a policy document, the unit of the SCP size quota. */
  public static minifiedSize(document: any): number {
    const errors = new ValidationErrors();
    // JSON.stringify gives undefined for these: there is no document to measure.
    if (document === undefined || typeof document === 'function' || typeof document === 'symbol') {
      errors.add('document', `must be a policy document (an object), got ${describeType(document)}`);
    }
    errors.throwIfAny('ResidencyPolicies.minifiedSize');
    return minifiedSize(document);
  }

}

/** The options validated (every problem at once) and resolved. */
function rulesOf(options: ResidencyPolicyOptions, where: string, limits: ResidencyPolicyLimits = {}): ResidencyRules {
  const errors = new ValidationErrors();
  if (checkObject('options', options, errors)) validateResidencyRulesInput(options, errors);
  if (checkObject('limits', limits, errors)) {
    checkPositiveInteger('limits.maxPolicySize', limits.maxPolicySize, errors, 1, MAX_SCP_SIZE);
    checkPositiveInteger('limits.maxPoliciesPerTarget', limits.maxPoliciesPerTarget, errors, 1, MAX_SCPS_PER_TARGET);
    checkPositiveInteger('limits.policiesAttachedElsewhere', limits.policiesAttachedElsewhere, errors, 0, MAX_SCPS_PER_TARGET - 1);
    checkBoolean('limits.reportOversize', limits.reportOversize, errors);
  }
  errors.throwIfAny(where);
  return resolveResidencyRules(options ?? {});
}

/** A document within the size quota; one over it throws, or with `reportOversize` is returned with a warning. */
function checkedDocument(document: PolicyDocumentJson, limits: ResidencyPolicyLimits, where: string): PolicyDocumentJson {
  const limit = limits.maxPolicySize ?? DEFAULT_MAX_POLICY_SIZE;
  const size = minifiedSize(document);
  if (size <= limit) return document;
  const message = `the minified document is ${size} characters, ${size - limit} over the SCP quota of ${limit}: Organizations refuses it. `
    + `Use ${where}Documents() for the SCPs that hold it, or list fewer exemptions or application profiles`;
  if (limits.reportOversize) {
    process.emitWarning(`${where}: ${message}`, { code: OVERSIZE_WARNING_CODE });
    return document;
  }
  const errors = new ValidationErrors();
  errors.add('limits.maxPolicySize', `${message}; or pass limits.reportOversize to accept it`);
  errors.throwIfAny(where);
  return document;
}

function spilled(
  build: (rules: ResidencyRules) => StatementJson[], options: ResidencyPolicyOptions, limits: ResidencyPolicyLimits, where: string,
): PolicyDocumentJson[] {
  const rules = rulesOf(options, where, limits);
  const maxPolicies = limits.maxPoliciesPerTarget ?? DEFAULT_MAX_POLICIES_PER_TARGET;
  const elsewhere = limits.policiesAttachedElsewhere ?? DEFAULT_POLICIES_ATTACHED_ELSEWHERE;
  const plan = planSpill(rules, build, limits.maxPolicySize ?? DEFAULT_MAX_POLICY_SIZE, Math.max(0, maxPolicies - elsewhere));
  if (!plan.fits) {
    const errors = new ValidationErrors();
    errors.add(plan.tooLarge.length > 0 ? 'limits.maxPolicySize' : 'limits.maxPoliciesPerTarget',
      `${plan.advice}. The budget is limits.maxPoliciesPerTarget (${maxPolicies}) less limits.policiesAttachedElsewhere (${elsewhere})`);
    errors.throwIfAny(where);
  }
  return plan.documents;
}
