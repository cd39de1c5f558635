import { globMatches, hasWildcard } from './glob';
import { IntrinsicContext, UNKNOWN, resolveStringList } from './intrinsics';
import { AUSTRALIA } from '../geography';
import { COMMERCIAL_REGIONS, UNSPECIFIED_REGION } from '../regions';
import { REQUESTED_REGION_KEY } from '../statements/residency-rules';

/** Operators whose match on `aws:RequestedRegion` restricts a grant to the listed Regions. */
const RESTRICTING_OPERATORS: readonly string[] = ['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ForAnyValue:StringEquals', 'ForAnyValue:StringLike'];

const ABROAD: readonly string[] = [...COMMERCIAL_REGIONS.filter((r) => !AUSTRALIA.homeRegions.includes(r)), UNSPECIFIED_REGION];

function onlyAustralian(value: string): boolean {
  if (value.includes(UNKNOWN)) return false;
  if (!hasWildcard(value)) return AUSTRALIA.homeRegions.includes(value.toLowerCase());
  return !ABROAD.some((r) => globMatches(value, r, { ignoreCase: true }));
}

/**
 * Whether a statement's `Condition` limits it to requests authorised in
 * Australian Regions (`aws:RequestedRegion` is ap-southeast-2 or ap-southeast-4).
 * Every leg of a cross-Region call is authorised with the Region that serves
 * it, and a `global.` model leg with `unspecified`, so such a statement cannot
 * authorise a leg served abroad, whatever its resources say
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html).
 * Other conditions are not credited: the checks do not evaluate IAM.
 */
export function pinnedToAustralia(condition: unknown, ctx: IntrinsicContext): boolean {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return false;
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (!RESTRICTING_OPERATORS.includes(operator) || typeof block !== 'object' || block === null) continue;
    for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
      if (key.toLowerCase() !== REQUESTED_REGION_KEY.toLowerCase()) continue;
      const list = resolveStringList(values, ctx);
      if (list.length > 0 && list.every((v) => onlyAustralian(v.value.text))) return true;
    }
  }
  return false;
}
