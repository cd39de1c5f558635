import { Annotations, CfnResource, IAspect, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { SovereignBedrockChecksProps } from './check-types';
import { CheckSettings, checkSettings, shown, toCheckFinding } from './rule-selection';
import { checkResource } from '../core/checks/run-checks';
import { TemplateContext } from '../core/checks/template';

/**
 * The same rules as `SovereignBedrockChecks`, as an Aspect that annotates each
 * offending `CfnResource`: errors fail `cdk synth`, warnings can be
 * acknowledged. Use it when you want findings next to the construct in
 * `cdk synth` output or in `Annotations.fromStack()` assertions; use the
 * validation plugin when you want CDK's validation report.
 *
 * The Aspect sees each resource as it stands when Aspects run; the plugin sees
 * the final template, including later escape-hatch overrides. Both read the
 * same suppression metadata.
 *
 * @example
 * Aspects.of(app).add(new SovereignBedrockChecksAspect());
 */
export class SovereignBedrockChecksAspect implements IAspect {
  private readonly settings: CheckSettings;
  private readonly contexts = new WeakMap<Stack, TemplateContext>();

  constructor(props: SovereignBedrockChecksProps = {}) {
    this.settings = checkSettings(props, 'SovereignBedrockChecksAspect');
  }

  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    const stack = Stack.of(node);
    let rendered: any;
    try {
      // The resource as it will be written to the template, intrinsics and all.
      rendered = stack.resolve((node as any)._toCloudFormation());
    } catch (e) {
      Annotations.of(node).addWarningV2('cdk-sovereign-bedrock::unresolvable',
        `cdk-sovereign-bedrock cannot verify this resource: its properties did not resolve (${(e as Error).message})`);
      return;
    }
    const [logicalId, body] = Object.entries<any>(rendered?.Resources ?? {})[0] ?? [];
    if (!logicalId) return;
    const outcome = checkResource({
      logicalId,
      type: node.cfnResourceType,
      properties: body.Properties ?? {},
      metadata: body.Metadata ?? {},
    }, this.contextOf(stack), this.settings.rules);
    for (const f of outcome.findings) {
      if (!shown(f, this.settings)) continue;
      const finding = toCheckFinding(f);
      const text = `[${finding.ruleId}] ${finding.message} (at ${finding.location}). Fix: ${finding.fix}`;
      if (f.severity === 'error') Annotations.of(node).addError(text);
      else Annotations.of(node).addWarningV2(`cdk-sovereign-bedrock::${finding.ruleId}`, text);
    }
  }

  /** Logical IDs and types of the stack's resources, so a rule can tell what a `Ref` points at. */
  private contextOf(stack: Stack): TemplateContext {
    let ctx = this.contexts.get(stack);
    if (!ctx) {
      const resourceTypes: Record<string, string> = {};
      for (const c of stack.node.findAll()) {
        if (CfnResource.isCfnResource(c) && Stack.of(c) === stack) resourceTypes[stack.resolve(c.logicalId)] = c.cfnResourceType;
      }
      ctx = { resourceTypes, region: Token.isUnresolved(stack.region) ? undefined : stack.region };
      this.contexts.set(stack, ctx);
    }
    return ctx;
  }
}
