import { Annotations, Lazy, Names, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { CheckedScp, TOKEN_SIZE_ESTIMATE } from './check-scp-props';
import { ResidencyScpBaseProps } from './residency-scp-props';
import { ScpLimits } from './scp-quota';
import { targetKind } from '../core/identifiers';
import { ValidationErrors } from '../core/validation-errors';
import { checkTargetId } from '../core/validators';
import { registerForSlotCheck } from '../private/target-slots';

export { TOKEN_SIZE_ESTIMATE };

export interface ScpResourceProps extends ResidencyScpBaseProps {
  /** The policy, its props already checked by `checkScpProps`. */
  readonly checked: CheckedScp;
  readonly defaultDescription: string;
  /** Owning construct's class name, for error messages. */
  readonly kind: string;
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
  public readonly policy: CfnPolicy;
  public readonly document: iam.PolicyDocument;
  public readonly json: string;
  public readonly size: number;
  public readonly limits: ScpLimits;
  private readonly targets: string[] = [];
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

    this.document = iam.PolicyDocument.fromJson(checked.document);
    this.policy = new CfnPolicy(this, 'Resource', {
      name: props.policyName ?? Names.uniqueResourceName(this, { maxLength: 128 }),
      description: props.description ?? props.defaultDescription,
      type: 'SERVICE_CONTROL_POLICY',
      // CloudFormation takes the document as a JSON object and serializes it
      // without whitespace; `json`/`size` are that minified form.
      content: checked.document,
      targetIds: Lazy.list({ produce: () => this.targets }, { omitEmpty: true }),
    });
    registerForSlotCheck(this.policy, this.limits);

    for (const t of props.targetIds ?? []) this.attach(t);
  }

  /** Attaches one more target, validating it now. */
  public addTarget(targetId: string): void {
    const errors = new ValidationErrors();
    checkTargetId('targetId', targetId, errors, isUnresolved);
    errors.throwIfAny(`${this.kind}.addTarget()`, this.node.scope!.node.path);
    this.attach(targetId);
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
