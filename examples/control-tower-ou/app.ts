/**
 * Applies the Australian Bedrock posture to a Control Tower OU, offline.
 *
 *   npm run example
 *   WORKLOADS_OU=ou-xxxx-xxxxxxxx SANDBOX_OU=ou-yyyy-yyyyyyyy npm run example
 *
 * Synthesizes a CloudFormation template for the management (or delegated
 * policy-administrator) account and prints each service control policy with its
 * size against the SCP quota. Nothing is deployed; no AWS account is needed.
 */
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AuBedrockPosture, AuOnlyInferenceScp, RegionAllowlistScp } from 'cdk-sovereign-bedrock';

export function buildApp(outdir = join(__dirname, 'cdk.out')) {
  const workloadsOu = process.env.WORKLOADS_OU ?? 'ou-ab12-34cd56ef';
  const sandboxOu = process.env.SANDBOX_OU ?? 'ou-ab12-98fe76dc';

  const app = new App({ outdir });
  const stack = new Stack(app, 'BedrockResidencyGuardrails', {
    description: 'Keeps Amazon Bedrock traffic in Australia for the Workloads and Sandbox OUs',
  });

  // Control Tower OUs already carry FullAWSAccess and aws-guardrails-* SCPs:
  // count them so the slot check is honest.
  const controlTowerOu = { policiesAttachedElsewhere: 3 };

  // Production workloads: the whole posture in one slot (Control Tower's roles and a
  // break-glass role exempt), with alarms on the organization trail's log group that
  // Control Tower creates in the management account.
  const workloads = new AuBedrockPosture(stack, 'WorkloadsPosture', {
    policyName: 'bedrock-au-residency',
    targetIds: [workloadsOu],
    exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'],
    quota: controlTowerOu,
    detection: { logGroup: logs.LogGroup.fromLogGroupName(stack, 'OrgTrail', 'aws-controltower/CloudTrailLogs') },
  });

  // Sandbox: the two locks as separate policies, so either can be detached on its own.
  const sandboxProfiles = new AuOnlyInferenceScp(stack, 'SandboxProfiles', {
    policyName: 'bedrock-au-only-inference-profiles',
    targetIds: [sandboxOu],
    quota: controlTowerOu,
  });
  const sandboxRegions = new RegionAllowlistScp(stack, 'SandboxRegions', {
    policyName: 'bedrock-region-allowlist',
    targetIds: [sandboxOu],
    quota: { policiesAttachedElsewhere: 2 },
  });

  return { app, stack, scps: [...workloads.scps, sandboxProfiles, sandboxRegions] };
}

function main() {
// Synthesis runs every check: prop validation, policy size and SCP slots per target.
  const { app, stack, scps } = buildApp();
  const assembly = app.synth();
  console.log(`Synthesized ${stack.stackName} to ${assembly.directory}\n`);

  for (const scp of scps) {
    const limit = scp.limits.maxPolicySize;
    const document = JSON.parse(scp.policyJson);
    console.log(`${stack.resolve(scp.policy.name)} (${scp.node.path})`);
    console.log(`  targets:    ${scp.targetIds.join(', ')}`);
    console.log(`  size:       ${scp.sizeChars} / ${limit} characters minified (${((scp.sizeChars / limit) * 100).toFixed(1)}% of the SCP limit)`);
    console.log(`  statements: ${document.Statement.map((st: { Sid: string }) => st.Sid).join(', ')}`);
    console.log(JSON.stringify(document, null, 2).replace(/^/gm, '    '));
    console.log();
  }
  console.log('Reminder: SCPs never apply to the management account. Run no Bedrock workloads there.');
}

if (require.main === module) main();
