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
import * as logs from 'aws-cdk-lib/aws-logs';
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
  // The function's own log group, kept a year, and the right to write to it alone
  // (not AWSLambdaBasicExecutionRole, which covers every log group in the account).
  const logGroup = new logs.LogGroup(stack, 'SummariserLogs', { retention: logs.RetentionDays.ONE_YEAR });
  invoker.role.addManagedPolicy(new iam.ManagedPolicy(stack, 'SummariserLogging', {
    statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] })],
  }));

  new lambda.Function(stack, 'Summariser', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(join(__dirname, 'lambda')),
    role: invoker.role,
    logGroup,
    environment: { BEDROCK_MODEL_ID: invoker.modelId },
  });
  return { app, stack, invoker };
}

if (require.main === module) {
  const { app, invoker } = buildApp();
  app.synth();
  console.log(`Synthesized; the function calls ${invoker.modelId}`);
}
