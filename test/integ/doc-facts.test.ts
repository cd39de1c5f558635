import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { PostureExport, PostureExportFormat } from '../../src';

/**
 * Figures and samples in the guides are checked against what the build produces, so a change
 * that moves them fails here instead of leaving the docs wrong.
 */
const ROOT = join(__dirname, '..', '..');
const doc = (name: string) => readFileSync(join(ROOT, 'docs', name), 'utf8');

/** The first fenced block after a line that contains `marker`. */
function blockAfter(markdown: string, marker: string): string {
  const at = markdown.indexOf(marker);
  if (at < 0) throw new Error(`no "${marker}" in the guide`);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(markdown.slice(at));
  if (!m) throw new Error(`no code block after "${marker}"`);
  return m[1];
}

describe('docs/platform-engineers.md', () => {
  test('the handler sizes are those of this build, within 10%, and every handler is listed', () => {
    const assets = join(ROOT, 'assets');
    const built = new Map<string, number>();
    for (const group of readdirSync(assets)) {
      for (const entry of readdirSync(join(assets, group))) {
        if (!entry.endsWith('.lambda')) continue;
        built.set(`${group}/${entry.replace(/\.lambda$/, '')}`, statSync(join(assets, group, entry, 'index.js')).size / 1024);
      }
    }
    const listed = new Map([...doc('platform-engineers.md').matchAll(/^\s*\| `([\w-]+\/[\w-]+)` \| (\d+) KB \|$/gm)].map((m) => [m[1], Number(m[2])]));
    const expected = [...built].sort().map(([name, kb]) => `| \`${name}\` | ${Math.round(kb)} KB |`).join('\n');
    expect([...listed.keys()].sort()).toEqual([...built.keys()].sort());
    for (const [name, kb] of listed) {
      const actual = built.get(name)!;
      if (Math.abs(actual - kb) > actual * 0.1) throw new Error(`${name} is ${actual.toFixed(1)} KB, the guide says ${kb} KB. The table for this build:\n${expected}`);
    }
  });
});

describe('docs/landing-zone-export.md', () => {
  const options = { exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'] };

  test('the sample CfCT manifest is what the export writes for the snippet above it', () => {
    const files = PostureExport.toFiles({
      format: PostureExportFormat.CFCT,
      targets: { organizationalUnits: ['Workloads'], accounts: ['012345678901'] },
      options,
    });
    const manifest = files.find((f) => f.path === 'manifest.yaml')!.content;
    expect(blockAfter(doc('landing-zone-export.md'), 'The generated CfCT manifest:')).toBe(manifest);
  });

  test('the sample LZA snippet is what the export writes for Workloads/Prod', () => {
    const files = PostureExport.toFiles({ format: PostureExportFormat.LZA, targets: { organizationalUnits: ['Workloads/Prod'] }, options });
    const config = files.find((f) => f.path.endsWith('organization-config.yaml'))!.content;
    expect(blockAfter(doc('landing-zone-export.md'), 'The generated LZA `organization-config.yaml` snippet')).toBe(config);
  });
});
