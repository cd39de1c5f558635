/**
 * Reads ```ts blocks out of Markdown and turns each into a module that
 * TypeScript can check: imports stay at the top, the rest becomes the body of a
 * Stack's constructor, where `this` is the scope the docs' snippets assume.
 */
export interface Snippet {
  /** The Markdown file, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
  /** A unique file name for the generated module. */
  readonly virtualName: string;
  /** Maps a 0-based line of the generated module back to the Markdown line. */
  docLine(moduleLine: number): number;
}

const FENCE = /^```(ts|typescript)\s*$/;

/** Every ```ts / ```typescript block of a Markdown file. */
export function docSnippets(file: string, markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const found: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i].trim())) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    const code = body.join('\n');
    const { header } = splitImports(code);
    const virtualName = `${file.replace(/[^A-Za-z0-9]/g, '_')}_${start + 1}.ts`;
    // Module layout: PRELUDE (2 lines), the imports, a class line, then the body.
    const bodyOffset = PRELUDE.length + header.length + 1;
    found.push({
      file,
      line: start + 1,
      code,
      virtualName,
      docLine: (moduleLine) => {
        if (moduleLine < PRELUDE.length) return start + 1;
        if (moduleLine < PRELUDE.length + header.length) return start + 2 + header[moduleLine - PRELUDE.length].index;
        const bodyLines = splitImports(code).body;
        const b = bodyLines[moduleLine - bodyOffset];
        return b ? start + 2 + b.index : start + 1;
      },
    });
  }
  return found;
}

interface NumberedLine { readonly text: string; readonly index: number }

/** Import statements (which may span lines) go to the module's top; everything else is the body. */
function splitImports(code: string): { header: NumberedLine[]; body: NumberedLine[] } {
  const header: NumberedLine[] = [];
  const body: NumberedLine[] = [];
  const lines = code.split('\n');
  let inImport = false;
  lines.forEach((text, index) => {
    if (inImport || /^import\s/.test(text)) {
      header.push({ text, index });
      inImport = !/;\s*$/.test(text) && !/from\s+['"][^'"]+['"]\s*;?\s*$/.test(text);
      return;
    }
    body.push({ text, index });
  });
  return { header, body };
}

const PRELUDE = [
  "import { Stack as SnippetStack } from 'aws-cdk-lib';",
  "import { Construct as SnippetConstruct } from 'constructs';",
];

/** The module TypeScript checks for one snippet. */
export function snippetModule(s: Snippet): string {
  const { header, body } = splitImports(s.code);
  return [
    ...PRELUDE,
    ...header.map((l) => l.text),
    'export class DocSnippet extends SnippetStack { constructor(scope: SnippetConstruct, id: string) { super(scope, id);',
    ...body.map((l) => l.text),
    '} }',
    '',
  ].join('\n');
}
