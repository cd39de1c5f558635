import * as fc from 'fast-check';
import { wildcardMatch } from '../../src/core/evaluate/wildcard';
import { coversFamily, Family, literalSegments } from '../../src/core/pattern-coverage';

/** Every string of a small family, by enumeration: the independent answer. */
function enumerate(family: Family): string[] {
  let partial = [''];
  for (const seg of family) {
    const next: string[] = [];
    for (const p of partial) {
      let runs = [''];
      for (let n = 0; n <= seg.max; n++) {
        if (n >= seg.min) next.push(...runs.map((r) => p + r));
        runs = runs.flatMap((r) => seg.chars.split('').map((c) => r + c));
      }
    }
    partial = [...new Set(next)];
  }
  return partial;
}

/** `*` and `?` never span the colon, as ArnLike matches ARN parts separately. */
const matchesPart = (pattern: string, value: string): boolean => {
  const p = pattern.split(':');
  const v = value.split(':');
  return p.length === v.length && p.every((part, i) => wildcardMatch(part, v[i]));
};

describe('coversFamily', () => {
  const names: Family = [{ chars: 'ab', min: 1, max: 3 }];

  test('a set covers a family when every name matches some pattern, though no pattern does alone', () => {
    expect(coversFamily(['a*', 'b*'], names)).toEqual({ covered: true });
    expect(coversFamily(['a*', 'b'], names)).toEqual({ covered: false, witness: expect.stringMatching(/^b[ab]/) });
    expect(coversFamily(['?', '??', '???'], names)).toEqual({ covered: true });
    expect(coversFamily(['*a*', '*b*'], names)).toEqual({ covered: true });
  });

  test('a wildcard does not span the colon', () => {
    const arn: Family = [{ chars: '12', min: 2, max: 2 }, ...literalSegments(':'), { chars: 'ab', min: 1, max: 2 }];
    expect(coversFamily(['*'], arn).covered).toBe(false);
    expect(coversFamily(['*:*'], arn).covered).toBe(true);
    expect(coversFamily(['1*:*', '2*:a*', '2?:b*'], arn).covered).toBe(true);
    expect(coversFamily(['1*:*', '2*:a*'], arn)).toEqual({ covered: false, witness: expect.stringMatching(/^2[12]:b/) });
  });

  test('too large a search answers unknown, so callers fail closed', () => {
    // Proving coverage needs the whole product explored; with a bound of 50 states it cannot be.
    expect(coversFamily(['*a', '*b'], [{ chars: 'ab', min: 1, max: 30 }], 50).covered).toBe('unknown');
    expect(coversFamily(['*a', '*b'], [{ chars: 'ab', min: 1, max: 30 }]).covered).toBe(true);
  });

  test('agrees with enumeration on random pattern sets (property-based)', () => {
    const part = (min: number) => fc.array(fc.constantFrom('a', 'b', '*', '*', '?'), { minLength: min, maxLength: 3 }).map((a) => a.join(''));
    // Mostly ACCOUNT:NAME shapes, sometimes a stray colon or none, as a caller could write.
    const pattern = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(part(1), part(0)).map(([a, n]) => `${a}:${n}`) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom('a', 'b', '*', '?', ':'), { minLength: 1, maxLength: 5 }).map((a) => a.join('')) },
    );
    const family: Family = [{ chars: 'ab', min: 1, max: 2 }, ...literalSegments(':'), { chars: 'ab', min: 0, max: 3 }];
    const all = enumerate(family);
    let covered = 0;
    fc.assert(fc.property(fc.array(pattern, { minLength: 1, maxLength: 6 }), (patterns) => {
      const expected = all.every((s) => patterns.some((p) => matchesPart(p, s)));
      const verdict = coversFamily(patterns, family);
      if (verdict.covered === true) covered++;
      if (verdict.covered === false) expect(patterns.some((p) => matchesPart(p, verdict.witness))).toBe(false);
      return verdict.covered === expected;
    }), { seed: 1818, numRuns: 400 });
    expect(covered).toBeGreaterThan(10); // both answers are exercised
  });
});
