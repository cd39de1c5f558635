/**
 * The static checks of `npm test`: the type-check and eslint, over one TypeScript program.
 *
 * `tsc --noEmit` and eslint's typed rules each built the same program (the sources, tests, examples
 * and scripts, with aws-cdk-lib's declarations): about 17 s of CPU spent twice on a fresh clone.
 * Here the program is built once; its diagnostics are the type-check, and eslint's typed rules read
 * it through the parser's `programs` option. Both always run to the end, and the step fails if
 * either found an error, saying which.
 *
 * The Lambda bundles the unit tests need (assets/, git-ignored) are built meanwhile when missing or
 * stale, by the bundle task's own esbuild command lines, so jest's global setup finds them ready.
 *
 * Usage: ts-node --transpile-only build-tools/static-checks.ts DIR... (the directories to lint)
 */
import * as path from 'path';
import { loadESLint } from 'eslint';
import * as ts from 'typescript';
import { ensureLambdaBundles } from './lambda-bundles';

const ROOT = path.join(__dirname, '..');
const TSCONFIG = path.join(ROOT, 'test', 'tsconfig.json');

/**
 * The program `tsc --noEmit -p test/tsconfig.json` builds, and its configuration errors; `rootNames`
 * replaces the configuration's files (the proofs check a scratch file with the same options).
 */
export function buildProgram(rootNames?: string[]): { program: ts.Program; configErrors: readonly ts.Diagnostic[] } {
  const parsed = ts.getParsedCommandLineOfConfigFile(TSCONFIG, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${TSCONFIG}`);
  // A configuration that selects nothing would pass every check.
  if (parsed.fileNames.length === 0) throw new Error(`${TSCONFIG} includes no files`);
  const { options, projectReferences } = parsed;
  const program = ts.createProgram({ rootNames: rootNames ?? parsed.fileNames, options, projectReferences });
  return { program, configErrors: parsed.errors };
}

/** Prints the program's errors as tsc does; returns how many. */
export function typeCheck(program: ts.Program, configErrors: readonly ts.Diagnostic[], write = (text: string) => process.stdout.write(text)): number {
  const diagnostics = [...configErrors, ...ts.getPreEmitDiagnostics(program)];
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => '\n',
  };
  if (diagnostics.length > 0) {
    const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
    write(format(diagnostics, host));
  }
  return diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
}

/** Lints the files or directories with the project's eslint configuration and the given program; prints the report, returns the error count. */
export async function lint(program: ts.Program, dirs: string[], write = (text: string) => process.stdout.write(text)): Promise<number> {
  // The project's .eslintrc.json, as `npx projen eslint` reads it, with the program handed over.
  const ESLint = await loadESLint({ useFlatConfig: false });
  const eslint = new ESLint({
    cwd: ROOT,
    extensions: ['.ts', '.tsx'],
    errorOnUnmatchedPattern: false,
    overrideConfig: { parserOptions: { programs: [program], project: null } },
  });
  const results = await eslint.lintFiles(dirs);
  const formatter = await eslint.loadFormatter('stylish');
  const text = await formatter.format(results);
  if (text) write(text);
  return results.reduce((n, r) => n + r.errorCount, 0);
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) throw new Error('usage: static-checks.ts DIR... (the directories to lint)');
  const bundling = ensureLambdaBundles(ROOT);
  const { program, configErrors } = buildProgram();
  const typeErrors = typeCheck(program, configErrors);
  const lintErrors = await lint(program, dirs);
  const bundleFailures = await bundling;
  for (const f of bundleFailures) console.error(f);
  if (typeErrors > 0) console.error(`static checks: the type-check found ${typeErrors} error(s)`);
  if (lintErrors > 0) console.error(`static checks: eslint found ${lintErrors} error(s) (npx projen eslint fixes what it can)`);
  if (bundleFailures.length > 0) console.error('static checks: a Lambda bundle failed to build (the esbuild output is above)');
  process.exitCode = typeErrors > 0 || lintErrors > 0 || bundleFailures.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`static checks: ${e instanceof Error ? e.stack : String(e)}`);
    process.exitCode = 1;
  });
}
