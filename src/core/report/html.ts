/**
 * The few HTML helpers the report is written with. Every string from an input
 * goes through `esc` (text and attribute values alike), so an account named
 * `<script>` is shown as that text and never becomes markup.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A table: headers and rows of already-escaped cell HTML. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], className = ''): string {
  // Columns of figures (headed like "calls" or "size") are right-aligned and kept on one line.
  const numeric = headers.map((h) => /^(calls|attempts|size|record)$/.test(h));
  const cls = (i: number) => (numeric[i] ? ' class="num"' : '');
  return `<table${className ? ` class="${className}"` : ''}><thead><tr>${headers.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/**
 * A verdict shown as a word and a colour: the word carries the meaning, so the
 * page reads the same printed in greyscale; border styles differ too.
 */
export function badge(word: string, label = word): string {
  return `<span class="verdict v-${esc(word)}" data-verdict="${esc(word)}">${esc(label)}</span>`;
}

export function code(text: unknown): string {
  return `<code>${esc(text)}</code>`;
}

export function n(value: number): string {
  return value.toLocaleString('en-AU');
}
