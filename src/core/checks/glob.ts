/**
 * IAM-style wildcard patterns: `*` matches any run of characters (including
 * none), `?` matches exactly one. Policies use them in actions and resources;
 * the checks need two questions answered about them: does a pattern match a
 * given name, and can two patterns match a common string.
 */

type Token = { readonly kind: 'star' } | { readonly kind: 'one' } | { readonly kind: 'char'; readonly char: string };

function tokens(pattern: string, ignoreCase: boolean): Token[] {
  const text = ignoreCase ? pattern.toLowerCase() : pattern;
  return [...text].map((c) => (c === '*' ? { kind: 'star' } : c === '?' ? { kind: 'one' } : { kind: 'char', char: c }));
}

export interface GlobOptions {
  /** IAM action names are case-insensitive; ARNs are not. */
  readonly ignoreCase?: boolean;
}

/** Whether `pattern` matches the literal `text`. */
export function globMatches(pattern: string, text: string, options: GlobOptions = {}): boolean {
  const literal = options.ignoreCase ? text.toLowerCase() : text;
  return globsIntersect(pattern, literal.replace(/[*?]/g, (c) => `\u0000${c}`), options, true);
}

/**
 * Whether some string is matched by both patterns. Used to ask "could this
 * resource pattern name an `apac.` inference profile?" without enumerating
 * profiles: the probe `inference-profile/apac.*` intersects the pattern.
 */
export function globsIntersect(a: string, b: string, options: GlobOptions = {}, bIsLiteral = false): boolean {
  const ta = tokens(a, options.ignoreCase ?? false);
  // In globMatches the literal side escapes its own `*` and `?` with a NUL so they stay characters.
  const tb: Token[] = bIsLiteral ? literalTokens(b) : tokens(b, options.ignoreCase ?? false);
  const memo = new Map<number, boolean>();
  const width = tb.length + 1;

  const f = (i: number, j: number): boolean => {
    const key = i * width + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    memo.set(key, false); // no cycles: every step advances i or j
    let result = false;
    if (i === ta.length && j === tb.length) {result = true;} else if (i < ta.length && ta[i].kind === 'star' && f(i + 1, j)) {result = true;} else if (j < tb.length && tb[j].kind === 'star' && f(i, j + 1)) {result = true;} else if (i < ta.length && j < tb.length) {
      const x = ta[i];
      const y = tb[j];
      if (x.kind === 'star' && y.kind !== 'star') {result = f(i, j + 1);} else if (y.kind === 'star' && x.kind !== 'star') {result = f(i + 1, j);} else if (x.kind !== 'star' && y.kind !== 'star') {
        const compatible = x.kind === 'one' || y.kind === 'one' || x.char === (y as { char: string }).char;
        result = compatible && f(i + 1, j + 1);
      }
    }
    memo.set(key, result);
    return result;
  };
  return f(0, 0);
}

function literalTokens(escaped: string): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < escaped.length; k++) {
    if (escaped[k] === '\u0000' && k + 1 < escaped.length) {
      out.push({ kind: 'char', char: escaped[++k] });
    } else {
      out.push({ kind: 'char', char: escaped[k] });
    }
  }
  return out;
}

export function hasWildcard(pattern: string): boolean {
  return /[*?]/.test(pattern);
}
