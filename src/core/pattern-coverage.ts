/**
 * Whether a set of `aws:PrincipalArn` patterns together matches every name of a
 * family (every role name, every IAM Identity Center role), however the
 * wildcards are spread over the set: `role/a*` ... `role/-*`, one per
 * character IAM allows, cover every role although none does alone.
 *
 * Patterns and names are compared as `ACCOUNT:NAME` strings, where a wildcard
 * never spans the colon (ArnLike matches each ARN part on its own). The
 * question "does the union of the patterns contain the family" is answered by
 * walking the product of the family's automaton and the patterns' automata,
 * one character at a time over the characters the family allows, looking for
 * a name of the family that no pattern matches.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */

/** One run of a family: between `min` and `max` characters, each from `chars`. */
export interface FamilySegment {
  readonly chars: string;
  readonly min: number;
  readonly max: number;
}

/** A family of strings: the segments one after another. */
export type Family = readonly FamilySegment[];

/** Each character of `text` as a segment of its own. */
export function literalSegments(text: string): FamilySegment[] {
  return text.split('').map((c) => ({ chars: c, min: 1, max: 1 }));
}

export type CoverageVerdict =
  | { readonly covered: true }
  | { readonly covered: false; readonly witness: string }
  /** The search grew past its bound: the caller must fail closed. */
  | { readonly covered: 'unknown' };

/** Beyond this many product states the answer is `unknown` (fail closed). */
export const MAX_STATES = 100_000;

type FamilyState = string; // `${segment},${count}`
type PatternState = string; // `${pattern},${position}`

function familyClosure(family: Family, states: Iterable<[number, number]>): Map<FamilyState, [number, number]> {
  const out = new Map<FamilyState, [number, number]>();
  const stack = [...states];
  while (stack.length > 0) {
    const [s, c] = stack.pop()!;
    const key = `${s},${c}`;
    if (out.has(key)) continue;
    out.set(key, [s, c]);
    if (s < family.length && c >= family[s].min) stack.push([s + 1, 0]);
  }
  return out;
}

function patternClosure(patterns: readonly string[], states: Iterable<[number, number]>): Map<PatternState, [number, number]> {
  const out = new Map<PatternState, [number, number]>();
  const stack = [...states];
  while (stack.length > 0) {
    const [p, i] = stack.pop()!;
    const key = `${p},${i}`;
    if (out.has(key)) continue;
    out.set(key, [p, i]);
    if (patterns[p][i] === '*') stack.push([p, i + 1]);
  }
  return out;
}

/**
 * Does every string of `family` match at least one of `patterns` (`*` any run,
 * `?` one character, neither spanning `:`)? When not, `witness` is a string of
 * the family no pattern matches.
 */
export function coversFamily(patterns: readonly string[], family: Family, maxStates = MAX_STATES): CoverageVerdict {
  const start = {
    fam: familyClosure(family, [[0, 0]]),
    pat: patternClosure(patterns, patterns.map((_, p) => [p, 0] as [number, number])),
    text: '',
  };
  const noColonFrom = family.map((_, s) => family.slice(s).every((seg) => !seg.chars.includes(':')));
  noColonFrom.push(true);
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const { fam, pat, text } = stack.pop()!;
    const key = `${[...fam.keys()].sort().join(';')}|${[...pat.keys()].sort().join(';')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > maxStates) return { covered: 'unknown' };
    const famAccepts = fam.has(`${family.length},0`);
    const patAccepts = [...pat.values()].some(([p, i]) => i === patterns[p].length);
    if (famAccepts && !patAccepts) return { covered: false, witness: text };
    // A pattern with only stars left matches every continuation that has no colon: this branch is covered.
    if ([...pat.values()].some(([p, i]) => /^\*+$/.test(patterns[p].slice(i))) && [...fam.keys()].every((k) => noColonFrom[Number(k.split(',')[0])])) continue;
    for (const ch of representatives(family, fam, patterns, pat)) {
      const nextFam: Array<[number, number]> = [];
      for (const [s, c] of fam.values()) {
        if (s < family.length && c < family[s].max && family[s].chars.includes(ch)) nextFam.push([s, c + 1]);
      }
      const nextPat: Array<[number, number]> = [];
      for (const [p, i] of pat.values()) {
        const want = patterns[p][i];
        if (want === undefined) continue;
        if (want === '*' && ch !== ':') nextPat.push([p, i]);
        else if (want === '?' && ch !== ':') nextPat.push([p, i + 1]);
        else if (want === ch) nextPat.push([p, i + 1]);
      }
      stack.push({ fam: familyClosure(family, nextFam), pat: patternClosure(patterns, nextPat), text: text + ch });
    }
  }
  return { covered: true };
}

/**
 * The characters worth trying from a state: every character a pattern state
 * names literally, and one character for each group of the others that the
 * family's live segments treat alike (wildcards treat every character alike).
 */
function representatives(
  family: Family, fam: Map<FamilyState, [number, number]>, patterns: readonly string[], pat: Map<PatternState, [number, number]>,
): string[] {
  const live = [...fam.values()].filter(([s, c]) => s < family.length && c < family[s].max).map(([s]) => s);
  const literal = new Set<string>();
  for (const [p, i] of pat.values()) {
    const want = patterns[p][i];
    if (want !== undefined && want !== '*' && want !== '?') literal.add(want);
  }
  const out: string[] = [];
  const groups = new Set<string>();
  for (const s of new Set(live)) {
    for (const ch of family[s].chars) {
      if (literal.has(ch)) {
        if (!out.includes(ch)) out.push(ch);
        continue;
      }
      const group = live.map((t) => (family[t].chars.includes(ch) ? '1' : '0')).join('') + (ch === ':' ? ':' : '');
      if (groups.has(group)) continue;
      groups.add(group);
      out.push(ch);
    }
  }
  return out;
}
