import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SovereignBedrockChecks, SovereignBedrockChecksProps } from '../../src';
import { CheckRule, RuleFinding } from '../../src/core/checks/findings';
import { TemplateResource, templateContext } from '../../src/core/checks/template';

export const ACCOUNT = '111122223333';

/** An app that synthesizes to its own temporary directory, and a stack in Sydney. */
export function sydneyApp(): { app: App; stack: Stack } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-checks-')) });
  const stack = new Stack(app, 'Workload', { env: { account: ACCOUNT, region: 'ap-southeast-2' } });
  return { app, stack };
}

/**
 * Synthesizes the app and calls the plugin's validate() on the templates,
 * exactly as CDK does, without registering the plugin (a registered plugin only
 * sets process.exitCode on a violation, which fails jest without saying why).
 */
export function validateApp(app: App, props: SovereignBedrockChecksProps = {}): PolicyValidationPluginReport {
  const assembly = app.synth();
  return new SovereignBedrockChecks(props).validate({ templatePaths: assembly.stacks.map((s) => s.templateFullPath), appConstruct: app });
}

/** `ruleName severity: description` lines, for readable assertions. */
export function summary(report: PolicyValidationPluginReport, rule?: string): string[] {
  return report.violations
    .filter((v) => rule === undefined || v.ruleName === rule)
    .map((v) => `${v.ruleName} ${v.severity}: ${v.description}`);
}

/** Rule names reported, with how many violations each. */
export function ruleCounts(report: PolicyValidationPluginReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of report.violations) counts[v.ruleName] = (counts[v.ruleName] ?? 0) + 1;
  return counts;
}

/** A role in the stack with one hand-written statement added through addToPolicy. */
export function roleWith(stack: Stack, statement: iam.PolicyStatementProps, id = 'AppRole'): iam.Role {
  const role = new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(new iam.PolicyStatement(statement));
  return role;
}

/** Runs one rule on a template fragment: a resource given by type and properties. */
export function runRule(
  rule: CheckRule, type: string, properties: Record<string, unknown>, others: Record<string, string> = {},
): RuleFinding[] {
  const resource: TemplateResource = { logicalId: 'Subject', type, properties, metadata: {} };
  const ctx = templateContext([resource, ...Object.entries(others).map(([logicalId, t]) => ({ logicalId, type: t, properties: {}, metadata: {} }))]);
  return rule.check(resource, ctx);
}

/** An AWS::IAM::Policy fragment with the given statements. */
export function policyWith(...statements: Record<string, unknown>[]): Record<string, unknown> {
  return { PolicyName: 'P', PolicyDocument: { Version: '2012-10-17', Statement: statements } };
}
