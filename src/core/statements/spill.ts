import { packStatements, PackedPosture } from './pack';
import { ResidencyRules } from './residency-rules';
import { StatementJson } from '../policy-json';

/** What the packed posture needs against what the quota gives. */
export interface SpillPlan extends PackedPosture {
  /** SCP slots per target the posture may take (the quota's per-target limit less those attached elsewhere). */
  readonly slotBudget: number;
  /** True when every statement fits and the documents take no more slots than the budget. */
  readonly fits: boolean;
  /**
   * When it does not fit: what would, in words (how many of the exemptions or
   * application profiles, or which statement is too large alone). Empty when it fits.
   */
  readonly advice: string;
}

type Packer = (rules: ResidencyRules) => PackedPosture;

/**
 * Packs the statements `build` makes from `rules` into SCPs of `limit`
 * characters, within `slotBudget` SCPs. When the budget is too small, says
 * exactly what would fit: the largest number of the listed exemptions (and of
 * the allowed application profiles) the budget holds, found by bisection,
 * since fewer items never need more SCPs.
 */
export function planSpill(
  rules: ResidencyRules, build: (rules: ResidencyRules) => StatementJson[], limit: number, slotBudget: number,
  sizeOf?: (s: StatementJson) => number,
): SpillPlan {
  const pack: Packer = (r) => packStatements(build(r), limit, sizeOf);
  const packed = pack(rules);
  const fits = packed.tooLarge.length === 0 && packed.documents.length <= slotBudget;
  return { ...packed, slotBudget, fits, advice: fits ? '' : whatWouldFit(rules, pack, limit, slotBudget, packed) };
}

/** Largest n in [0, max] for which `ok(n)` holds, `ok` being monotone; -1 when even 0 fails. */
function largest(max: number, ok: (n: number) => boolean): number {
  if (!ok(0)) return -1;
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function whatWouldFit(rules: ResidencyRules, pack: Packer, limit: number, slotBudget: number, packed: PackedPosture): string {
  const slots = `${slotBudget} SCP slot${slotBudget === 1 ? '' : 's'} of ${limit} characters`;
  const head = packed.tooLarge.length > 0
    ? `${packed.tooLarge.map((t) => `statement ${t.sid} is ${t.size} characters as a policy of its own`).join('; ')}, `
      + `over the ${limit}-character limit, and a statement is never cut in two`
    : `the posture needs ${packed.documents.length} SCPs (${packed.sizes.join(' + ')} characters) and the budget is ${slots}`;
  const ok = (r: ResidencyRules): boolean => {
    const p = pack(r);
    return p.tooLarge.length === 0 && p.documents.length <= slotBudget;
  };
  const parts: string[] = [];
  const exempt = rules.exemptPrincipalArns;
  if (exempt.length > 0) {
    const n = largest(exempt.length, (m) => ok({ ...rules, exemptPrincipalArns: exempt.slice(0, m) }));
    if (n === 0) parts.push(`the budget holds this posture with none of its ${exempt.length} exemptions`);
    else if (n > 0) parts.push(`the budget holds this posture with the first ${n} of its ${exempt.length} exemptions (drop ${exempt.length - n})`);
  }
  const apps = rules.allowedApplicationProfileArns;
  if (apps.length > 0) {
    const n = largest(apps.length, (m) => ok({ ...rules, allowedApplicationProfileArns: apps.slice(0, m) }));
    if (n >= 0) parts.push(`with ${n} of its ${apps.length} allowed application inference profiles`);
  }
  if (parts.length === 0) parts.push('no list of the options can be shortened to make it fit: free SCP slots on the targets');
  return `${head}: ${parts.join(', or ')}`;
}
