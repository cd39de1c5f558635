import { CfnResource, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';
import { LIBRARY_FUNCTION_NAG_REASONS, libraryFunctionIdentity, NagSuppression, suppressNag } from '../private/library-function';

/** One deploy-time handler: how to create its function and what it may call. */
export interface SharedProviderSpec {
  /** Construct ID of the provider at the stack root. */
  readonly id: string;
  readonly description: string;
  /** Creates the handler (a projen-generated `XxxFunction` bound to its bundled asset). */
  readonly createHandler: (scope: Construct, id: string, options: lambda.FunctionOptions) => lambda.IFunction;
  /** The read-only AWS Organizations actions the handler calls, and nothing more. */
  readonly actions?: string[];
  /**
   * For a handler that calls something other than Organizations reads: its
   * statements, in place of `actions`, and the reasons for any cdk-nag finding they keep.
   */
  readonly statements?: iam.PolicyStatement[];
  readonly statementNagSuppressions?: NagSuppression[];
}

/** The handler function and the CDK provider framework in front of it. */
class SharedProvider extends Construct {
  public readonly provider: cr.Provider;

  constructor(scope: Construct, id: string, spec: SharedProviderSpec) {
    super(scope, id);
    const actions = spec.actions ?? [];
    const handler = libraryFunctionIdentity(this, 'Handler', spec.description, [
      ...(actions.length > 0 ? [new iam.PolicyStatement({
        sid: 'ReadOrganization',
        actions,
        // Organizations ARNs embed the organization ID, which is not known at synth.
        resources: ['*'],
      })] : []),
      ...(spec.statements ?? []),
    ]);
    const suppressions: NagSuppression[] = actions.length > 0 ? [{
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: `Read-only AWS Organizations calls (${actions.join(', ')}) whose ARNs embed the organization ID, unknown at synth; the actions are listed one by one.`,
    }] : [];
    suppressions.push(...(spec.statementNagSuppressions ?? []));
    if (suppressions.length > 0) suppressNag(handler.policy, suppressions);
    const onEvent = spec.createHandler(this, 'Handler', {
      description: spec.description,
      // Each call is retried on throttling with backoff of up to 10 s; a landing
      // zone's worth of paginated reads fits well inside this.
      timeout: Duration.minutes(5),
      role: handler.role,
      logGroup: handler.logGroup,
    });
    suppressNag(onEvent, LIBRARY_FUNCTION_NAG_REASONS);

    // CDK's provider framework function: the same treatment. Its role cannot take
    // policy updates, so the one grant the framework needs is written here.
    const framework = libraryFunctionIdentity(this, 'Framework', `${spec.description} (CDK provider framework)`, [new iam.PolicyStatement({
      sid: 'InvokeHandler',
      actions: ['lambda:InvokeFunction'],
      resources: [onEvent.functionArn, `${onEvent.functionArn}:*`],
    })]);
    suppressNag(framework.policy, [{
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(onEvent.node.defaultChild as CfnResource)}.Arn>:*]`,
      reason: 'The provider framework invokes exactly its handler function; the :* suffix covers that function\'s versions and aliases.',
    }]);
    this.provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent,
      frameworkOnEventRole: framework.role.withoutPolicyUpdates(),
      logGroup: framework.logGroup,
    });
    suppressNag(this.provider.node.findChild('framework-onEvent'), LIBRARY_FUNCTION_NAG_REASONS);
  }
}

/**
 * The stack's provider for a handler, created on first use: every resource of
 * that type in the stack shares one function, however many there are.
 */
export function sharedProvider(scope: IConstruct, spec: SharedProviderSpec): cr.Provider {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(spec.id);
  return (existing instanceof SharedProvider ? existing : new SharedProvider(stack, spec.id, spec)).provider;
}
