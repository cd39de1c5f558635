import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

/**
 * The package is not published. A command that fetches `cdk-sovereign-bedrock` by name from a
 * registry fails today, and the day anyone registers the name it runs that person's code, often
 * with management-account credentials. So no shipped text may fetch the name: docs and messages
 * install the built tarball and run the installed command by path.
 */
const ROOT = join(__dirname, '..', '..');
const NAME = 'cdk-sovereign-bedrock';

/** Ways of running or installing a package by its registry name. */
const FETCHES: { readonly label: string; readonly pattern: RegExp }[] = [
  { label: 'npx runs the name (npx looks the name up in the registry even with --no-install)', pattern: new RegExp(`\\bnpx\\b[^\\n\`|;&]*?(?:^|\\s|=)${NAME}(?:@\\S*)?(?=\\s|$|\`)`, 'm') },
  { label: 'npm exec of the name', pattern: new RegExp(`\\bnpm\\s+(?:exec|x)\\b[^\\n\`|;&]*?\\s${NAME}(?:@\\S*)?(?=\\s|$|\`)`, 'm') },
  { label: 'npm install of the name (install the tarball instead)', pattern: new RegExp(`\\bnpm\\s+(?:install|i|add)\\b[^\\n\`|;&]*?\\s${NAME}(?:@[^\\s/]*)?(?=\\s|$|\`)`, 'm') },
  { label: 'another package runner fetches the name', pattern: new RegExp(`\\b(?:pnpm\\s+dlx|yarn\\s+dlx|bunx|pnpx)\\b[^\\n]*\\s${NAME}\\b`, 'm') },
  { label: 'yarn or pnpm add of the name', pattern: new RegExp(`\\b(?:yarn|pnpm)\\s+add\\b[^\\n\`|;&]*?\\s${NAME}(?:@[^\\s/]*)?(?=\\s|$|\`)`, 'm') },
];

/** Every registry fetch of the package's name in a text, with its line. */
function registryFetches(text: string): { line: number; label: string; text: string }[] {
  const found: { line: number; label: string; text: string }[] = [];
  text.split('\n').forEach((line, i) => {
    for (const f of FETCHES) if (f.pattern.test(line)) found.push({ line: i + 1, label: f.label, text: line.trim() });
  });
  return found;
}

function files(dir: string, keep: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...files(full, keep));
    else if (keep(full)) out.push(full);
  }
  return out;
}

/** What a user reads or runs: the README, the guides, and the messages and help texts in src/. */
function shippedTexts(): string[] {
  return [
    join(ROOT, 'README.md'),
    join(ROOT, 'CONTRIBUTING.md'),
    ...files(join(ROOT, 'docs'), (f) => /\.(md|html)$/.test(f)),
    ...files(join(ROOT, 'src'), (f) => f.endsWith('.ts')),
    ...files(join(ROOT, 'examples'), (f) => /\.(ts|md)$/.test(f)),
  ];
}

describe('no shipped text fetches the unpublished package by name', () => {
  test.each([
    'npx cdk-sovereign-bedrock audit',
    'npx --no-install cdk-sovereign-bedrock audit',
    'npx -p cdk-sovereign-bedrock -p @aws-sdk/client-organizations cdk-sovereign-bedrock audit',
    'run `npx cdk-sovereign-bedrock export`',
    'npx --package=cdk-sovereign-bedrock cdk-sovereign-bedrock',
    'npm install --save-dev cdk-sovereign-bedrock @aws-sdk/client-organizations',
    'npm i cdk-sovereign-bedrock@0.1.0',
    'npm exec cdk-sovereign-bedrock -- audit',
    'pnpm dlx cdk-sovereign-bedrock audit',
    'yarn add cdk-sovereign-bedrock',
  ])('the scanner catches %s', (line) => {
    expect(registryFetches(line)).not.toEqual([]);
  });

  test.each([
    'npm install ../cdk-sovereign-bedrock/dist/js/cdk-sovereign-bedrock@0.1.0.jsii.tgz',
    'npm install --save-dev ./vendor/cdk-sovereign-bedrock@0.1.0.jsii.tgz @aws-sdk/client-organizations',
    './node_modules/.bin/cdk-sovereign-bedrock audit --format json',
    'node lib/cli/main.js audit',
    'import { AuBedrockPosture } from \'cdk-sovereign-bedrock\';',
    'npx projen build',
  ])('the scanner lets %s through', (line) => {
    expect(registryFetches(line)).toEqual([]);
  });

  test('README, guides, examples and messages install the tarball and run the installed command', () => {
    const offenders = shippedTexts().flatMap((f) =>
      registryFetches(readFileSync(f, 'utf8')).map((h) => `${relative(ROOT, f)}:${h.line}: ${h.label}: ${h.text}`));
    expect(offenders).toEqual([]);
  });

  test('the README installs the tarball of the version package.json declares', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(version).not.toBe('0.0.0');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const tarballs = [...readme.matchAll(/cdk-sovereign-bedrock@([0-9][^\s/]*)\.jsii\.tgz/g)].map((m) => m[1]);
    expect(tarballs.length).toBeGreaterThan(0);
    expect(new Set(tarballs)).toEqual(new Set([version]));
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## ${version.replace(/\./g, '\\.')} `, 'm'));
  });
});
