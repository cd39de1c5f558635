/**
 * Writes every TypeScript snippet of the README and the guides as a module of its own, for the
 * compatibility job (.ci/compat/run), which compiles them in a fresh app against the packed
 * tarball with each supported TypeScript and aws-cdk-lib. The doc-snippets test checks the same
 * modules against the source.
 *
 *   npx ts-node --transpile-only maintainer/extract-doc-snippets.ts OUTDIR
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { docSnippets, snippetModule } from '../test/helpers/doc-snippets';

const ROOT = join(__dirname, '..');
const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: extract-doc-snippets.ts OUTDIR\n');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const files = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
let count = 0;
for (const file of files) {
  for (const s of docSnippets(file, readFileSync(join(ROOT, file), 'utf8'))) {
    writeFileSync(join(out, s.virtualName), snippetModule(s));
    count++;
  }
}
process.stdout.write(`${count} snippets written to ${out}\n`);
