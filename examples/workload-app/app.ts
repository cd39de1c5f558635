/**
 * An application team's workload: a Lambda function that can call Bedrock only
 * along Australian paths, offline.
 *
 *   npx ts-node -r tsconfig-paths/register examples/workload-app/app.ts
 */
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SovereignBedrockInvoker, SydneyModelCatalog } from 'cdk-sovereign-bedrock';

export function buildApp(outdir = join(__dirname, 'cdk.out')) {
  const app = new App({ outdir });
  const stack = new Stack(app, 'SummariserWorkload', { env: { account: '333344445555', region: 'ap-southeast-2' } });

  // Pick the posture first: the catalog says which model ID keeps data in Australia.
  const model = SydneyModelCatalog.resolve('Claude Haiku 4.5');

  const invoker = new SovereignBedrockInvoker(stack, 'BedrockInvoker', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    models: [model.invokeModelId!],
  });
  invoker.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'));

  new lambda.Function(stack, 'Summariser', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(join(__dirname, 'lambda')),
    role: invoker.role,
    environment: { BEDROCK_MODEL_ID: invoker.modelId },
  });
  return { app, stack, invoker };
}

if (require.main === module) {
  const { app, invoker } = buildApp();
  app.synth();
  console.log(`Synthesized; the function calls ${invoker.modelId}`);
}
