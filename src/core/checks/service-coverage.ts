import { ArnPattern, parseArnPattern } from './arn-pattern';
import { globMatches, globsIntersect } from './glob';
import { IntrinsicContext, ResolvedString, UNKNOWN, isFullyUnknown } from './intrinsics';
import { FOREIGN_PROFILE_PREFIXES, NOTHING, regionsAbroad } from './resource-coverage';

/**
 * What one `Resource` element reaches of a service other than Bedrock model
 * invocation: AgentCore, web search, Claude Platform, and Bedrock's guardrail
 * and data-automation profiles. `definite` reads deploy-time values as
 * matching nothing, `possible` as matching anything, as `coverageOf` does.
 */
export interface ServiceCoverage {
  readonly value: ResolvedString;
  readonly definite: boolean;
  readonly possible: boolean;
  /** Regions outside Australia (or profile prefixes other than `au.`) the element may reach. */
  readonly where: readonly string[];
}

function parseIn(mode: 'definite' | 'possible', text: string): ArnPattern | undefined {
  return parseArnPattern(text.split(UNKNOWN).join(mode === 'definite' ? NOTHING : '*'));
}

function refersToLocal(value: ResolvedString, ctx: IntrinsicContext): boolean {
  return isFullyUnknown(value) && value.refs.some((id) => ctx.resourceTypes[id] !== undefined);
}

function judge(value: ResolvedString, ctx: IntrinsicContext, reach: (arn: ArnPattern) => string[]): ServiceCoverage {
  if (refersToLocal(value, ctx)) return { value, definite: false, possible: false, where: [] };
  const definite = parseIn('definite', value.text);
  const possible = parseIn('possible', value.text);
  const definiteWhere = definite ? reach(definite) : [];
  const possibleWhere = possible ? reach(possible) : [];
  return { value, definite: definiteWhere.length > 0, possible: possibleWhere.length > 0, where: possibleWhere };
}

/**
 * A resource of `service` outside Australia: the ARN's service matches and its
 * Region is abroad, a wildcard, or empty. With `anyRegion`, every Region counts
 * (Claude Platform on AWS may process data outside AWS wherever it is called).
 */
export function serviceCoverage(value: ResolvedString, ctx: IntrinsicContext, service: string, anyRegion = false): ServiceCoverage {
  return judge(value, ctx, (arn) => {
    if (!globMatches(arn.service, service)) return [];
    if (anyRegion) return [arn.region === '' ? '*' : arn.region];
    return regionsAbroad(arn.region);
  });
}

/**
 * A Bedrock profile of `type` (`guardrail-profile`, `data-automation-profile`)
 * whose geography prefix is not `au.`, in any Region: the prefix, not the
 * Region in the ARN, decides where the work is done.
 */
export function profileCoverage(value: ResolvedString, ctx: IntrinsicContext, type: string): ServiceCoverage {
  return judge(value, ctx, (arn) => {
    if (!globMatches(arn.service, 'bedrock')) return [];
    return FOREIGN_PROFILE_PREFIXES.filter((p) => globsIntersect(arn.resource, `${type}/${p}*`));
  });
}

/** {@link serviceCoverage} over several services: the element reaches any of them. */
export function servicesCoverage(value: ResolvedString, ctx: IntrinsicContext, services: readonly string[], anyRegion = false): ServiceCoverage {
  const each = services.map((s) => serviceCoverage(value, ctx, s, anyRegion));
  return {
    value,
    definite: each.some((c) => c.definite),
    possible: each.some((c) => c.possible),
    where: [...new Set(each.flatMap((c) => c.where))],
  };
}
