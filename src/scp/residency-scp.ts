import { Annotations, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { checkScpProps } from './check-scp-props';
import { claimPolicyName } from './policy-names';
import { ResidencyScpBaseProps } from './residency-scp-props';
import { scpKindOf } from './scp-kinds';
import { ScpLimits } from './scp-quota';
import { ScpResource } from './scp-resource';
import { acknowledgedAccountWideExemptions } from '../core/fail-open';
import { coverageWarnings } from '../core/statements/coverage-warnings';
import { ValidationErrors } from '../core/validation-errors';

/**
 * A service control policy that keeps Bedrock traffic in Australia, attached to
 * roots, OUs or accounts. The three concrete classes differ only in their
 * statements; this class validates, minifies, size-checks and attaches.
 */
export abstract class ResidencyScp extends Construct {
  /** The underlying `AWS::Organizations::Policy` (the first, when the policy spans several). */
  public readonly policy: CfnPolicy;
  /**
   * Every `AWS::Organizations::Policy` the construct makes: one, or more when
   * its statements do not fit one SCP of `quota.maxPolicySize` characters and
   * spill over the fewest SCPs that hold them (each attached to every target).
   */
  public readonly policies: CfnPolicy[];
  /** Minified JSON of each of `policies`, in order (deploy-time values as token strings). */
  public readonly policyJsons: string[];
  /** Minified size of each of `policies`, in characters. */
  public readonly policySizes: number[];
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

  protected constructor(scope: Construct, id: string, props: ResidencyScpBaseProps) {
    super(scope, id);
    const kind = scpKindOf(new.target);
    const errors = new ValidationErrors();
    if (!kind) {
      errors.add('class', `${new.target.name} is not one of AuBedrockResidencyScp, AuOnlyInferenceScp, RegionAllowlistScp; extend one of them instead`);
      errors.throwIfAny('ResidencyScp', this.node.path);
      throw new Error('unreachable');
    }
    const checked = checkScpProps(kind, props, errors, this);
    const name = props?.policyName;
    if (checked && typeof name === 'string' && !Token.isUnresolved(name)) {
      const holder = claimPolicyName(this, name, this.node.path);
      if (holder) errors.add('policyName', `"${name}" is already the name of the SCP at ${holder}; policy names are unique in an organization`);
    }
    errors.throwIfAny(kind.name, this.node.path);

    this.resource = new ScpResource(this, 'Resource', {
      ...props,
      checked: checked!,
      defaultDescription: kind.description(checked!.rules),
      kind: kind.name,
    });
    for (const w of coverageWarnings(checked!.rules)) {
      Annotations.of(this).addWarningV2(w.id, w.message);
    }
    for (const w of checked!.warnings) Annotations.of(this).addWarningV2('cdk-sovereign-bedrock:wildcard-exemption', w);
    for (const ack of acknowledgedAccountWideExemptions(props.exemptPrincipalArns, props.acknowledgedAccountWideExemptions)) {
      Annotations.of(this).addWarningV2('cdk-sovereign-bedrock:account-wide-exemption',
        `exemptPrincipalArns: "${ack}" exempts every principal it names in account ${ack.split(':')[4]} (acknowledged): the policy restricts nothing they do.`);
    }
    this.policy = this.resource.policy;
    this.policies = [...this.resource.policies];
    this.policyJsons = [...this.resource.jsons];
    this.policySizes = [...this.resource.sizes];
    if (typeof name === 'string' && !Token.isUnresolved(name)) {
      for (let i = 2; i <= this.policies.length; i++) claimPolicyName(this, `${name}-part${i}`, this.node.path);
    }
    this.policyJson = this.resource.json;
    this.sizeChars = this.resource.size;
    this.limits = this.resource.limits;
  }

  /** The policy document (the first SCP's, when it spans several), for inspection or reuse (for example in an IAM simulator). */
  public get document(): iam.PolicyDocument {
    return this.resource.document;
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
