/**
 * A small YAML emitter for the fixed shapes this library writes (CfCT
 * manifests, LZA organization-config snippets): block mappings and sequences of
 * strings, numbers and booleans. The library has no runtime dependencies, and
 * these shapes do not need a general YAML library.
 */

/** A scalar written exactly as given, unquoted: CfCT's documented `version: 2021-03-15`. */
export class YamlVerbatim {
  constructor(public readonly text: string) {}
}

export type YamlValue = string | number | boolean | YamlVerbatim | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** Words YAML 1.1 or 1.2 read as booleans or null when unquoted. */
const RESERVED = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~']);

/**
 * Plain (unquoted) only when no YAML reader can take the text for anything but
 * a string: starts with a letter (so never a number, date or indicator), then
 * letters, digits and `_ . / -` only.
 */
function isPlainSafe(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_./-]*$/.test(text) && !RESERVED.has(text.toLowerCase());
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/** A double-quoted scalar; everything outside printable ASCII is escaped, so the file is ASCII. */
function doubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x09) out += '\\t';
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

function scalar(value: YamlValue): string | undefined {
  if (value instanceof YamlVerbatim) return value.text;
  if (typeof value === 'string') return isPlainSafe(value) ? value : doubleQuoted(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as YAML`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (!Array.isArray(value) && Object.keys(value).length === 0) return '{}';
  return undefined;
}

function lines(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: YamlValue) => {
      const s = scalar(item);
      if (s !== undefined) return [`${indent}- ${s}`];
      const nested = lines(item, `${indent}  `);
      // The first line of a nested block moves up onto the dash.
      return [`${indent}- ${nested[0].slice(indent.length + 2)}`, ...nested.slice(1)];
    });
  }
  return Object.entries(value as { [key: string]: YamlValue }).flatMap(([key, v]) => {
    const k = isPlainSafe(key) ? key : doubleQuoted(key);
    const s = scalar(v);
    return s !== undefined ? [`${indent}${k}: ${s}`] : [`${indent}${k}:`, ...lines(v, `${indent}  `)];
  });
}

/** The document as YAML text, with optional `# ` comment lines first. Ends with a newline. */
export function toYaml(document: { readonly [key: string]: YamlValue }, comments: readonly string[] = []): string {
  return [...comments.map((c) => `# ${c}`.trimEnd()), '---', ...lines(document, '')].join('\n') + '\n';
}
