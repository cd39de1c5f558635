/**
 * A workload app registered with the shift-left checks exactly as the README tells
 * application teams to. With LEAK=true a role is granted bedrock:InvokeModel on "*"
 * (AuBedrock1); otherwise the only Bedrock grant is the invoker's Australian one.
 * Run by the real CDK CLI in cdk-cli-synth.test.ts.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SovereignBedrockChecks, SovereignBedrockInvoker } from 'cdk-sovereign-bedrock';

const app = new App();
Validations.of(app).addPlugins(new SovereignBedrockChecks());

const stack = new Stack(app, 'Workload', { env: { account: '111122223333', region: 'ap-southeast-2' } });
new SovereignBedrockInvoker(stack, 'Invoker', {
  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  models: ['au.anthropic.claude-haiku-4-5-20251001-v1:0'],
});
if (process.env.LEAK === 'true') {
  const role = new iam.Role(stack, 'Summariser', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: ['*'] }));
}
app.synth();
