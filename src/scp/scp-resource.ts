import { Annotations, Lazy, Names, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { ResidencyScpBaseProps } from './residency-scp-props';
import { ScpLimits } from './scp-quota';
import { registerForSlotCheck } from './target-slots';
import { targetKind } from '../core/identifiers';
import { PolicyDocumentJson } from '../core/policy-json';
import { minify, sizeReport } from '../core/size-budget';
import { ValidationErrors } from '../core/validation-errors';
import { checkPolicyDescription, checkPolicyName, checkTargetId, checkTargetIds } from '../core/validators';

/**
 * Characters assumed for each unresolved token in a policy (an ARN resolved by
 * CloudFormation). Generous for a role ARN; the real size is known only at deploy.
 */
export const TOKEN_SIZE_ESTIMATE = 128;

export interface ScpResourceProps extends ResidencyScpBaseProps {
  readonly document: PolicyDocumentJson;
  readonly defaultDescription: string;
  /** Problems found by the owning construct, reported with the shared ones. */
  readonly errors: ValidationErrors;
  /** Owning construct's class name, for error messages. */
  readonly kind: string;
}

function isUnresolved(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/** Minified size with every token counted at the estimate. */
function estimatedSize(json: string): { size: number; tokens: number } {
  const tokenPattern = /\$\{Token\[[^\]]+\]\}/g;
  const tokens = json.match(tokenPattern)?.length ?? 0;
  return { size: json.replace(tokenPattern, '').length + tokens * TOKEN_SIZE_ESTIMATE, tokens };
}

/**
 * The `AWS::Organizations::Policy` behind every SCP construct of this library:
 * validates the shared props, minifies and size-checks the document, attaches
 * the targets and checks per-target slot usage across the whole app.
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
    const errors = props.errors;
    this.kind = props.kind;

    checkTargetIds('targetIds', props.targetIds ?? [], errors, isUnresolved);
    checkPolicyName('policyName', props.policyName, errors, isUnresolved);
    checkPolicyDescription('description', props.description, errors, isUnresolved);
    const q = props.quota ?? {};
    for (const [prop, value, min] of [
      ['quota.maxPolicySize', q.maxPolicySize, 1],
      ['quota.maxPoliciesPerTarget', q.maxPoliciesPerTarget, 1],
      ['quota.policiesAttachedElsewhere', q.policiesAttachedElsewhere, 0],
    ] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < min)) {
        errors.add(prop, `must be an integer of at least ${min}, got ${value}`);
      }
    }
    this.limits = ScpLimits.resolve(q);

    this.json = minify(props.document);
    const { size, tokens } = estimatedSize(this.json);
    this.size = size;
    const report = sizeReport(size, this.limits.maxPolicySize);
    if (!report.fits) {
      errors.add('quota.maxPolicySize',
        `the minified policy is ${size} characters, ${-report.headroom} over the limit of ${report.limit}. `
        + 'Remove exemptions or allowed application profiles, split the posture into AuOnlyInferenceScp and '
        + 'RegionAllowlistScp, or drop a stricter quota.maxPolicySize you set');
    }

    errors.throwIfAny(`${props.kind} at ${scope.node.path}`);

    if (tokens > 0) {
      Annotations.of(this).addInfoV2('cdk-sovereign-bedrock:scp-size-estimated',
        `The policy contains ${tokens} deploy-time value(s); its size (${size} characters) counts each as ${TOKEN_SIZE_ESTIMATE}.`);
    }

    this.document = iam.PolicyDocument.fromJson(props.document);
    this.policy = new CfnPolicy(this, 'Resource', {
      name: props.policyName ?? Names.uniqueResourceName(this, { maxLength: 128 }),
      description: props.description ?? props.defaultDescription,
      type: 'SERVICE_CONTROL_POLICY',
      // CloudFormation takes the document as a JSON object and serializes it
      // without whitespace; `json`/`size` are that minified form.
      content: props.document,
      targetIds: Lazy.list({ produce: () => this.targets }, { omitEmpty: true }),
    });
    registerForSlotCheck(this.policy, this.limits);

    for (const t of props.targetIds ?? []) this.attach(t);
  }

  /** Attaches one more target, validating it now. */
  public addTarget(targetId: string): void {
    const errors = new ValidationErrors();
    checkTargetId('targetId', targetId, errors, isUnresolved);
    errors.throwIfAny(`${this.kind}.addTarget() at ${this.node.scope!.node.path}`);
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
