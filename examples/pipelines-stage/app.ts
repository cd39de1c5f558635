/**
 * The posture as a stage of a CDK Pipelines landing-zone pipeline, offline.
 *
 *   npx ts-node -r tsconfig-paths/register examples/pipelines-stage/app.ts
 *
 * The pipeline lives in a tooling account; its "Guardrails" stage deploys the
 * posture stack to the management account (or the delegated administrator for
 * AWS Organizations policies), where SCPs are managed.
 */
import { join } from 'path';
import { App, Stack, StackProps, Stage, StageProps } from 'aws-cdk-lib';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { AuBedrockPosture } from 'cdk-sovereign-bedrock';

const TOOLING = { account: '222233334444', region: 'ap-southeast-2' };
const MANAGEMENT = { account: '111122223333', region: 'ap-southeast-2' };

/** The guardrails: one SCP slot per OU, attached to every workload OU of the landing zone. */
export class BedrockGuardrailsStack extends Stack {
  public readonly posture: AuBedrockPosture;

  constructor(scope: Construct, id: string, props: StackProps & { workloadOus: string[] }) {
    super(scope, id, props);
    this.posture = new AuBedrockPosture(this, 'Posture', {
      policyName: 'bedrock-au-residency',
      targetIds: props.workloadOus,
      exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'],
      quota: { policiesAttachedElsewhere: 3 },
    });
  }
}

export class LandingZoneGuardrailsStage extends Stage {
  constructor(scope: Construct, id: string, props: StageProps & { workloadOus: string[] }) {
    super(scope, id, props);
    new BedrockGuardrailsStack(this, 'BedrockGuardrails', { env: MANAGEMENT, workloadOus: props.workloadOus });
  }
}

export function buildApp(outdir = join(__dirname, 'cdk.out')) {
  const app = new App({ outdir });
  const pipelineStack = new Stack(app, 'LandingZonePipeline', { env: TOOLING });
  const pipeline = new pipelines.CodePipeline(pipelineStack, 'Pipeline', {
    crossAccountKeys: true,
    synth: new pipelines.ShellStep('Synth', {
      input: pipelines.CodePipelineSource.connection('example-org/landing-zone', 'main', {
        connectionArn: `arn:aws:codeconnections:ap-southeast-2:${TOOLING.account}:connection/00000000-0000-0000-0000-000000000000`,
      }),
      commands: ['npm ci', 'npx cdk synth'],
    }),
  });
  pipeline.addStage(new LandingZoneGuardrailsStage(app, 'Guardrails', {
    workloadOus: ['ou-ab12-34cd56ef', 'ou-ab12-98fe76dc'],
  }));
  return { app, pipelineStack };
}

if (require.main === module) {
  const { app } = buildApp();
  const assembly = app.synth();
  console.log(`Synthesized the pipeline and its Guardrails stage to ${assembly.directory}`);
}
