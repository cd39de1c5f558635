import * as fs from 'fs';
import * as path from 'path';
import { CheckFinding, CheckSeverity } from './check-types';

/** A template the plugin checks, with the path CDK's report names it by. */
export interface TemplateFile {
  readonly templatePath: string;
  readonly template: any;
  /** The top-level stack's template (the file itself unless nested): where the stack's environment is recorded. */
  readonly topLevelPath: string;
}

/** The templates to check, and findings for what could not be checked. */
export interface TemplateFiles {
  readonly files: TemplateFile[];
  readonly problems: { finding: CheckFinding; templatePath: string }[];
}

/** Rule ID of a template the plugin could not read or check: an error, so the synth cannot pass unchecked. */
export const CHECK_FAILED_RULE_ID = 'AuBedrockCheckFailed';
/** Rule ID of a nested stack whose template the cloud assembly does not locate: a "cannot verify" warning. */
export const UNCHECKED_NESTED_STACK_RULE_ID = 'AuBedrockUncheckedNestedStack';

/** An error finding for a template that was not (fully) checked. */
export function checkFailed(templatePath: string, why: string): { finding: CheckFinding; templatePath: string } {
  return {
    templatePath,
    finding: {
      ruleId: CHECK_FAILED_RULE_ID,
      severity: CheckSeverity.ERROR,
      logicalId: path.basename(templatePath),
      resourceType: 'template',
      location: '',
      message: `${why}. Nothing in this template is known to be residency-safe`,
      fix: 'Make sure the synthesized template is readable JSON; if it is, report this as a bug of cdk-sovereign-bedrock.',
    },
  };
}

/**
 * Where a nested stack's template is in the cloud assembly: from the resource's
 * `aws:asset:path` metadata (written when asset metadata is on, as under the CDK CLI),
 * else from the assets manifests beside the parent, by the object key in `TemplateURL`.
 */
function nestedTemplatePath(parentPath: string, resource: any): string | undefined {
  const dir = path.dirname(parentPath);
  const asset = resource.Metadata?.['aws:asset:path'];
  if (typeof asset === 'string' && fs.existsSync(path.join(dir, asset))) return path.join(dir, asset);
  const url = JSON.stringify(resource.Properties?.TemplateURL ?? '');
  for (const manifest of fs.readdirSync(dir).filter((f) => f.endsWith('.assets.json'))) {
    let files: Record<string, any>;
    try {
      files = JSON.parse(fs.readFileSync(path.join(dir, manifest), 'utf8')).files ?? {};
    } catch {
      continue;
    }
    for (const file of Object.values(files)) {
      const source = file?.source?.path;
      const keys = Object.values<any>(file?.destinations ?? {}).map((d) => d?.objectKey).filter((k) => typeof k === 'string' && k.length > 0);
      if (typeof source === 'string' && keys.some((k: string) => url.includes(k)) && fs.existsSync(path.join(dir, source))) {
        return path.join(dir, source);
      }
    }
  }
  return undefined;
}

/**
 * Reads the templates CDK hands the plugin and, recursively, the templates of their
 * nested stacks. CDK passes only top-level stack templates to validation plugins; a
 * nested stack's template is a file asset beside its parent, named by the parent's
 * `aws:asset:path` metadata on the `AWS::CloudFormation::Stack` resource.
 *
 * Never throws: CDK treats a plugin that throws as having found nothing (the synth
 * passes), so an unreadable template becomes an error finding instead.
 */
export function readTemplates(templatePaths: readonly string[]): TemplateFiles {
  const files: TemplateFile[] = [];
  const problems: { finding: CheckFinding; templatePath: string }[] = [];
  const seen = new Set<string>();
  // A nested stack deploys where its top-level stack does: remember that stack's template for its Region.
  const visit = (templatePath: string, topLevelPath: string) => {
    const key = path.resolve(templatePath);
    if (seen.has(key)) return;
    seen.add(key);
    let template: any;
    try {
      template = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
    } catch (e) {
      problems.push(checkFailed(templatePath, `could not read the template: ${(e as Error).message}`));
      return;
    }
    files.push({ templatePath, template, topLevelPath });
    for (const [logicalId, resource] of Object.entries<any>(template?.Resources ?? {})) {
      if (resource?.Type !== 'AWS::CloudFormation::Stack') continue;
      const nested = nestedTemplatePath(templatePath, resource);
      if (nested) {
        visit(nested, topLevelPath);
      } else {
        problems.push({
          templatePath,
          finding: {
            ruleId: UNCHECKED_NESTED_STACK_RULE_ID,
            severity: CheckSeverity.WARNING,
            logicalId,
            resourceType: 'AWS::CloudFormation::Stack',
            location: 'Metadata/aws:asset:path',
            message: 'cannot verify this nested stack: its template is not in the cloud assembly (it is not a CDK NestedStack, or its TemplateURL names no file asset)',
            fix: 'Check the nested template yourself with checkTemplate(), or define the nested stack with aws-cdk-lib NestedStack.',
          },
        });
      }
    }
  };
  for (const p of templatePaths) visit(p, p);
  return { files, problems };
}
