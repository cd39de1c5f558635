import { minifiedSize } from './core/size-budget';
import { auOnlyInferenceDocument, regionAllowlistDocument, residencyPostureDocument } from './core/statements/documents';
import { resolveResidencyRules, ResidencyRules } from './core/statements/residency-rules';
import { validateResidencyRulesInput } from './core/statements/validate-residency-rules';
import { ValidationErrors } from './core/validation-errors';
import { checkObject, describeType } from './core/validators';
import { AuOnlyInferenceOptions, RegionAllowlistOptions } from './scp/residency-scp-props';

/** Options for generating residency policy documents without CDK. */
export interface ResidencyPolicyOptions extends AuOnlyInferenceOptions, RegionAllowlistOptions {
  /**
   * `aws:PrincipalArn` patterns exempt from every statement.
   * @default - none
   */
  readonly exemptPrincipalArns?: string[];

  /**
   * Patterns of `exemptPrincipalArns` that exempt every role (or user) of one
   * account (`arn:aws:iam::111122223333:role/*`), accepted as intended. Without
   * this such a pattern is refused; every role of every account always is.
   * @default - none: account-wide exemptions are refused
   */
  readonly acknowledgedAccountWideExemptions?: string[];
}

/**
 * The residency policy documents as plain JSON, without synthesizing anything:
 * for pipelines that deploy SCPs by other means (Customizations for Control
 * Tower, Landing Zone Accelerator) and for audits. Same statements as the
 * constructs; invalid options throw one error listing every problem.
 */
export class ResidencyPolicies {
  /** The inference-profile lock (`AuOnlyInferenceScp`'s document). */
  public static auOnlyInference(options: ResidencyPolicyOptions = {}): any {
    return auOnlyInferenceDocument(ResidencyPolicies.rules(options, 'ResidencyPolicies.auOnlyInference'));
  }

  /** The Region lock (`RegionAllowlistScp`'s document). */
  public static regionAllowlist(options: ResidencyPolicyOptions = {}): any {
    return regionAllowlistDocument(ResidencyPolicies.rules(options, 'ResidencyPolicies.regionAllowlist'));
  }

  /** Both locks in one document (`AuBedrockResidencyScp`'s document). */
  public static posture(options: ResidencyPolicyOptions = {}): any {
    return residencyPostureDocument(ResidencyPolicies.rules(options, 'ResidencyPolicies.posture'));
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

  private static rules(options: ResidencyPolicyOptions, where: string): ResidencyRules {
    const errors = new ValidationErrors();
    if (checkObject('options', options, errors)) validateResidencyRulesInput(options, errors);
    errors.throwIfAny(where);
    return resolveResidencyRules(options ?? {});
  }
}
