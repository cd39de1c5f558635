import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SovereignBedrockInvoker, SovereignBedrockInvokerProps } from '../../src';
import { ACCOUNT } from '../integ/decision-table/legs';

export function invokerStack(): Stack {
  return new Stack(new App(), 'Workload', { env: { account: ACCOUNT, region: 'ap-southeast-2' } });
}

/** The invoker role's identity policy exactly as synthesized. */
export function synthesizedInvokerPolicy(props: Partial<SovereignBedrockInvokerProps> = {}): unknown {
  const stack = invokerStack();
  new SovereignBedrockInvoker(stack, 'Invoker', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), ...props });
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
  if (policies.length !== 1) throw new Error(`expected one IAM policy, found ${policies.length}`);
  return policies[0].Properties.PolicyDocument;
}
