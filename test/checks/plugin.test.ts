import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, roleWith, ruleCounts, summary, sydneyApp, validateApp } from './helpers';
import {
  AuBedrockResidencyScp, CheckSeverity, SovereignBedrockChecks, SovereignBedrockChecksAspect, SovereignBedrockInvoker, SovereignBedrockSuppressions,
} from '../../src';

const lambda = () => new iam.ServicePrincipal('lambda.amazonaws.com');

function errorOf(fn: () => void): string {
  try { fn(); } catch (e) { return (e as Error).message; }
  throw new Error('expected an error');
}

describe('SovereignBedrockInvoker passes every rule', () => {
  test.each([
    ['default', {}],
    ['named models', { models: ['Claude Sonnet 4.5', 'Nova Pro', 'amazon.titan-embed-text-v2:0'] }],
    ['batch with a service role, no streaming', { allowBatchInference: true, allowStreaming: false }],
  ])('%s', (_name, props) => {
    const { app, stack } = sydneyApp();
    const batchServiceRole = (props as any).allowBatchInference
      ? new iam.Role(stack, 'BatchRole', { assumedBy: new iam.ServicePrincipal('bedrock.amazonaws.com') }) : undefined;
    new SovereignBedrockInvoker(stack, 'Invoker', { assumedBy: lambda(), batchServiceRole, ...props });
    const report = validateApp(app);
    expect(report).toEqual({ success: true, violations: [], metadata: {} });
  });

  test('in an environment-agnostic stack, with a VPC endpoint, and granted to another role', () => {
    const app = new App();
    const stack = new Stack(app, 'Agnostic');
    const invoker = new SovereignBedrockInvoker(stack, 'Invoker', { assumedBy: lambda(), vpc: new ec2.Vpc(stack, 'Vpc') });
    invoker.grantInvoke(new iam.Role(stack, 'Other', { assumedBy: lambda() }));
    expect(validateApp(app).violations).toEqual([]);
  });

  test('the residency SCP constructs themselves are not IAM grants', () => {
    const { app, stack } = sydneyApp();
    new AuBedrockResidencyScp(stack, 'Posture', { targetIds: ['ou-ab12-34cd56ef'] });
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('the validation plugin', () => {
  test('documents every rule', () => {
    const rules = SovereignBedrockChecks.rules();
    expect(rules.map((r) => r.id)).toEqual(Array.from({ length: 16 }, (_, i) => `AuBedrock${i + 1}`));
    for (const r of rules) {
      expect(r.name.length).toBeGreaterThan(5);
      expect(r.description.length).toBeGreaterThan(50);
      expect(r.fix.length).toBeGreaterThan(50);
    }
    expect(new SovereignBedrockChecks().ruleIds).toEqual(rules.map((r) => r.id));
    expect(new SovereignBedrockChecks().name).toBe('cdk-sovereign-bedrock');
  });

  test('reads every stack of the app and reports each template path', () => {
    const { app, stack } = sydneyApp();
    const second = new Stack(app, 'Second', { env: { account: ACCOUNT, region: 'ap-southeast-2' } });
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: ['*'] });
    roleWith(second, { actions: ['bedrock:InvokeModel'], resources: ['*'] });
    const [v] = validateApp(app).violations;
    expect(v.violatingResources.map((r) => path.basename(r.templatePath!)).sort()).toEqual(['Second.template.json', 'Workload.template.json']);
  });

  test('rules and reportWarnings narrow what is reported', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: ['*'] });
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:application-inference-profile/a1b2c3d4e5f6`] }, 'Warned');
    roleWith(stack, { actions: ['bedrock-mantle:*'], resources: ['*'] }, 'Mantle');
    const context = { templatePaths: app.synth().stacks.map((s) => s.templateFullPath), appConstruct: app };
    expect(ruleCounts(new SovereignBedrockChecks().validate(context))).toEqual({ AuBedrock1: 1, AuBedrock2: 1, AuBedrock5: 1 });
    expect(ruleCounts(new SovereignBedrockChecks({ reportWarnings: false }).validate(context))).toEqual({ AuBedrock1: 1, AuBedrock5: 1 });
    expect(ruleCounts(new SovereignBedrockChecks({ rules: ['AuBedrock5'] }).validate(context))).toEqual({ AuBedrock5: 1 });
  });

  test('bad props are reported together, naming the accepted form', () => {
    const all = Array.from({ length: 16 }, (_, i) => `AuBedrock${i + 1}`).join(', ');
    expect(errorOf(() => new SovereignBedrockChecks({ rules: ['AUBR1', 'AuBedrock99'] }))).toBe(
      'SovereignBedrockChecks: invalid props (2 problems):\n'
      + `  - rules[0]: "AUBR1" is not a rule of these checks. Use one of ${all}\n`
      + `  - rules[1]: "AuBedrock99" is not a rule of these checks. Use one of ${all}`);
    expect(errorOf(() => new SovereignBedrockChecksAspect({ rules: [] }))).toMatch(/^SovereignBedrockChecksAspect: invalid props \(1 problem\):\n {2}- rules: must not be empty/);
  });

  test('checkTemplate works on a template object, e.g. from the assertions module', () => {
    const { stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: ['arn:aws:bedrock:::foundation-model/x'] });
    expect(new SovereignBedrockChecks().checkTemplate(Template.fromStack(stack).toJSON())).toEqual([{
      ruleId: 'AuBedrock3',
      severity: CheckSeverity.ERROR,
      logicalId: expect.stringMatching(/^AppRoleDefaultPolicy/),
      resourceType: 'AWS::IAM::Policy',
      location: 'Properties/PolicyDocument/Statement/0/Resource',
      message: expect.stringMatching(/Region-less ARN/),
      fix: expect.stringMatching(/^Name the Region/),
    }]);
  });

  test('registered on the App: CDK writes the report, fails the synth through process.exitCode, and honours acknowledgements', () => {
    const { app, stack } = sydneyApp();
    Validations.of(app).addPlugins(new SovereignBedrockChecks());
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: ['*'] }, 'Broad');
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: ['arn:aws:bedrock:us-east-1::foundation-model/x'] }, 'Virginia');
    Validations.of(app).acknowledge({ id: 'cdk-sovereign-bedrock::AuBedrock3', reason: 'US experiment, not production' });
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const exitCode = process.exitCode;
    let assemblyDir: string;
    try {
      assemblyDir = app.synth().directory;
      expect(process.exitCode).toBe(1);
    } finally {
      process.exitCode = exitCode; // a registered plugin only sets process.exitCode on a violation, which would fail jest silently
      consoleError.mockRestore();
    }
    // The report the CDK CLI reads (aws-cdk-lib >= 2.258.0; older releases wrote policy-validation-report.json).
    const report = JSON.parse(fs.readFileSync(path.join(assemblyDir, 'validation-report.json'), 'utf8'));
    const plugin = report.pluginReports.find((r: any) => r.pluginName === 'cdk-sovereign-bedrock');
    expect(plugin.conclusion).toBe('failure');
    expect(plugin.violations.map((v: any) => v.ruleName)).toEqual(['AuBedrock1']);
  });
});

describe('the Aspect shares the rules and suppressions', () => {
  test('errors and warnings are annotations on the offending CfnResource', () => {
    const app = new App();
    const stack = new Stack(app, 'Workload', { env: { account: ACCOUNT, region: 'ap-southeast-2' } });
    Aspects.of(app).add(new SovereignBedrockChecksAspect());
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: ['*'] }, 'Broad');
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: [`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:application-inference-profile/a1b2c3d4e5f6`] }, 'AppProfile');
    new bedrock.CfnAgent(stack, 'Agent', { agentName: 'a', foundationModel: 'global.anthropic.claude-opus-4-5-20251101-v1:0' });
    const suppressed = roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: ['*'] }, 'Suppressed');
    SovereignBedrockSuppressions.addResourceSuppressions(suppressed, [{ id: 'AuBedrock1', reason: 'break-glass role, SCP applies' }], true);
    new SovereignBedrockInvoker(stack, 'Invoker', { assumedBy: lambda() });

    const annotations = Annotations.fromStack(stack);
    const errors = annotations.findError('*', Match.stringLikeRegexp('AuBedrock'));
    expect(errors.map((e) => `${e.id} ${String(e.entry.data).slice(0, 12)}`).sort()).toEqual([
      '/Workload/Agent [AuBedrock4]',
      '/Workload/Broad/DefaultPolicy/Resource [AuBedrock1]',
    ]);
    expect(String(errors.find((e) => e.id === '/Workload/Broad/DefaultPolicy/Resource')!.entry.data))
      .toMatch(/^\[AuBedrock1\] grants bedrock:InvokeModel on "\*": .* \(at Properties\/PolicyDocument\/Statement\/0\/Resource\)\. Fix: Grant invocation on residency-safe paths only/);
    const warnings = annotations.findWarning('*', Match.stringLikeRegexp('AuBedrock'));
    expect(warnings.map((w) => w.id)).toEqual(['/Workload/AppProfile/DefaultPolicy/Resource']);
    expect(String(warnings[0].entry.data)).toMatch(/\[ack: cdk-sovereign-bedrock::AuBedrock2\]$/);
  });

  test('the Aspect and the plugin agree on the same app', () => {
    const { app, stack } = sydneyApp();
    Aspects.of(app).add(new SovereignBedrockChecksAspect());
    roleWith(stack, { actions: ['bedrock:*'], resources: ['arn:aws:bedrock:*:*:inference-profile/*'] });
    const fromPlugin = summary(validateApp(app)).map((l) => l.split(' ')[0]);
    const fromAspect = Annotations.fromStack(stack).findError('*', Match.anyValue()).map((e) => String(e.entry.data).slice(1, 11));
    expect(fromAspect).toEqual(fromPlugin);
  });
});
