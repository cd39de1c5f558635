import * as fc from 'fast-check';
import { MarkerIndex, scanRecords } from '../../../src/core/traffic/record-scanner';

function scan(text: string) {
  const buf = Buffer.from(text, 'utf8');
  const records: string[] = [];
  const bad: [number, string][] = [];
  const result = scanRecords(buf, {
    record: (i, s, e) => { expect(i).toBe(records.length + bad.length); records.push(buf.toString('utf8', s, e)); },
    badRecord: (i, reason) => bad.push([i, reason]),
  });
  return { result, records, bad };
}

// JSON values whose strings hold everything that could confuse a structural scan.
const tricky = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', ':', 'é', '\n', ' ', 'bedrock') });
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, tricky, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(tricky, tie('v'), { maxKeys: 3 })),
})).v;
const record = fc.dictionary(tricky, value, { maxKeys: 5 });

describe('scanRecords', () => {
  test('finds exactly the records JSON.parse finds, whatever their strings hold (property-based)', () => {
    fc.assert(fc.property(fc.array(record, { maxLength: 8 }), fc.boolean(), (records, pretty) => {
      const text = pretty ? JSON.stringify({ Records: records }, null, 2) : JSON.stringify({ Records: records });
      const { result, records: found, bad } = scan(text);
      expect(result).toEqual({ kind: 'scanned', records: records.length });
      expect(bad).toEqual([]);
      expect(found.map((r) => JSON.parse(r))).toEqual(records);
    }), { seed: 1919, numRuns: 300 });
  });

  test('elements that are not objects are named by index, and counted', () => {
    const { result, records, bad } = scan('{"Records":[{"a":1},"x",[1,{"b":2}],42,null,{"c":"}"}]}');
    expect(result).toEqual({ kind: 'scanned', records: 6 });
    expect(records).toEqual(['{"a":1}', '{"c":"}"}']);
    expect(bad.map(([i]) => i)).toEqual([1, 2, 3, 4]);
  });

  test('a truncated file, an unterminated string and trailing text are malformed, with the records before them counted', () => {
    expect(scan('{"Records":[{"a":1},{"b":').result).toMatchObject({ kind: 'malformed', records: 1, reason: expect.stringContaining('truncated') });
    expect(scan('{"Records":[{"a":"open}]}').result).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('not terminated') });
    expect(scan('{"Records":[{"a":1}]} {}').result).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('follows') });
    expect(scan('{"Records":[{"a":1]]}').result).toMatchObject({ kind: 'malformed', reason: expect.stringContaining('do not match') });
  });

  test('another shape is left to a full parse', () => {
    expect(scan('{"other":1,"Records":[]}').result).toEqual({ kind: 'not-canonical' });
    expect(scan('{"Records":[],"other":1}').result).toEqual({ kind: 'not-canonical' });
    expect(scan('[]').result).toEqual({ kind: 'not-canonical' });
  });
});

test('MarkerIndex tells which records mention a marker, in one forward pass', () => {
  const text = '{"Records":[{"s":"s3"},{"s":"bedrock.amazonaws.com"},{"s":"sts"},{"x":"aws-external-anthropic"},{"s":"bedroc"}]}';
  const buf = Buffer.from(text);
  const idx = new MarkerIndex(buf, [Buffer.from('bedrock'), Buffer.from('aws-external-anthropic')]);
  const hits: boolean[] = [];
  scanRecords(buf, { record: (_i, s, e) => hits.push(idx.mentions(s, e)), badRecord: () => {} });
  expect(hits).toEqual([false, true, false, true, false]);
});
