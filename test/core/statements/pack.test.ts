import * as fc from 'fast-check';
import { PolicyDocumentJson, StatementJson } from '../../../src/core/policy-json';
import { minifiedSize } from '../../../src/core/size-budget';
import { DOCUMENT_OVERHEAD, packStatements, statementSize } from '../../../src/core/statements/pack';

/** A statement of roughly `n` characters minified. */
function statementOf(i: number, n: number): StatementJson {
  const base: StatementJson = { Sid: `S${i}`, Effect: 'Deny', Action: 'bedrock:*', Resource: '' };
  return { ...base, Resource: 'x'.repeat(Math.max(0, n - statementSize(base))) };
}

/** The fewest bins by trying every assignment (small inputs only). */
function bruteForceBins(sizes: number[], limit: number): number {
  for (let k = 1; k <= sizes.length; k++) {
    const loads = new Array<number[]>(k).fill([]).map(() => [] as number[]);
    const place = (i: number): boolean => {
      if (i === sizes.length) return true;
      for (const bin of loads) {
        const next = [...bin, sizes[i]];
        if (DOCUMENT_OVERHEAD + next.reduce((a, b) => a + b, 0) + next.length - 1 > limit) continue;
        bin.push(sizes[i]);
        if (place(i + 1)) return true;
        bin.pop();
      }
      return false;
    };
    if (place(0)) return k;
  }
  return sizes.length;
}

describe('packStatements', () => {
  test('a posture that fits stays one document, exactly as given', () => {
    const statements = [statementOf(0, 100), statementOf(1, 200)];
    const packed = packStatements(statements, 10240);
    expect(packed.documents).toEqual([{ Version: '2012-10-17', Statement: statements }]);
    expect(packed.sizes).toEqual([minifiedSize(packed.documents[0])]);
  });

  test('the sizes it reports are the minified sizes of the documents', () => {
    const statements = [400, 300, 500, 200, 600].map((n, i) => statementOf(i, n));
    const packed = packStatements(statements, 1000);
    expect(packed.sizes).toEqual(packed.documents.map(minifiedSize));
    expect(packed.sizes.every((s) => s <= 1000)).toBe(true);
  });

  test('first-fit decreasing is not enough: it finds the fewest', () => {
    // In units of 100 characters (a comma each included), room for 10: first-fit decreasing
    // packs 5+4, then 3+2+2+2, and needs a third SCP for the last 2; 5+3+2 and 4+2+2+2 need two.
    const unit = (n: number) => n * 100;
    const limit = DOCUMENT_OVERHEAD + unit(10) - 1;
    const statements = [3, 4, 2, 2, 2, 5, 2].map((n, i) => statementOf(i, unit(n) - 1));
    const packed = packStatements(statements, limit);
    expect(packed.documents).toHaveLength(2);
    expect(packed.sizes.every((s) => s <= limit)).toBe(true);
  });

  test('a statement too large for any SCP is named, not cut', () => {
    const packed = packStatements([statementOf(0, 100), statementOf(1, 2000)], 1000);
    expect(packed.documents).toEqual([]);
    expect(packed.tooLarge).toEqual([{ sid: 'S1', size: DOCUMENT_OVERHEAD + 2000 }]);
  });

  test('property: each statement whole in exactly one document, in its original order, each within the limit, fewest documents', () => {
    const sizesArb = fc.array(fc.integer({ min: 60, max: 900 }), { minLength: 1, maxLength: 9 });
    fc.assert(fc.property(sizesArb, fc.integer({ min: 950, max: 2500 }), (sizes, limit) => {
      const statements = sizes.map((n, i) => statementOf(i, n));
      const packed = packStatements(statements, limit);
      const docs: PolicyDocumentJson[] = packed.documents;
      const flat = docs.flatMap((d) => d.Statement.map((s) => s.Sid));
      expect([...flat].sort()).toEqual(statements.map((s) => s.Sid).sort());
      for (const d of docs) {
        expect(minifiedSize(d)).toBeLessThanOrEqual(limit);
        const order = d.Statement.map((s) => Number(s.Sid.slice(1)));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
      expect(docs.length).toBe(bruteForceBins(statements.map(statementSize), limit));
    }), { seed: 2323, numRuns: 150 });
  });
});
