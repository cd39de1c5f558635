/**
 * Applies the Australian Bedrock posture to a Control Tower OU, offline.
 *
 *   npm run example
 *   WORKLOADS_OU=ou-xxxx-xxxxxxxx SANDBOX_OU=ou-yyyy-yyyyyyyy \
 *   ORG_ID=o-xxxxxxxxxx MANAGEMENT_ACCOUNT=111122223333 npm run example
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
  const orgId = process.env.ORG_ID ?? 'o-abcdefghij';
  const managementAccount = process.env.MANAGEMENT_ACCOUNT ?? '111122223333';
  // Control Tower enables controls on OUs named by ARN.
  const ouArn = (ou: string) => `arn:aws:organizations::${managementAccount}:ou/${orgId}/${ou}`;

  const app = new App({ outdir });
  const stack = new Stack(app, 'BedrockResidencyGuardrails', {
    description: 'Keeps Amazon Bedrock traffic in Australia for the Workloads and Sandbox OUs',
  });

  // Control Tower OUs already carry FullAWSAccess and aws-guardrails-* SCPs:
  // count them so the slot check is honest.
  const controlTowerOu = { policiesAttachedElsewhere: 3 };

  // Production workloads: the whole posture in one slot (Control Tower's roles and a
  // break-glass role exempt), with alarms on the organization trail's log group that
  // Control Tower creates in the management account. Control Tower's OU Region deny
  // is enabled on both OUs with Sydney and Melbourne allowed, so it cannot block the
  // Melbourne legs of au. calls; before the SCP attaches, a deploy-time check reads
  // the SCPs already on the OU's path (a landing-zone Region deny among them) and
  // fails the deployment if one would still break the Australian paths.
  const workloads = new AuBedrockPosture(stack, 'WorkloadsPosture', {
    policyName: 'bedrock-au-residency',
    targetIds: [workloadsOu],
    exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'],
    quota: controlTowerOu,
    detection: { logGroup: logs.LogGroup.fromLogGroupName(stack, 'OrgTrail', 'aws-controltower/CloudTrailLogs') },
    controlTowerRegionDeny: { targetOuArns: [ouArn(workloadsOu), ouArn(sandboxOu)] },
    checkExistingScps: true,
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

  return { app, stack, scps: [...workloads.scps, sandboxProfiles, sandboxRegions], regionDeny: workloads.regionDeny! };
}

function main() {
// Synthesis runs every check: prop validation, policy size and SCP slots per target.
  const { app, stack, scps, regionDeny } = buildApp();
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
  console.log(`Control Tower OU Region deny (CT.MULTISERVICE.PV.1) on ${regionDeny.enabledControls.length} OUs: `
    + `allowed Regions ${regionDeny.allowedRegions.join(', ')}; exempt ${regionDeny.exemptPrincipalArns.length} principals.\n`);
  console.log('Reminder: SCPs never apply to the management account. Run no Bedrock workloads there.');
}

if (require.main === module) main();
