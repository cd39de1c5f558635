/**
 * One app with every construct the library offers, with the options that create
 * resources (functions, providers, the detections' topic and key, the invoker's
 * VPC endpoint), so cdk-nag and the Control Tower rules see all of them.
 */
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  AuBedrockPosture, AuOnlyInferenceScp, BedrockDataEvents, BedrockInvocationLogging, BedrockResidencyDashboard, CloudTrailAthenaTable,
  InferenceRegionAlarm, OrganizationalUnitPath, PostureAuditor, PostureProbe, ScpSlotGuard, SovereignBedrockInvoker,
} from 'cdk-sovereign-bedrock';

export function buildLibraryApp(outdir: string) {
  const app = new App({ outdir });
  const management = new Stack(app, 'Management', { env: { account: '111122223333', region: 'ap-southeast-2' } });
  const posture = new AuBedrockPosture(management, 'Posture', {
    organizationalUnitPaths: ['Root/Workloads/Prod'],
    guardScpSlots: true,
    detection: { logGroup: logs.LogGroup.fromLogGroupName(management, 'OrgTrail', 'aws-controltower/CloudTrailLogs') },
  });
  const sandbox = new OrganizationalUnitPath(management, 'Sandbox', { path: 'Root/Sandbox' });
  ScpSlotGuard.protect(new AuOnlyInferenceScp(management, 'SandboxProfiles', { targetIds: [sandbox.organizationalUnitId] }));
  const auditor = new PostureAuditor(management, 'Auditor', { topic: posture.alarm?.topic });
  new BedrockResidencyDashboard(management, 'Dashboard', {
    posture,
    modelIds: ['au.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    extraAlarms: [auditor.notProtectedAlarm, auditor.auditErrorAlarm],
    throttleAlarmThreshold: 5,
    clientErrorAlarmThreshold: 10,
    tokenUsageAlarmThreshold: 1_000_000,
  });

  const workload = new Stack(app, 'Workload', { env: { account: '333344445555', region: 'ap-southeast-2' } });
  const vpc = new ec2.Vpc(workload, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new SovereignBedrockInvoker(workload, 'Invoker', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    models: ['Claude Haiku 4.5'],
    vpc,
  });
  const trail = new cloudtrail.Trail(workload, 'Trail', { sendToCloudWatchLogs: true });
  new InferenceRegionAlarm(workload, 'Alarm', { trail });
  // A year: Control Tower's CT.CLOUDWATCH.PR.2 refuses log groups kept for less.
  new BedrockInvocationLogging(workload, 'InvocationLogs', { retention: logs.RetentionDays.ONE_YEAR });
  BedrockDataEvents.enable(trail);
  // The probe writes its evidence to a bucket the user owns (and sets the retention of).
  const evidence = new s3.Bucket(workload, 'ProbeEvidence', { enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, versioned: true });
  const probeTopic = new sns.Topic(workload, 'ProbeTopic', { enforceSSL: true });
  new PostureProbe(workload, 'Probe', { evidenceBucket: evidence, exemptPrincipalArns: posture.exemptPrincipalArns, topic: probeTopic });
  // And with the evidence bucket it creates itself.
  new PostureProbe(workload, 'ProbeOwnBucket', { topic: probeTopic, roleName: 'SovereignBedrockProbe-own-bucket' });
  new CloudTrailAthenaTable(workload, 'TrafficTable', {
    trailBucketName: 'org-trail-333344445555', organizationId: 'o-a1b2c3d4e5', accounts: ['333344445555'], regions: ['ap-southeast-2'],
  });
  return { app, stacks: [management, workload] };
}

if (require.main === module) buildLibraryApp(process.env.CDK_OUTDIR ?? join(__dirname, 'cdk.out')).app.synth();
