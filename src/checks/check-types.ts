/** How sure a finding is. */
export enum CheckSeverity {
  /** The template grants or configures a path out of Australia. Fails the validation report. */
  ERROR = 'error',
  /** The checks cannot tell (a deploy-time value, an application inference profile defined elsewhere). */
  WARNING = 'warning',
}

/** One rule of the shift-left checks, for documentation and tooling. */
export interface CheckRuleInfo {
  /** Rule ID, e.g. `AuBedrock1`: use it in suppressions. */
  readonly id: string;
  /** Short title. */
  readonly name: string;
  /** What the rule catches. */
  readonly description: string;
  /** How to fix what it catches. */
  readonly fix: string;
}

/** One problem found in a template. */
export interface CheckFinding {
  /** Rule ID (`AuBedrock1`...), or `AuBedrockSuppression` for a malformed suppression. */
  readonly ruleId: string;
  /** Error or warning. */
  readonly severity: CheckSeverity;
  /** Logical ID of the resource in the template. */
  readonly logicalId: string;
  /** CloudFormation type of the resource. */
  readonly resourceType: string;
  /** Where in the resource, e.g. `Properties/PolicyDocument/Statement/0/Resource`. */
  readonly location: string;
  /** What is wrong, naming the value found. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** A rule silenced on one resource, cdk-nag style. */
export interface RuleSuppression {
  /** Rule ID, e.g. `AuBedrock2`. */
  readonly id: string;
  /** Why this resource may keep the finding. Required: a blank reason suppresses nothing. */
  readonly reason: string;
}

/** Options shared by the validation plugin and the Aspect. */
export interface SovereignBedrockChecksProps {
  /**
   * Rule IDs to run.
   * @default - every rule (`SovereignBedrockChecks.rules()`)
   */
  readonly rules?: string[];

  /**
   * Report "cannot verify" warnings (deploy-time values, application inference
   * profiles defined elsewhere) as well as errors.
   * @default true
   */
  readonly reportWarnings?: boolean;
}
