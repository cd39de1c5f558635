import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { Construct, IConstruct } from 'constructs';
import { buildLibraryApp } from './library-fixture';
import { buildApp as controlTowerOu } from '../../../examples/control-tower-ou/app';
import { buildApp as pipelinesStage } from '../../../examples/pipelines-stage/app';
import { buildApp as workloadApp } from '../../../examples/workload-app/app';
import * as library from '../../../src';

/**
 * cdk-nag (AwsSolutions, NIST 800-53 R5) and the Control Tower proactive controls
 * over every example and over an app with every construct the library has: the
 * library's own resources must be clean, with a reason recorded wherever a rule
 * cannot be met.
 */
const LIBRARY_CLASSES = Object.values(library as Record<string, unknown>).filter(
  (v): v is new (...args: any[]) => Construct => typeof v === 'function' && v.prototype instanceof Construct,
);

/** Created by the library: inside one of its constructs, or one of its per-stack providers. */
function isLibraryResource(c: IConstruct): boolean {
  return c.node.scopes.some((s) => LIBRARY_CLASSES.some((cls) => s instanceof cls) || s.node.id.startsWith('CdkSovereignBedrock'));
}

const APPS: Record<string, () => App> = {
  'examples/control-tower-ou': () => controlTowerOu(outdir()).app,
  'examples/pipelines-stage': () => pipelinesStage(outdir()).app,
  'examples/workload-app': () => workloadApp(outdir()).app,
  'every library construct': () => buildLibraryApp(outdir()).app,
};
function outdir(): string {
  return mkdtempSync(join(tmpdir(), 'nag-'));
}

/** Every CfnResource by template file and logical ID, to name what cfn-guard reports. */
function resourcesByTemplate(app: App): Map<string, IConstruct> {
  const out = new Map<string, IConstruct>();
  const visit = (c: IConstruct) => {
    if (CfnResource.isCfnResource(c)) {
      const stack = Stack.of(c);
      out.set(`${stack.templateFile}/${stack.resolve(c.logicalId)}`, c);
    }
    c.node.children.forEach(visit);
  };
  visit(app);
  return out;
}

/**
 * Control Tower proactive controls that library resources do not meet, by design:
 * the library's Lambda functions call only AWS APIs, so they are not placed in a VPC
 * (CT.LAMBDA.PR.3); their log groups use CloudWatch Logs' default encryption rather
 * than a customer managed key per stack (CT.CLOUDWATCH.PR.3); the probe's evidence bucket
 * relies on CloudTrail data events rather than server access logs (CT.S3.PR.2). cfn-guard reads no
 * suppression metadata, so the list lives here, with the resource types it may cover.
 */
const CONTROL_TOWER_ACCEPTED: Record<string, string> = {
  lambda_inside_vpc_check: 'AWS::Lambda::Function',
  cloudwatch_log_group_encrypted_check: 'AWS::Logs::LogGroup',
  // PostureProbe's evidence bucket: CloudTrail data events, not a server access log bucket (CT.S3.PR.2).
  s3_bucket_logging_enabled_check: 'AWS::S3::Bucket',
};

/**
 * Rules accepted on one library resource only, by construct path: the server access log bucket
 * of BedrockInvocationLogging must use SSE-S3 (S3 server access log delivery supports nothing
 * else) and does not log its own access (that would loop).
 */
const CONTROL_TOWER_ACCEPTED_PATHS: Record<string, RegExp> = {
  s3_bucket_default_encryption_kms_check: /\/InvocationLogs\/AccessLogsBucket\/Resource$/,
  s3_bucket_logging_enabled_check: /\/InvocationLogs\/AccessLogsBucket\/Resource$/,
};

describe.each(Object.entries(APPS))('%s', (_name, build) => {
  let app: App;
  let templatePaths: string[];
  beforeAll(() => {
    app = build();
    templatePaths = app.synth().stacksRecursively.map((s) => s.templateFullPath);
  });

  test('no AwsSolutions or NIST 800-53 R5 finding on a resource the library creates', () => {
    const findings: string[] = [];
    for (const pack of [new AwsSolutionsChecks(app), new NIST80053R5Checks(app)]) {
      for (const v of pack.validateScope(app).violations) {
        for (const r of v.violatingResources) {
          const c = findByPath(app, r.constructPath!);
          if (c && isLibraryResource(c)) findings.push(`${v.ruleName} ${r.constructPath}`);
        }
      }
    }
    expect(findings).toEqual([]);
  });

  test('Control Tower proactive controls: library resources fail none but the accepted ones', () => {
    const byTemplate = resourcesByTemplate(app);
    const report = new CfnGuardValidator().validate({ templatePaths } as any);
    const findings: string[] = [];
    for (const v of report.violations) {
      for (const r of v.violatingResources) {
        const c = byTemplate.get(`${basename(r.templatePath)}/${r.resourceLogicalId}`);
        expect(c).toBeDefined();
        if (!isLibraryResource(c!)) continue;
        if (CONTROL_TOWER_ACCEPTED[v.ruleName] === (c as CfnResource).cfnResourceType) continue;
        if (CONTROL_TOWER_ACCEPTED_PATHS[v.ruleName]?.test(c!.node.path)) continue;
        findings.push(`${v.ruleName} ${c!.node.path}`);
      }
    }
    expect(findings).toEqual([]);
  });
});

function findByPath(app: App, path: string): IConstruct | undefined {
  return app.node.findAll().find((c) => c.node.path === path);
}

describe('the library\'s suppressions', () => {
  test('stay on its own resources: the same finding on a user\'s resource is still reported', () => {
    const { app, stacks: [management] } = buildLibraryApp(outdir());
    const role = new iam.Role(management, 'UserRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['organizations:ListRoots'], resources: ['*'] }));
    const found = new AwsSolutionsChecks(app).validateScope(app).violations
      .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`));
    expect(found.filter((f) => f.startsWith('AwsSolutions-IAM5'))).toEqual(['AwsSolutions-IAM5[Resource::*] Management/UserRole/DefaultPolicy/Resource']);
  });

  test('are written in cdk-nag\'s template metadata, each with a reason', () => {
    const { app } = buildLibraryApp(outdir());
    const suppressed = app.synth().stacks.flatMap((s) => Object.entries<any>(s.template.Resources)
      .flatMap(([logicalId, r]) => (r.Metadata?.cdk_nag?.rules_to_suppress ?? []).map((x: any) => ({ logicalId, ...x }))));
    expect([...new Set(suppressed.map((s) => s.id))].sort()).toEqual([
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::<CdkSovereignBedrockOuPathProviderHandler49D8FE19.Arn>:*]',
      'AwsSolutions-IAM5[Resource::<CdkSovereignBedrockScpSlotGuardProviderHandler9AFDDAB4.Arn>:*]',
      'AwsSolutions-IAM5[Resource::<CdkSovereignBedrockInvocationLoggingProviderHandlerF932C30D.Arn>:*]',
      'AwsSolutions-S1', 'NIST.800.53.R5-S3BucketLoggingEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      'NIST.800.53.R5-LambdaInsideVPC', 'NIST.800.53.R5-LambdaConcurrency', 'NIST.800.53.R5-LambdaDLQ',
      'NIST.800.53.R5-CloudWatchLogGroupEncrypted', 'NIST.800.53.R5-IAMNoInlinePolicy',
      'AwsSolutions-EC23', 'NIST.800.53.R5-EC2RestrictedCommonPorts', 'NIST.800.53.R5-EC2RestrictedSSH',
      // Pinned runtimes: flagged on aws-cdk-lib releases that know a newer Node.js (the compatibility matrix).
      'AwsSolutions-L1',
      // PostureProbe: the dated evidence records under its prefix.
      'AwsSolutions-IAM5[Resource::<ProbeEvidence87DD20B4.Arn>/posture-probe/*]',
      'AwsSolutions-IAM5[Resource::<ProbeOwnBucketEvidenceBucket09C1433E.Arn>/posture-probe/*]',
    ].sort());
    for (const s of suppressed) expect(s.reason.length).toBeGreaterThan(40);
  });
});
