/**
 * Judges `aws:PrincipalArn` exemption patterns by what they can match, not by
 * what is left once their wildcards are removed:
 *
 * - a pattern with a wildcard in its name that matches an ordinary workload
 *   principal of the corpus (`principal-corpus.ts`), or the IAM Identity Center
 *   roles of any permission set, is refused;
 * - patterns that together match every role (or user) name, or every Identity
 *   Center role, in an account or in every account, are refused together;
 * - any other wildcard in a name draws a warning saying what else it matches,
 *   except the two narrow forms the library recommends: a literal path
 *   (`role/break-glass/*`) and one permission set's Identity Center roles
 *   (`role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BreakGlass_*`).
 *
 * Patterns that cover a whole account on their own (`role/*`) are left to
 * `checkExemptionBreadth`, which knows the acknowledgement.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
import { wildcardMatch } from './evaluate/wildcard';
import { exemptionBreadth } from './fail-open';
import { PRINCIPAL_ARN } from './identifiers';
import { coversFamily, Family, literalSegments } from './pattern-coverage';
import {
  IAM_NAME_CHARS, IAM_NAME_MAX, IDENTITY_CENTER_PATH, PERMISSION_SET_NAME_MAX, PRINCIPAL_CORPUS,
} from './principal-corpus';
import { ValidationErrors } from './validation-errors';
import { IsUnresolved } from './validators';

const DIGITS = '0123456789';
const HEX = '0123456789abcdef';
const REGION_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-';

interface NameFamily {
  readonly kinds: readonly string[];
  /** `every ...`, for messages. */
  readonly what: (kind: string) => string;
  readonly name: Family;
}

/** The name families a set of exemptions must not cover. */
const NAME_FAMILIES: readonly NameFamily[] = [
  { kinds: ['role', 'user'], what: (kind) => `IAM ${kind} name`, name: [{ chars: IAM_NAME_CHARS, min: 1, max: IAM_NAME_MAX }] },
  {
    kinds: ['role'],
    what: () => 'IAM Identity Center role (every person who signs in)',
    name: [
      ...literalSegments(`${IDENTITY_CENTER_PATH}AWSReservedSSO_`),
      { chars: IAM_NAME_CHARS, min: 1, max: PERMISSION_SET_NAME_MAX }, ...literalSegments('_'), { chars: HEX, min: 16, max: 16 },
    ],
  },
  {
    kinds: ['role'],
    what: () => 'IAM Identity Center role in a Region path (every person who signs in)',
    name: [
      ...literalSegments(IDENTITY_CENTER_PATH), { chars: REGION_CHARS, min: 9, max: 16 }, ...literalSegments('/AWSReservedSSO_'),
      { chars: IAM_NAME_CHARS, min: 1, max: PERMISSION_SET_NAME_MAX }, ...literalSegments('_'), { chars: HEX, min: 16, max: 16 },
    ],
  },
];

/** Identity Center roles of a permission set the library has never heard of: a pattern matching them matches every permission set. */
const FRESH_IDENTITY_CENTER_ROLES = [
  `${IDENTITY_CENTER_PATH}AWSReservedSSO_Qz7Unlisted_0123456789abcdef`,
  `${IDENTITY_CENTER_PATH}ap-southeast-2/AWSReservedSSO_Qz7Unlisted_0123456789abcdef`,
];

const SAFE_PATH = /^(?:[\w+=,.@-]+\/)+\*$/;
const ONE_PERMISSION_SET = /^aws-reserved\/sso\.amazonaws\.com\/(?:[a-z0-9-]+\/)?AWSReservedSSO_[\w+=,.@-]+_\*$/;

const NARROW_FORMS = 'Name each principal exactly (arn:aws:iam::*:role/BreakGlass), keep break-glass roles under a path only administrators create roles in '
  + '(arn:aws:iam::*:role/break-glass/*), or exempt one Identity Center permission set (arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BreakGlass_*)';

interface Parsed {
  readonly account: string;
  readonly kind: 'role' | 'user';
  readonly name: string;
}

function parse(pattern: string): Parsed | undefined {
  if (!PRINCIPAL_ARN.test(pattern)) return undefined;
  const m = /^arn:aws:iam::([^:]*):(role|user)\/(.*)$/.exec(pattern);
  return m ? { account: m[1], kind: m[2] as 'role' | 'user', name: m[3] } : undefined;
}

const hasWildcard = (s: string): boolean => /[*?]/.test(s);

/** `BreakGlass*` -> `BreakGlassOther`: a name the pattern matches, for messages. */
function example(name: string): string {
  return name.replace(/\*/g, 'Other').replace(/\?/g, 'X');
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/** The corpus principals a pattern's name matches, by tier. */
export function corpusMatches(kind: string, name: string): { workload: string[]; lookalike: string[] } {
  const workload: string[] = [];
  const lookalike: string[] = [];
  for (const p of PRINCIPAL_CORPUS) {
    if (p.kind !== kind || !wildcardMatch(name, p.name)) continue;
    (p.tier === 'workload' ? workload : lookalike).push(`${p.kind}/${p.name} (${p.what})`);
  }
  // Short names first: `role/workload` reads better in a message than an Identity Center role.
  const byLength = (a: string, b: string) => a.length - b.length;
  return { workload: workload.sort(byLength), lookalike: lookalike.sort(byLength) };
}

/**
 * Records a problem for each exemption pattern that matches ordinary
 * principals, and for each set of patterns that together covers a name
 * family; returns the warnings (`prop: "pattern" ...`) for the other wildcards.
 * Elements at `skip` indexes were already refused by the caller's own checks:
 * they get no message of their own, but count in the sets.
 */
export function judgeExemptionPatterns(
  prop: string, patterns: readonly unknown[] | undefined | null, errors: ValidationErrors,
  isUnresolved: IsUnresolved, skip: ReadonlySet<number> = new Set(),
): string[] {
  if (!Array.isArray(patterns) || isUnresolved(patterns)) return [];
  const warnings: string[] = [];
  const pool: Array<{ i: number; parsed: Parsed }> = [];
  const refused = new Set<number>();
  patterns.forEach((pattern, i) => {
    if (typeof pattern !== 'string' || isUnresolved(pattern)) return;
    const parsed = parse(pattern);
    if (!parsed || !hasWildcard(parsed.name) || exemptionBreadth(pattern) !== 'named') return;
    const at = `${prop}[${i}]`;
    const kindWord = parsed.kind === 'role' ? 'role' : 'user';
    pool.push({ i, parsed });
    if (skip.has(i)) { // refused by the caller already: counted in the sets only
      refused.add(i);
      return;
    }
    const everyPermissionSet = parsed.kind === 'role' && FRESH_IDENTITY_CENTER_ROLES.some((r) => wildcardMatch(parsed.name, r));
    const { workload, lookalike } = corpusMatches(parsed.kind, parsed.name);
    if (everyPermissionSet && (parsed.name.startsWith('aws-reserved/') || workload.length === 0)) {
      refused.add(i);
      errors.add(at, `"${pattern}" matches the IAM Identity Center roles of every permission set (${IDENTITY_CENTER_PATH}...), that is every person who signs in. `
        + `To exempt one permission set, use arn:aws:iam::*:role/${IDENTITY_CENTER_PATH}AWSReservedSSO_BreakGlass_* with your permission set's name`);
      return;
    }
    if (workload.length > 0) {
      refused.add(i);
      errors.add(at, `"${pattern}" has a wildcard in the ${kindWord} name that also matches ordinary ${kindWord}s such as ${listed(workload)}, `
        + `so the policy would not restrict them. ${NARROW_FORMS}`);
      return;
    }
    const narrow = SAFE_PATH.test(parsed.name) || ONE_PERMISSION_SET.test(parsed.name);
    if (narrow && lookalike.length === 0) return;
    const also = lookalike.length > 0 ? `${listed(lookalike)}, and any ${kindWord} named like ${example(parsed.name)}` : `any ${kindWord} named like ${example(parsed.name)}`;
    // Named by the prop and the pattern, not the index: a construct that adds its own entries first (the posture) shifts indexes.
    warnings.push(`${prop}: "${pattern}" has a wildcard in the ${kindWord} name, so it exempts every ${kindWord} whose name it matches: also ${also}. ${NARROW_FORMS}`);
  });
  checkSetCoverage(prop, pool, refused, errors);
  return warnings;
}

/** Refuses sets of patterns that together match every name of a family, in one account or in all. */
function checkSetCoverage(
  prop: string, pool: ReadonlyArray<{ i: number; parsed: Parsed }>, refused: ReadonlySet<number>, errors: ValidationErrors,
): void {
  for (const kind of ['role', 'user'] as const) {
    const mine = pool.filter((p) => p.parsed.kind === kind);
    if (mine.length === 0) continue;
    const joined = mine.map((p) => `${p.parsed.account}:${p.parsed.name}`);
    const accounts = [...new Set(mine.map((p) => p.parsed.account).filter((a) => /^\d{12}$/.test(a)))];
    const which = mine.length > 4
      ? `the ${mine.length} wildcard patterns ${mine.slice(0, 3).map((p) => `${prop}[${p.i}]`).join(', ')} ... ${prop}[${mine[mine.length - 1].i}]`
      : mine.map((p) => `${prop}[${p.i}]`).join(', ');
    const alone = mine.length === 1 && refused.has(mine[0].i);
    families: for (const family of NAME_FAMILIES.filter((f) => f.kinds.includes(kind))) {
      const scopes: Array<{ label: string; account: Family }> = [
        { label: 'in every account', account: [{ chars: DIGITS, min: 12, max: 12 }] },
        ...accounts.map((a) => ({ label: `in account ${a}`, account: literalSegments(a) })),
      ];
      for (const scope of scopes) {
        const verdict = coversFamily(joined, [...scope.account, ...literalSegments(':'), ...family.name]);
        if (verdict.covered === false) continue;
        if (alone) break families; // already refused on its own
        errors.add(prop, verdict.covered === true
          ? `${which} together match every ${family.what(kind)} ${scope.label}, so the policy would restrict none of them. ${NARROW_FORMS}`
          : `${which} are too many wildcard patterns to judge what they match together; list fewer, narrower patterns. ${NARROW_FORMS}`);
        break families;
      }
    }
  }
}
