import { Annotations, Lazy, Names, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { CheckedScp, TOKEN_SIZE_ESTIMATE } from './check-scp-props';
import { ResidencyScpBaseProps } from './residency-scp-props';
import { ScpLimits } from './scp-quota';
import { POLICY_DESCRIPTION_MAX, targetKind } from '../core/identifiers';
import { PolicyDocumentJson } from '../core/policy-json';
import { ValidationErrors } from '../core/validation-errors';
import { checkTargetId } from '../core/validators';
import { registerForSlotCheck } from '../private/target-slots';
import { registerForTemplateCheck } from '../private/template-limits';

export { TOKEN_SIZE_ESTIMATE };

export interface ScpResourceProps extends ResidencyScpBaseProps {
  /** The policy, its props already checked by `checkScpProps`. */
  readonly checked: CheckedScp;
  readonly defaultDescription: string;
  /** Owning construct's class name, for error messages. */
  readonly kind: string;
}

/** `-part2`: the name of the second SCP of a spilled policy. */
export function partSuffix(n: number): string {
  return `-part${n}`;
}
/** Room kept in a generated name for the part suffix (`-part10`). */
const PART_SUFFIX_ROOM = 7;

/** `... (part 2 of 3)`, cut to Organizations' description limit. */
function partDescription(description: string, n: number, count: number): string {
  const suffix = ` (part ${n} of ${count})`;
  return Token.isUnresolved(description) ? description : `${description.slice(0, POLICY_DESCRIPTION_MAX - suffix.length)}${suffix}`;
}

function isUnresolved(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/**
 * The `AWS::Organizations::Policy` behind every SCP construct of this library,
 * made from props already checked by `checkScpProps`: attaches the targets and
 * checks per-target slot usage across the whole app.
 */
export class ScpResource extends Construct {
  /** The first (usually the only) SCP. */
  public readonly policy: CfnPolicy;
  /** Every SCP the posture takes: one, or more when it spilled over the size quota. */
  public readonly policies: CfnPolicy[];
  public readonly json: string;
  public readonly size: number;
  /** Minified size of each SCP, in order. */
  public readonly sizes: number[];
  /** Minified JSON of each SCP, in order. */
  public readonly jsons: string[];
  public readonly limits: ScpLimits;
  private readonly targets: string[] = [];
  private readonly firstDocument: PolicyDocumentJson;
  private parsedDocument?: iam.PolicyDocument;
  private readonly kind: string;

  constructor(scope: Construct, id: string, props: ScpResourceProps) {
    super(scope, id);
    this.kind = props.kind;
    const { checked } = props;
    this.limits = checked.limits;
    this.json = checked.json;
    this.size = checked.size;
    const tokens = checked.tokens;
    const size = checked.size;

    if (tokens > 0) {
      Annotations.of(this).addInfoV2('cdk-sovereign-bedrock:scp-size-estimated',
        `The policy contains ${tokens} deploy-time value(s); its size (${size} characters) counts each as ${TOKEN_SIZE_ESTIMATE}.`);
    }

    this.firstDocument = checked.document;
    const count = checked.parts.length;
    const baseName = props.policyName ?? Names.uniqueResourceName(this, { maxLength: count === 1 ? 128 : 128 - PART_SUFFIX_ROOM });
    const description = props.description ?? props.defaultDescription;
    const targetIds = Lazy.list({ produce: () => this.targets }, { omitEmpty: true });
    this.policies = checked.parts.map((part, i) => new CfnPolicy(this, i === 0 ? 'Resource' : `Part${i + 1}`, {
      name: i === 0 ? baseName : `${baseName}${partSuffix(i + 1)}`,
      description: count === 1 ? description : partDescription(description, i + 1, count),
      type: 'SERVICE_CONTROL_POLICY',
      // CloudFormation takes the document as a JSON object and serializes it
      // without whitespace; `json`/`size` are that minified form.
      content: part.document,
      targetIds,
    }));
    this.policy = this.policies[0];
    this.jsons = checked.parts.map((p) => p.json);
    this.sizes = checked.parts.map((p) => p.size);
    for (const policy of this.policies) registerForSlotCheck(policy, this.limits);
    registerForTemplateCheck({ owner: scope, kind: this.kind, policies: this.policies, jsons: this.jsons });
    if (count > 1) {
      Annotations.of(this).addWarningV2('cdk-sovereign-bedrock:scp-spilled',
        `The policy is ${checked.wholeSize} characters minified, over the SCP size quota of ${this.limits.maxPolicySize}: it spans ${count} SCPs `
        + `(${this.sizes.join(' + ')} characters) and takes ${count} of the ${checked.slotBudget} SCP slots the quota leaves on each target `
        + '(quota.maxPoliciesPerTarget less quota.policiesAttachedElsewhere). Each statement is kept whole in one of them, so together they deny '
        + 'exactly what one policy would. Fewer exemptions or application profiles bring it back to one slot.');
    }

    for (const t of props.targetIds ?? []) this.attach(t);
  }

  /** Attaches one more target, validating it now. */
  public addTarget(targetId: string): void {
    const errors = new ValidationErrors();
    checkTargetId('targetId', targetId, errors, isUnresolved);
    errors.throwIfAny(`${this.kind}.addTarget()`, this.node.scope!.node.path);
    this.attach(targetId);
  }

  /**
   * The first SCP's document as an `iam.PolicyDocument`, made when first read:
   * hundreds of policies in one app need not build one each.
   */
  public get document(): iam.PolicyDocument {
    this.parsedDocument ??= iam.PolicyDocument.fromJson(this.firstDocument);
    return this.parsedDocument;
  }

  public get targetIds(): string[] {
    return [...this.targets];
  }

  private attach(targetId: string): void {
    if (this.targets.includes(targetId)) return;
    this.targets.push(targetId);
    if (!Token.isUnresolved(targetId) && targetKind(targetId) === 'root') {
      Annotations.of(this).addWarningV2('cdk-sovereign-bedrock:management-account-not-covered',
        `${targetId} is a root: SCPs do not apply to the organization's management account, so Bedrock calls made there are not restricted. Keep workloads out of the management account.`);
    }
  }
}
