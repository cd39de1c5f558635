import * as fs from 'fs';
import * as path from 'path';
import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation, Stage } from 'aws-cdk-lib';
import { CheckFinding, CheckRuleInfo, CheckSeverity, SovereignBedrockChecksProps } from './check-types';
import { CheckSettings, checkSettings, ruleById, shown, toCheckFinding } from './rule-selection';
import { ALL_RULES } from './rules';
import { checkFailed, readTemplates, UNCHECKED_NESTED_STACK_RULE_ID, CHECK_FAILED_RULE_ID } from './template-files';
import { checkTemplate } from '../core/checks/run-checks';
import { SuppressedFinding } from '../core/checks/suppressions';
import { ValidationErrors } from '../core/validation-errors';
import { describeType } from '../core/validators';

interface Located {
  readonly finding: CheckFinding;
  readonly templatePath: string;
}

interface ViolatingResource {
  readonly templatePath: string;
  readonly logicalId: string;
  readonly locations: string[];
}

/** One violation per distinct problem; the same problem on several resources is listed once. */
function violations(found: readonly Located[]): PolicyViolation[] {
  const byProblem = new Map<string, { finding: CheckFinding; resources: Map<string, ViolatingResource> }>();
  for (const { finding, templatePath } of found) {
    const key = JSON.stringify([finding.ruleId, finding.severity, finding.message, finding.fix]);
    const entry = byProblem.get(key) ?? { finding, resources: new Map() };
    byProblem.set(key, entry);
    const resKey = `${templatePath}\u0000${finding.logicalId}`;
    const res = entry.resources.get(resKey) ?? { templatePath, logicalId: finding.logicalId, locations: [] };
    entry.resources.set(resKey, res);
    if (!res.locations.includes(finding.location)) res.locations.push(finding.location);
  }
  return [...byProblem.values()].map(({ finding, resources }) => ({
    ruleName: finding.ruleId,
    description: `${ruleName(finding.ruleId)}: ${finding.message}`,
    fix: finding.fix,
    severity: finding.severity,
    violatingResources: [...resources.values()].map((r) => ({
      resourceLogicalId: r.logicalId,
      templatePath: r.templatePath,
      locations: r.locations,
    })),
  }));
}

/**
 * The Region a synthesized template deploys to, from the cloud assembly's
 * manifest next to it (`environment: aws://ACCOUNT/REGION`); undefined for an
 * environment-agnostic stack or when the manifest cannot be read.
 */
export function templateRegion(templatePath: string): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(templatePath), 'manifest.json'), 'utf8'));
    const file = path.basename(templatePath);
    for (const artifact of Object.values<any>(manifest.artifacts ?? {})) {
      if (artifact?.properties?.templateFile !== file) continue;
      const region = /^aws:\/\/[^/]*\/(.+)$/.exec(String(artifact.environment ?? ''))?.[1];
      return region && region !== 'unknown-region' ? region : undefined;
    }
  } catch {
    // No manifest: a template checked on its own.
  }
  return undefined;
}

function ruleName(id: string): string {
  if (id === CHECK_FAILED_RULE_ID) return 'Check failed';
  if (id === UNCHECKED_NESTED_STACK_RULE_ID) return 'Unchecked nested stack';
  return ruleById(id)?.name ?? 'Malformed suppression';
}

function auditTrail(suppressed: readonly { s: SuppressedFinding; templatePath: string }[]): Record<string, string> {
  if (suppressed.length === 0) return {};
  return {
    suppressedFindings: suppressed
      .map(({ s }) => `${s.ruleId} on ${s.logicalId} (${s.location}): ${s.reason}`)
      .join('\n'),
  };
}

/**
 * Shift-left residency checks for application teams, as an aws-cdk-lib policy
 * validation plugin: it reads every synthesized template and reports IAM grants
 * and Bedrock resources that would let prompts leave Australia, with rule IDs
 * (`AuBedrock1`...`AuBedrock14`, listed in docs/rules.md) and a fix for each.
 *
 * Suppress a rule on one resource with `SovereignBedrockSuppressions`
 * (a reason is required), or app-wide with CDK's own
 * `Validations.of(app).acknowledge({ id: 'cdk-sovereign-bedrock::AuBedrock2', reason })`.
 *
 * @example
 * const app = new App();
 * Validations.of(app).addPlugins(new SovereignBedrockChecks());
 */
export class SovereignBedrockChecks implements IPolicyValidationPlugin {
  /** Every rule the checks know, in ID order. */
  public static rules(): CheckRuleInfo[] {
    return ALL_RULES.map(({ id, name, description, fix }) => ({ id, name, description, fix }));
  }

  /** Name shown in CDK's validation report; acknowledgement IDs are `cdk-sovereign-bedrock::RULE`. */
  public readonly name: string = 'cdk-sovereign-bedrock';
  /** The rule IDs this instance runs. */
  public readonly ruleIds?: string[];
  private readonly settings: CheckSettings;

  constructor(props: SovereignBedrockChecksProps = {}) {
    this.settings = checkSettings(props, 'SovereignBedrockChecks');
    this.ruleIds = this.settings.rules.map((r) => r.id);
  }

  /**
   * Checks the templates CDK synthesized. Called by CDK during synthesis when
   * the plugin is registered with `Validations.of(app).addPlugins()`; tests can
   * call it directly with the template paths of a synthesized assembly.
   */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const paths: unknown = (context as { templatePaths?: unknown } | null | undefined)?.templatePaths;
    if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string')) {
      const errors = new ValidationErrors();
      errors.add('context.templatePaths', `must be a list of template file paths, got ${describeType(paths)}`);
      errors.throwIfAny('SovereignBedrockChecks.validate');
    }
    // Nested stacks' templates are checked too; what cannot be read is reported, never skipped.
    const { files, problems } = readTemplates(context.templatePaths);
    const found: Located[] = problems.filter(({ finding }) => this.settings.reportWarnings || finding.severity === CheckSeverity.ERROR);
    const suppressed: { s: SuppressedFinding; templatePath: string }[] = [];
    for (const file of files) {
      const { templatePath, template } = file;
      let outcome: ReturnType<typeof checkTemplate>;
      try {
        outcome = checkTemplate(template, this.settings.rules, templateRegion(file.topLevelPath));
      } catch (e) {
        found.push(checkFailed(templatePath, `checking the template failed: ${(e as Error).message}`));
        continue;
      }
      for (const f of outcome.findings) {
        if (shown(f, this.settings)) found.push({ finding: toCheckFinding(f), templatePath });
      }
      for (const s of outcome.suppressed) suppressed.push({ s, templatePath });
    }
    const report = violations(found);
    return {
      success: report.every((v) => v.severity !== CheckSeverity.ERROR),
      violations: report,
      metadata: auditTrail(suppressed),
    };
  }

  /**
   * Synthesizes an app (or any stage) and checks every template of its assembly, nested stacks
   * included: the way to run the checks in a unit test. A plugin registered on the app only sets
   * `process.exitCode` when it fails, which fails jest without saying why; this returns the report.
   * It builds the validation context itself, so the same test compiles on every aws-cdk-lib release
   * the library supports (the context's interface gained required fields in later releases).
   *
   * @param stage the app or stage to synthesize
   */
  public validateStage(stage: Stage): PolicyValidationPluginReport {
    if (typeof (stage as { synth?: unknown } | null | undefined)?.synth !== 'function') {
      const errors = new ValidationErrors();
      errors.add('stage', `must be an App or Stage to synthesize, got ${describeType(stage)}`);
      errors.throwIfAny('SovereignBedrockChecks.validateStage');
    }
    const assembly = stage.synth();
    const templatePaths = assembly.stacksRecursively.map((s) => s.templateFullPath);
    return this.validate({ templatePaths, appConstruct: stage } as unknown as IPolicyValidationContext);
  }

  /**
   * Checks one parsed template (for example `Template.fromStack(stack).toJSON()`)
   * and returns the findings that suppressions leave standing.
   *
   * @param template the parsed CloudFormation template
   * @param region the Region the template deploys to, for rules that depend on it
   * (AgentCore resources); without it they report that they cannot verify
   */
  public checkTemplate(template: any, region?: string): CheckFinding[] {
    return checkTemplate(template, this.settings.rules, region).findings
      .filter((f) => shown(f, this.settings))
      .map(toCheckFinding);
  }
}
