/**
 * Finds the records of a CloudTrail log file without parsing them: one pass
 * over the bytes that follows JSON's structure (strings, with their escapes,
 * and nesting), jumping over string contents with the native `indexOf`.
 * CloudTrail writes each file as one JSON object, `{"Records":[{...},{...}]}`.
 *
 * The caller parses only the records it needs (those mentioning a governed
 * service); the others are counted. Structure is checked for every record
 * (unterminated strings, unbalanced brackets, an element that is not an
 * object); the contents of a record that is never parsed are not.
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

const HEADER = /^\s*\{\s*"Records"\s*:\s*\[/;

export interface ScanCallbacks {
  /** A record object spanning bytes [start, end). */
  readonly record: (index: number, start: number, end: number) => void;
  /** An element of `Records` that is not an object. */
  readonly badRecord: (index: number, reason: string) => void;
}

export type ScanResult =
  | { readonly kind: 'scanned'; readonly records: number }
  /** Not the canonical shape (another key first, or no `Records`): parse the whole file instead. */
  | { readonly kind: 'not-canonical' }
  | { readonly kind: 'malformed'; readonly records: number; readonly reason: string };

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Position of the quote closing the string whose opening quote is at `open`, or -1. */
function closingQuote(buf: Uint8Array & { indexOf(v: number, from: number): number }, open: number): number {
  let j = buf.indexOf(QUOTE, open + 1);
  while (j > 0) {
    let k = j - 1;
    while (buf[k] === BACKSLASH) k--;
    if ((j - 1 - k) % 2 === 0) return j;
    j = buf.indexOf(QUOTE, j + 1);
  }
  return -1;
}

export function scanRecords(buf: Buffer, cb: ScanCallbacks): ScanResult {
  const head = HEADER.exec(buf.subarray(0, 256).toString('latin1'));
  if (!head) return { kind: 'not-canonical' };
  const n = buf.length;
  let i = head[0].length;
  // depth 0: directly in the Records array; >0 inside a record.
  let depth = 0;
  let start = -1;
  let index = 0;
  let badElement = false;
  while (i < n) {
    const c = buf[i];
    if (c === QUOTE) {
      const j = closingQuote(buf, i);
      if (j < 0) return { kind: 'malformed', records: index, reason: `record ${index}: a string is not terminated (truncated?)` };
      if (depth === 0) {
        cb.badRecord(index++, 'a record must be a JSON object, found a string');
      }
      i = j + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === 0) {
        start = i;
        badElement = c === OPEN_ARRAY;
      }
      depth++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 0) {
        if (c !== CLOSE_ARRAY) return { kind: 'malformed', records: index, reason: 'the Records array is closed by }' };
        // The end of Records: only the closing brace of the file may follow.
        let k = i + 1;
        while (k < n && isWhitespace(buf[k])) k++;
        if (buf[k] === COMMA) return { kind: 'not-canonical' };
        if (buf[k] !== CLOSE_OBJECT) return { kind: 'malformed', records: index, reason: 'the file does not end after the Records array' };
        k++;
        while (k < n && isWhitespace(buf[k])) k++;
        if (k !== n) return { kind: 'malformed', records: index, reason: 'text follows the end of the file\'s JSON object' };
        return { kind: 'scanned', records: index };
      }
      depth--;
      if (depth === 0) {
        const opener = buf[start];
        if ((opener === OPEN_OBJECT) !== (c === CLOSE_OBJECT)) return { kind: 'malformed', records: index, reason: `record ${index}: brackets do not match` };
        if (badElement) cb.badRecord(index++, 'a record must be a JSON object, found an array');
        else cb.record(index++, start, i + 1);
      }
    } else if (depth === 0 && c !== COMMA && !isWhitespace(c)) {
      // A number, true, false or null directly in Records.
      cb.badRecord(index++, 'a record must be a JSON object, found a literal');
      while (i + 1 < n && buf[i + 1] !== COMMA && buf[i + 1] !== CLOSE_ARRAY && !isWhitespace(buf[i + 1])) i++;
    }
    i++;
  }
  return { kind: 'malformed', records: index, reason: depth > 0 ? `record ${index}: the file ends inside the record (truncated?)` : 'the file ends inside the Records array (truncated?)' };
}

/**
 * Tells, record by record in file order, whether a record's bytes contain any
 * of the markers. Every marker is searched forward once over the buffer, so the
 * cost is one native scan per marker whatever the number of records.
 */
export class MarkerIndex {
  private readonly next: number[];

  constructor(private readonly buf: Buffer, private readonly markers: readonly Buffer[]) {
    this.next = markers.map((m) => buf.indexOf(m, 0));
  }

  /** Whether [start, end) contains a marker. Calls must come with increasing `start`. */
  public mentions(start: number, end: number): boolean {
    let hit = false;
    for (let m = 0; m < this.markers.length; m++) {
      let pos = this.next[m];
      if (pos >= 0 && pos < start) {
        pos = this.buf.indexOf(this.markers[m], start);
        this.next[m] = pos;
      }
      if (pos >= 0 && pos + this.markers[m].length <= end) hit = true;
    }
    return hit;
  }
}
