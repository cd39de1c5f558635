import { Annotations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { ResidencyScpBaseProps } from './residency-scp-props';
import { ScpLimits } from './scp-quota';
import { ScpResource } from './scp-resource';
import { ValidationErrors } from '../core/validation-errors';

/** A synth-time warning about a chosen option: a stable ID (to acknowledge it) and the message. */
export interface ScpWarning {
  /** `cdk-sovereign-bedrock:...`, as passed to `Annotations.addWarningV2`. */
  readonly id: string;
  /** What the option leaves open. */
  readonly message: string;
}

/** What a concrete residency SCP contributes: its document and what it found wrong with its own props. */
export interface ResidencyScpSpec {
  /** Class name, used in error messages. */
  readonly kind: string;
  /** The policy document as JSON (`Version` and `Statement`). */
  readonly document: any;
  /** Description used when the user gives none. */
  readonly defaultDescription: string;
  /** `prop: problem` lines found while validating the construct's own props. */
  readonly errors: string[];
  /** Synth-time warnings (not errors) about the chosen options, each with its ID. */
  readonly warnings: ScpWarning[];
}

/**
 * A service control policy that keeps Bedrock traffic in Australia, attached to
 * roots, OUs or accounts. Subclasses decide the statements; this class validates,
 * minifies, size-checks and attaches.
 */
export abstract class ResidencyScp extends Construct {
  /** The underlying `AWS::Organizations::Policy`. */
  public readonly policy: CfnPolicy;
  /** The policy document, for inspection or reuse (for example in an IAM simulator). */
  public readonly document: iam.PolicyDocument;
  /**
   * The minified policy JSON exactly as sent to AWS Organizations (deploy-time
   * values appear as CDK token strings).
   */
  public readonly policyJson: string;
  /** Minified size in characters, the unit of the SCP size quota. */
  public readonly sizeChars: number;
  /** The quota this policy was checked against. */
  public readonly limits: ScpLimits;
  private readonly resource: ScpResource;

  protected constructor(scope: Construct, id: string, props: ResidencyScpBaseProps, spec: ResidencyScpSpec) {
    super(scope, id);
    const errors = new ValidationErrors();
    for (const line of spec.errors) {
      const at = line.indexOf(': ');
      errors.add(line.slice(0, at), line.slice(at + 2));
    }
    this.resource = new ScpResource(this, 'Resource', {
      ...props,
      document: spec.document,
      defaultDescription: spec.defaultDescription,
      errors,
      kind: spec.kind,
    });
    for (const w of spec.warnings) {
      Annotations.of(this).addWarningV2(w.id, w.message);
    }
    this.policy = this.resource.policy;
    this.document = this.resource.document;
    this.policyJson = this.resource.json;
    this.sizeChars = this.resource.size;
    this.limits = this.resource.limits;
  }

  /** The policy ID (`p-...`), resolved at deploy time. */
  public get policyId(): string {
    return this.policy.attrId;
  }

  /** The policy ARN, resolved at deploy time. */
  public get policyArn(): string {
    return this.policy.attrArn;
  }

  /** Roots, OUs and accounts the policy is attached to. */
  public get targetIds(): string[] {
    return this.resource.targetIds;
  }

  /**
   * Attaches the policy to one more root, OU or account. The ID is validated now;
   * the per-target slot check runs at synth.
   */
  public addTarget(targetId: string): void {
    this.resource.addTarget(targetId);
  }
}
