/** One problem with the props, named in the caller's own terms. */
export interface ValidationProblem {
  /** The prop as the caller wrote it: `exemptPrincipalArns[0]`, `quota.maxPolicySize`, `detection.threshold`. */
  readonly prop: string;
  /** What is wrong and the accepted form. */
  readonly message: string;
}

/** The stable `name` of every validation error this library throws. */
export const VALIDATION_ERROR_NAME = 'SovereignBedrockValidationError';

/**
 * The one error this library throws for invalid props: every problem found,
 * each under the prop the caller gave, and the construct the caller created
 * (not an inner one). A plain `Error` subclass so that stack traces and
 * `instanceof Error` work; recognised across copies of the library by `name`.
 */
export class SovereignBedrockValidationError extends Error {
  /** Always `SovereignBedrockValidationError`. */
  public readonly name = VALIDATION_ERROR_NAME;
  /** What was called: a class name (`AuBedrockPosture`) or a method (`PostureExport.toFiles`). */
  public readonly source: string;
  /** Path of the construct the caller created, when a construct threw. */
  public readonly constructPath?: string;
  /** Every problem, in the order found. */
  public readonly problems: ValidationProblem[];

  constructor(source: string, problems: readonly ValidationProblem[], constructPath?: string) {
    const where = constructPath === undefined ? source : `${source} at ${constructPath}`;
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super(`${where}: invalid props (${problems.length} ${noun}):\n${problems.map((p) => `  - ${p.prop}: ${p.message}`).join('\n')}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.source = source;
    this.constructPath = constructPath;
    this.problems = problems.map((p) => ({ prop: p.prop, message: p.message }));
  }
}

/** True for a validation error of this library, including one thrown by another copy of it. */
export function isSovereignBedrockValidationError(x: unknown): x is SovereignBedrockValidationError {
  return x instanceof SovereignBedrockValidationError
    || (x instanceof Error && x.name === VALIDATION_ERROR_NAME && Array.isArray((x as { problems?: unknown }).problems));
}

/**
 * Collects every problem with a set of props before reporting, so a user fixes
 * them in one pass instead of one synth per typo.
 */
export class ValidationErrors {
  private readonly found: ValidationProblem[] = [];

  /** Record a problem with a property: `prop: message`. Identical problems are recorded once. */
  public add(prop: string, message: string): void {
    if (this.found.some((p) => p.prop === prop && p.message === message)) return;
    this.found.push({ prop, message });
  }

  /** Records the problems of another error (a child construct's), renaming each prop. */
  public addAll(problems: readonly ValidationProblem[], rename: (prop: string) => string = (p) => p): void {
    for (const p of problems) this.add(rename(p.prop), p.message);
  }

  public get count(): number {
    return this.found.length;
  }

  /** Every problem as `prop: message`. */
  public get all(): readonly string[] {
    return this.found.map((p) => `${p.prop}: ${p.message}`);
  }

  public get problems(): readonly ValidationProblem[] {
    return this.found;
  }

  /**
   * Throws one `SovereignBedrockValidationError` listing every collected
   * problem. `source` names what was called (`AuBedrockPosture`); give the
   * construct's path as `constructPath`. An older call style passing
   * `"Kind at path"` as the only argument still works.
   */
  public throwIfAny(source: string, constructPath?: string): void {
    if (this.found.length === 0) return;
    if (constructPath === undefined) {
      const at = source.indexOf(' at ');
      if (at > 0) throw new SovereignBedrockValidationError(source.slice(0, at), this.found, source.slice(at + 4));
    }
    throw new SovereignBedrockValidationError(source, this.found, constructPath);
  }
}

/**
 * Builds a part (a child construct) of something the caller created, and
 * records the part's validation problems as the caller's, each prop renamed
 * into the caller's terms (`threshold` -> `detection.threshold`). Returns
 * undefined when the part was invalid; other errors propagate unchanged.
 */
export function buildPart<T>(errors: ValidationErrors, rename: (prop: string) => string, build: () => T): T | undefined {
  try {
    return build();
  } catch (e) {
    if (!isSovereignBedrockValidationError(e)) throw e;
    errors.addAll(e.problems, rename);
    return undefined;
  }
}
