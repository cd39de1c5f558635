/**
 * An offline evaluator for CloudWatch Logs JSON filter patterns, for exactly the
 * subset this library emits plus what AWS's documented examples need:
 *
 *   { expr }          expr := and ('||' and)* ; and := term ('&&' term)* ;
 *                     term := '(' expr ')' | selector op value | selector IS (NULL|TRUE|FALSE) | selector NOT EXISTS
 *   selector          $.a.b, $.a[0].b, $.a[0][1], $.['dotted.key']
 *   op                = | !=
 *   value             "quoted" | unquoted token | * | number
 *
 * Semantics, from the CloudWatch Logs user guide ("Using filter patterns to match
 * terms in JSON log events" and its earlier "Filter and pattern syntax"):
 * - precedence () > && > ||;
 * - the selector must reach a value node (string or number): on an object, an
 *   array, null, a boolean or a missing field, both `=` and `!=` are false, so
 *   `!=` does NOT match a record that lacks the field (FACTS.md §6);
 * - `*` alone means "any value"; inside a string a `*` is a wildcard only at the
 *   start or end ("*Event", "Event*"); "Ev*ent" matches only the literal text;
 * - `EXISTS` and `IS NOT` are not supported and are rejected.
 * No maintained offline evaluator exists, so this one is tested against AWS's
 * documented examples in test/detect/logs-filter-pattern.test.ts.
 */

type Path = Array<string | number>;

type Node =
  | { kind: 'or' | 'and'; left: Node; right: Node }
  | { kind: 'compare'; path: Path; op: '=' | '!='; value: string; quoted: boolean }
  | { kind: 'is'; path: Path; what: 'NULL' | 'TRUE' | 'FALSE' }
  | { kind: 'notExists'; path: Path };

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parsePattern(): Node {
    this.skip();
    this.expect('{');
    const node = this.parseOr();
    this.skip();
    this.expect('}');
    this.skip();
    if (this.pos !== this.src.length) this.fail('text after the closing brace');
    return node;
  }

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.eat('||')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseTerm();
    while (this.eat('&&')) left = { kind: 'and', left, right: this.parseTerm() };
    return left;
  }

  private parseTerm(): Node {
    this.skip();
    if (this.eat('(')) {
      const inner = this.parseOr();
      this.skip();
      this.expect(')');
      return inner;
    }
    const path = this.parseSelector();
    this.skip();
    if (this.eatWord('IS')) {
      this.skip();
      if (this.eatWord('NOT')) this.fail('IS NOT is not supported');
      for (const what of ['NULL', 'TRUE', 'FALSE'] as const) if (this.eatWord(what)) return { kind: 'is', path, what };
      this.fail('expected NULL, TRUE or FALSE after IS');
    }
    if (this.eatWord('NOT')) {
      this.skip();
      if (this.eatWord('EXISTS')) return { kind: 'notExists', path };
      this.fail('expected EXISTS after NOT');
    }
    if (this.eatWord('EXISTS')) this.fail('EXISTS is not supported (use = * for "present")');
    const op = this.eat('!=') ? '!=' : this.eat('=') ? '=' : this.fail('expected = or !=');
    this.skip();
    const { value, quoted } = this.parseValue();
    return { kind: 'compare', path, op, value, quoted };
  }

  private parseSelector(): Path {
    this.expect('$');
    const path: Path = [];
    for (;;) {
      if (this.src.startsWith(".['", this.pos)) {
        this.pos += 3;
        const end = this.src.indexOf("']", this.pos);
        if (end < 0) this.fail('unterminated [\'...\']');
        path.push(this.src.slice(this.pos, end));
        this.pos = end + 2;
      } else if (this.src[this.pos] === '.') {
        this.pos++;
        const m = /^[A-Za-z0-9_-]+/.exec(this.src.slice(this.pos));
        if (!m) this.fail('expected a property name');
        path.push(m![0]);
        this.pos += m![0].length;
      } else if (this.src[this.pos] === '[') {
        const m = /^\[(\d+)\]/.exec(this.src.slice(this.pos));
        if (!m) this.fail('expected [NUMBER]');
        path.push(Number(m![1]));
        this.pos += m![0].length;
      } else {
        break;
      }
    }
    if (path.length === 0) this.fail('a selector needs at least one property');
    return path;
  }

  private parseValue(): { value: string; quoted: boolean } {
    if (this.src[this.pos] === '"') {
      const end = this.src.indexOf('"', this.pos + 1);
      if (end < 0) this.fail('unterminated string');
      const value = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { value, quoted: true };
    }
    const m = /^[^\s()&|}]+/.exec(this.src.slice(this.pos));
    if (!m) this.fail('expected a value');
    this.pos += m![0].length;
    return { value: m![0], quoted: false };
  }

  private skip(): void {
    while (/\s/.test(this.src[this.pos] ?? '')) this.pos++;
  }

  private eat(token: string): boolean {
    this.skip();
    if (this.src.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  private eatWord(word: string): boolean {
    const rest = this.src.slice(this.pos, this.pos + word.length + 1);
    if (rest.toUpperCase().startsWith(word) && !/[A-Za-z0-9_]/.test(rest[word.length] ?? '')) {
      this.pos += word.length;
      return true;
    }
    return false;
  }

  private expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected ${token}`);
  }

  private fail(message: string): never {
    throw new Error(`Invalid filter pattern at ${this.pos}: ${message}: ${this.src}`);
  }
}

const MISSING = Symbol('missing');

function lookup(event: unknown, path: Path): unknown {
  let cur: unknown = event;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(cur) || step >= cur.length) return MISSING;
      cur = cur[step];
    } else {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !(step in (cur as object))) return MISSING;
      cur = (cur as Record<string, unknown>)[step];
    }
  }
  return cur;
}

function textMatches(actual: string, expected: string): boolean {
  if (expected === '*') return true;
  const starts = expected.startsWith('*');
  const ends = expected.endsWith('*') && expected.length > 1;
  const core = expected.slice(starts ? 1 : 0, ends ? -1 : undefined);
  if (starts && ends) return actual.includes(core);
  if (starts) return actual.endsWith(core);
  if (ends) return actual.startsWith(core);
  return actual === expected;
}

function valueMatches(actual: string | number, value: string, quoted: boolean): boolean {
  const numeric = !quoted && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value);
  if (numeric && typeof actual === 'number') return actual === Number(value);
  return textMatches(String(actual), value);
}

function evaluate(node: Node, event: unknown): boolean {
  switch (node.kind) {
    case 'or': return evaluate(node.left, event) || evaluate(node.right, event);
    case 'and': return evaluate(node.left, event) && evaluate(node.right, event);
    case 'notExists': return lookup(event, node.path) === MISSING;
    case 'is': {
      const v = lookup(event, node.path);
      return node.what === 'NULL' ? v === null : v === (node.what === 'TRUE');
    }
    case 'compare': {
      const v = lookup(event, node.path);
      // Only value nodes take part in comparisons, for = and != alike.
      if (typeof v !== 'string' && typeof v !== 'number') return false;
      const hit = valueMatches(v, node.value, node.quoted);
      return node.op === '=' ? hit : !hit;
    }
  }
}

/** Parses a JSON filter pattern, throwing on anything outside the supported subset. */
export function parseLogsFilterPattern(pattern: string): (event: unknown) => boolean {
  const tree = new Parser(pattern).parsePattern();
  return (event) => evaluate(tree, event);
}

/** Whether a CloudWatch Logs JSON filter pattern matches a (parsed) JSON log event. */
export function logsFilterMatches(pattern: string, event: unknown): boolean {
  return parseLogsFilterPattern(pattern)(event);
}
