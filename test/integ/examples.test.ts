import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp as controlTowerOu } from '../../examples/control-tower-ou/app';
import { buildApp as pipelinesStage } from '../../examples/pipelines-stage/app';
import { buildApp as workloadApp } from '../../examples/workload-app/app';

const outdir = () => mkdtempSync(join(tmpdir(), 'example-'));

describe('the examples synthesize offline', () => {
  test('Control Tower OU deployment (npm run example)', () => {
    const { app, stack } = controlTowerOu(outdir());
    app.synth();
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Organizations::Policy', 3);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 6); // the InferenceRegionAlarm's six signals
    // Control Tower's OU Region deny on both OUs, with both Australian Regions allowed.
    const controls = Object.values<any>(t.findResources('AWS::ControlTower::EnabledControl'));
    expect(controls.map((c) => c.Properties.TargetIdentifier)).toEqual([
      'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef',
      'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-98fe76dc',
    ]);
    for (const c of controls) {
      expect(c.Properties.Parameters).toContainEqual({ Key: 'AllowedRegions', Value: ['ap-southeast-2', 'ap-southeast-4'] });
      expect(c.Properties.Parameters.find((p: any) => p.Key === 'ExemptedPrincipalArns').Value).toContain('arn:aws:iam::*:role/BreakGlassAdmin');
    }
    // The deploy-time check runs before the posture's SCP attaches.
    const [check] = Object.keys(t.findResources('Custom::ScpConflictCheck'));
    t.hasResource('AWS::Organizations::Policy', { Properties: { Name: 'bedrock-au-residency' }, DependsOn: [check] });
    // ... and after the Region deny is enabled, so it reads the organization as the deployment leaves it.
    const checkResource = t.findResources('Custom::ScpConflictCheck')[check];
    expect(checkResource.DependsOn).toEqual(expect.arrayContaining(Object.keys(t.findResources('AWS::ControlTower::EnabledControl'))));
  });

  test('CDK Pipelines landing-zone stage', () => {
    const { app } = pipelinesStage(outdir());
    const assembly = app.synth();
    const stage = assembly.getNestedAssembly('assembly-Guardrails');
    const guardrails = stage.stacks.find((s) => s.stackName.includes('BedrockGuardrails'))!;
    expect(guardrails.environment.account).toBe('111122223333');
    const policies = Object.values<any>(guardrails.template.Resources).filter((r) => r.Type === 'AWS::Organizations::Policy');
    expect(policies).toHaveLength(1);
    expect(policies[0].Properties.TargetIds).toEqual(['ou-ab12-34cd56ef', 'ou-ab12-98fe76dc']);
  });

  test('workload app whose Lambda uses the invoker', () => {
    const { app, stack, invoker } = workloadApp(outdir());
    app.synth();
    expect(invoker.modelId).toBe('au.anthropic.claude-haiku-4-5-20251001-v1:0');
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { BEDROCK_MODEL_ID: 'au.anthropic.claude-haiku-4-5-20251001-v1:0' } },
    });
  });
});
