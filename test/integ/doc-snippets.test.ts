/**
 * Every TypeScript snippet in the README and the guides is type-checked against
 * the library's source, as a user would paste it into a stack's constructor.
 * A snippet that does not compile fails here with the file and line of the
 * block, so the docs cannot drift from the API.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { docSnippets, Snippet, snippetModule } from '../helpers/doc-snippets';

const ROOT = path.join(__dirname, '..', '..');

function docFiles(): string[] {
  const docsDir = path.join(ROOT, 'docs');
  const guides = fs.existsSync(docsDir)
    ? fs.readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join('docs', f))
    : [];
  return ['README.md', 'CONTRIBUTING.md', ...guides].filter((f) => fs.existsSync(path.join(ROOT, f)));
}

const snippets: Snippet[] = docFiles().flatMap((f) => docSnippets(f, fs.readFileSync(path.join(ROOT, f), 'utf8')));

/** Type-checks all snippets in one program (one load of aws-cdk-lib's types). */
function diagnosticsBySnippet(): Map<string, string[]> {
  const virtual = new Map<string, string>();
  for (const s of snippets) virtual.set(path.join(ROOT, 'test', '.snippets', s.virtualName), snippetModule(s));
  const options: ts.CompilerOptions = {
    strict: true,
    noImplicitAny: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
    baseUrl: ROOT,
    paths: { 'cdk-sovereign-bedrock': ['src/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => virtual.get(path.resolve(f)) ?? readFile(f);
  host.fileExists = (f) => virtual.has(path.resolve(f)) || fileExists(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = virtual.get(path.resolve(f));
    return text !== undefined ? ts.createSourceFile(f, text, lang, true) : getSourceFile(f, lang, onError, create);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const out = new Map<string, string[]>();
  for (const s of snippets) {
    const file = program.getSourceFile(path.join(ROOT, 'test', '.snippets', s.virtualName))!;
    const diags = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    out.set(s.virtualName, diags.map((d) => {
      const line = d.start !== undefined ? file.getLineAndCharacterOfPosition(d.start).line : 0;
      return `${s.file}:${s.docLine(line)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    }));
  }
  return out;
}

describe('TypeScript snippets in the docs compile against the library', () => {
  test('there are snippets to check in the README and the guides', () => {
    expect(snippets.filter((s) => s.file === 'README.md').length).toBeGreaterThanOrEqual(2);
    expect(new Set(snippets.map((s) => s.file)).size).toBeGreaterThanOrEqual(4);
  });

  const diagnostics = diagnosticsBySnippet();
  test.each(snippets.map((s) => [`${s.file}:${s.line}`, s] as const))('%s', (_where, s) => {
    expect(diagnostics.get(s.virtualName)).toEqual([]);
  });
});
