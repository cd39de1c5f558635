import { CheckRule, ResourceFinding } from './findings';
import { SUPPRESSION_RULE_ID, SuppressedFinding, readSuppressions } from './suppressions';
import { TemplateContext, TemplateResource, templateContext, templateResources } from './template';

export interface CheckOutcome {
  /** Findings that stand: not suppressed, or suppressed without a valid entry. */
  readonly findings: ResourceFinding[];
  /** Findings a valid suppression silenced, with its reason. */
  readonly suppressed: SuppressedFinding[];
}

/**
 * Runs every rule on one resource and applies the resource's suppressions. A
 * malformed suppression entry suppresses nothing and is itself an error, so a
 * missing reason cannot hide a finding.
 */
export function checkResource(resource: TemplateResource, ctx: TemplateContext, rules: readonly CheckRule[]): CheckOutcome {
  const raw: ResourceFinding[] = rules.flatMap((rule) => {
    let found;
    try {
      found = rule.check(resource, ctx);
    } catch (e) {
      // A rule bug must not hide the other rules' findings or fail the user's synth.
      found = [{ ruleId: rule.id, severity: 'warning' as const, location: 'Properties', message: `cannot verify: the rule failed on this resource (${(e as Error).message})` }];
    }
    return found.map((f) => ({ ...f, logicalId: resource.logicalId, resourceType: resource.type }));
  });
  const { valid, problems } = readSuppressions(resource.metadata, rules.map((r) => r.id));
  const reasons = new Map(valid.map((s) => [s.id, s.reason]));
  const findings: ResourceFinding[] = problems.map((p) => ({
    ruleId: SUPPRESSION_RULE_ID,
    severity: 'error' as const,
    location: p.location,
    message: `suppression ignored: ${p.message}`,
    logicalId: resource.logicalId,
    resourceType: resource.type,
  }));
  const suppressed: SuppressedFinding[] = [];
  for (const f of raw) {
    const reason = reasons.get(f.ruleId);
    if (reason !== undefined) suppressed.push({ ...f, reason });
    else findings.push(f);
  }
  return { findings, suppressed };
}

/** Runs every rule over every resource of a parsed template, deployed to `region` when known. */
export function checkTemplate(template: unknown, rules: readonly CheckRule[], region?: string): CheckOutcome {
  const resources = templateResources(template);
  const ctx = templateContext(resources, region);
  const outcomes = resources.map((r) => checkResource(r, ctx, rules));
  return {
    findings: outcomes.flatMap((o) => o.findings),
    suppressed: outcomes.flatMap((o) => o.suppressed),
  };
}
