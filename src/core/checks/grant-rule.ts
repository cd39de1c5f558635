import { AllowGrant, BEDROCK_INVOCATION_ACTIONS, allowGrantsOf, managedPolicyFix } from './allow-statements';
import { CheckRule, RuleFinding } from './findings';
import { grantsPhrase } from './grant-messages';
import { unscopedReach } from './resource-coverage';
import { ServiceCoverage } from './service-coverage';
import { TemplateContext, TemplateResource } from './template';

/** What a grant rule needs to say about one service. */
export interface GrantRuleSpec {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly fix: string;
  /** The actions judged, expanded from the Service Authorization Reference data. */
  readonly actions: readonly string[];
  /** What one `Resource` element reaches. */
  readonly coverage: (value: AllowGrant['resources'][number]['value'], ctx: TemplateContext) => ServiceCoverage;
  /** Why a grant on `where` leaves Australia (the Regions or prefixes the element reaches). */
  readonly reason: (where: readonly string[]) => string;
  /** Why a grant through `NotResource` does. */
  readonly notResourceReason: string;
  /**
   * Whether a Condition `aws:RequestedRegion` in Australia makes the grant safe.
   * Not for Claude Platform (processed outside AWS wherever it is called), nor for
   * profiles whose destination legs may not carry the destination Region.
   */
  readonly creditRegionPin: boolean;
  /** Leave resource elements that AuBedrock1 already reports (the statement grants unscoped invocation). */
  readonly deferToUnscopedInvocation?: boolean;
}

/** Whether the statement behind `grant` also grants Bedrock invocation on this element without scope: AuBedrock1's finding. */
function reportedAsUnscoped(resource: TemplateResource, grant: AllowGrant, index: number, ctx: TemplateContext): boolean {
  const invocation = allowGrantsOf(resource, BEDROCK_INVOCATION_ACTIONS, ctx)
    .find((g) => g.location === grant.location && g.sid === grant.sid && g.managedPolicy === grant.managedPolicy);
  if (!invocation || invocation.pinnedToAustralia) return false;
  const element = invocation.resources[index];
  return element !== undefined && unscopedReach(element) === 'definite';
}

/**
 * A rule over IAM Allow statements for one service: an error when a granted
 * action reaches a resource outside Australia, a warning when only deploy-time
 * values could make it so. Used by the AgentCore, web search, Claude Platform,
 * guardrail-profile and data-automation rules.
 */
export function grantRule(spec: GrantRuleSpec): CheckRule {
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    fix: spec.fix,
    check(resource, ctx) {
      const findings: RuleFinding[] = [];
      for (const grant of allowGrantsOf(resource, spec.actions, ctx)) {
        if (spec.creditRegionPin && grant.pinnedToAustralia) continue;
        const allows = grantsPhrase(grant);
        const fix = managedPolicyFix(grant);
        if (grant.notResource) {
          findings.push({ ruleId: spec.id, severity: 'error', location: grant.notResource.location, message: `${allows} on every resource except [${grant.notResource.display}] (NotResource): ${spec.notResourceReason}`, fix });
        }
        grant.resources.forEach((r, index) => {
          if (spec.deferToUnscopedInvocation && reportedAsUnscoped(resource, grant, index, ctx)) return;
          const c = spec.coverage(r.value, ctx);
          if (c.definite) {
            findings.push({ ruleId: spec.id, severity: 'error', location: r.location, message: `${allows} on "${r.value.display}": ${spec.reason(c.where)}`, fix });
          } else if (c.possible) {
            findings.push({ ruleId: spec.id, severity: 'warning', location: r.location, message: `cannot verify: ${allows} on "${r.value.display}", part of which is a deploy-time value`, fix });
          }
        });
      }
      return findings;
    },
  };
}

