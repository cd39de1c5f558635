import { parseArnPattern, ArnPattern } from './arn-pattern';
import { globMatches, globsIntersect, hasWildcard } from './glob';
import { IntrinsicContext, ResolvedString, UNKNOWN, isFullyUnknown } from './intrinsics';
import { AUSTRALIA } from '../geography';
import { SYSTEM_PROFILE_PREFIXES } from '../inference-profiles';
import { COMMERCIAL_REGIONS } from '../regions';

/**
 * What an Allow on a resource pattern reaches that is outside Australia:
 * - `MODEL_ABROAD`: a model (foundation, provisioned, custom, imported) in a
 *   Region outside Australia, or the Region-less ARN of a `global.` model leg;
 * - `PROFILE_ABROAD`: a system inference profile whose prefix routes abroad;
 * - `APP_PROFILE`: an application inference profile, whose ARN does not say
 *   what it wraps;
 * - `MANTLE_ABROAD`: a Bedrock Mantle project outside Australia.
 */
export type Reach = 'MODEL_ABROAD' | 'PROFILE_ABROAD' | 'APP_PROFILE' | 'MANTLE_ABROAD';

export interface ResourceCoverage {
  readonly value: ResolvedString;
  /** What the pattern reaches for certain. */
  readonly definite: ReadonlySet<Reach>;
  /** What it may reach once deploy-time values are known (a superset of `definite`). */
  readonly possible: ReadonlySet<Reach>;
  /** Non-Australian profile prefixes it may name (`apac.`, `global.`...). */
  readonly prefixes: readonly string[];
  /** Regions outside Australia its Region segment matches (`''` for the Region-less form). */
  readonly regionsAbroad: readonly string[];
  /** The parsed ARN pattern, with unknown parts as `*`. */
  readonly arn?: ArnPattern;
}

/** Resource types that are, or stand for, a model served in the ARN's Region. */
export const MODEL_RESOURCE_TYPES: readonly string[] = ['foundation-model', 'provisioned-model', 'custom-model', 'imported-model'];
const APPLICATION_PROFILE = 'application-inference-profile';
const MANTLE_SERVICE = 'bedrock-mantle';
const BEDROCK_SERVICE = 'bedrock';
const LOCALLY_CHECKED_TYPE = 'AWS::Bedrock::ApplicationInferenceProfile';

export const FOREIGN_PROFILE_PREFIXES: readonly string[] = SYSTEM_PROFILE_PREFIXES.filter((p) => p !== AUSTRALIA.profilePrefix);
/** Region probes: every commercial Region outside Australia, and `''`, the Region-less global form. */
const REGIONS_ABROAD: readonly string[] = ['', ...COMMERCIAL_REGIONS.filter((r) => !AUSTRALIA.homeRegions.includes(r))];

/** Unknown parts either match nothing (what is certain) or anything (what is possible). */
type Mode = 'definite' | 'possible';
export const NOTHING = '\u0000';

export function regionsAbroad(region: string): string[] {
  if (!hasWildcard(region)) {
    // A literal Region outside Australia, a typo, or the empty Region of a global leg.
    return AUSTRALIA.homeRegions.includes(region) || region.includes(NOTHING) ? [] : [region];
  }
  return REGIONS_ABROAD.filter((r) => globMatches(region, r));
}

function reachOf(arn: ArnPattern | undefined): { reach: Set<Reach>; prefixes: string[]; regions: string[] } {
  const reach = new Set<Reach>();
  if (!arn) return { reach, prefixes: [], regions: [] };
  const regions = regionsAbroad(arn.region);
  let prefixes: string[] = [];
  if (globMatches(arn.service, BEDROCK_SERVICE)) {
    if (regions.length > 0 && MODEL_RESOURCE_TYPES.some((t) => globsIntersect(arn.resource, `${t}/*`))) reach.add('MODEL_ABROAD');
    prefixes = FOREIGN_PROFILE_PREFIXES.filter((p) => globsIntersect(arn.resource, `inference-profile/${p}*`));
    if (prefixes.length > 0) reach.add('PROFILE_ABROAD');
    if (globsIntersect(arn.resource, `${APPLICATION_PROFILE}/*`)) reach.add('APP_PROFILE');
  }
  if (globMatches(arn.service, MANTLE_SERVICE) && regions.length > 0) reach.add('MANTLE_ABROAD');
  return { reach, prefixes, regions };
}

function parseIn(mode: Mode, text: string): ArnPattern | undefined {
  return parseArnPattern(text.split(UNKNOWN).join(mode === 'definite' ? NOTHING : '*'));
}

function refersToLocal(value: ResolvedString, ctx: IntrinsicContext, type?: string): boolean {
  return value.refs.some((id) => ctx.resourceTypes[id] !== undefined && (type === undefined || ctx.resourceTypes[id] === type));
}

/**
 * What one `Resource` element of an Allow statement reaches outside Australia.
 * A value that is wholly an attribute of a resource in the same template (a
 * bucket ARN, an application inference profile that rule AuBedrock4 checks
 * where it is defined) reaches nothing the checks need to report.
 */
export function coverageOf(value: ResolvedString, ctx: IntrinsicContext): ResourceCoverage {
  const empty = { value, definite: new Set<Reach>(), possible: new Set<Reach>(), prefixes: [], regionsAbroad: [] };
  if (isFullyUnknown(value) && refersToLocal(value, ctx)) return empty;
  const definite = reachOf(parseIn('definite', value.text));
  const possible = reachOf(parseIn('possible', value.text));
  if (refersToLocal(value, ctx, LOCALLY_CHECKED_TYPE)) {
    definite.reach.delete('APP_PROFILE');
    possible.reach.delete('APP_PROFILE');
  }
  return {
    value,
    definite: definite.reach,
    possible: possible.reach,
    prefixes: possible.prefixes,
    regionsAbroad: possible.regions,
    arn: parseIn('possible', value.text),
  };
}

/**
 * A pattern that reaches both models abroad and non-`au.` profiles is
 * "unscoped" (AuBedrock1); the narrower rules (AuBedrock2, AuBedrock3) leave it
 * alone so one resource draws one finding. `possible` means only deploy-time
 * values (a parameter, an import) make it so.
 */
export function unscopedReach(c: ResourceCoverage): 'definite' | 'possible' | undefined {
  const both = (s: ReadonlySet<Reach>) => s.has('MODEL_ABROAD') && s.has('PROFILE_ABROAD');
  if (both(c.definite)) return 'definite';
  if (both(c.possible) && c.definite.size === 0) return 'possible';
  return undefined;
}
