import { isSovereignBedrockValidationError, VALIDATION_ERROR_NAME } from './core/validation-errors';

/** One problem with the props of a construct or call, named in the caller's terms. */
export interface SovereignBedrockValidationProblem {
  /** The prop as the caller wrote it: `exemptPrincipalArns[0]`, `quota.maxPolicySize`, `detection.threshold`. */
  readonly prop: string;
  /** What is wrong, and the accepted form. */
  readonly message: string;
}

/**
 * What a validation error of this library carries. Every construct and static
 * method of the library throws this one error for invalid props, listing every
 * problem at once.
 */
export interface SovereignBedrockValidationErrorInfo {
  /** Always `SovereignBedrockValidationError`. */
  readonly name: string;
  /** The whole report, one line per problem. */
  readonly message: string;
  /** What was called: a class name (`AuBedrockPosture`) or a method (`PostureExport.toFiles`). */
  readonly source: string;
  /**
   * Path of the construct the caller created (never an inner construct).
   * @default - none, for static methods such as `PostureExport.toFiles`
   */
  readonly constructPath?: string;
  /** Every problem found. */
  readonly problems: SovereignBedrockValidationProblem[];
}

/**
 * Recognises this library's validation errors, as `Errors.isValidationError`
 * does for aws-cdk-lib's. (jsii cannot export a subclass of `Error` itself, so
 * the class stays internal and this guard is the public way to read it.)
 *
 * @example
 * try {
 *   new AuBedrockPosture(stack, 'Posture', props);
 * } catch (e) {
 *   if (SovereignBedrockErrors.isValidationError(e)) console.error(e.problems);
 *   throw e;
 * }
 */
export class SovereignBedrockErrors {
  /** The `name` of every validation error this library throws. */
  public static readonly VALIDATION_ERROR_NAME = VALIDATION_ERROR_NAME;

  /**
   * True when `x` is a validation error of this library (also one thrown by
   * another copy of it); TypeScript then reads its `problems` and `constructPath`.
   */
  public static isValidationError(x: any): x is SovereignBedrockValidationErrorInfo {
    return isSovereignBedrockValidationError(x);
  }

  private constructor() {}
}
