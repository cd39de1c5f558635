import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

/**
 * Every relative link and anchor in the README and the guides resolves, read from the file's own
 * folder, as a Git host renders it.
 */
const ROOT = join(__dirname, '..', '..');

function markdownFiles(): string[] {
  const docs = (dir: string): string[] => readdirSync(dir).flatMap((e) => {
    const full = join(dir, e);
    return statSync(full).isDirectory() ? docs(full) : full.endsWith('.md') ? [full] : [];
  });
  return [join(ROOT, 'README.md'), join(ROOT, 'CONTRIBUTING.md'), join(ROOT, 'CHANGELOG.md'), ...docs(join(ROOT, 'docs'))]
    .filter((f) => existsSync(f));
}

/** The text outside fenced code blocks and inline code, line by line. */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`[^`]*`/g, '');
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(m[1]);
  return anchors;
}

interface Link { readonly file: string; readonly line: number; readonly target: string }

function links(file: string): Link[] {
  const out: Link[] = [];
  prose(readFileSync(file, 'utf8')).forEach((text, i) => {
    for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ file, line: i + 1, target: m[1] });
    for (const m of text.matchAll(/^\s*\[[^\]]+\]:\s+(\S+)/g)) out.push({ file, line: i + 1, target: m[1] });
  });
  return out;
}

/** Why a link is broken, or undefined. */
function broken(link: Link): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) return undefined; // https:, mailto:
  const [path, anchor] = link.target.split('#', 2);
  const target = path === '' ? link.file : resolve(dirname(link.file), decodeURIComponent(path));
  if (!existsSync(target)) return `${relative(ROOT, target)} does not exist`;
  if (anchor === undefined || anchor === '') return undefined;
  if (!target.endsWith('.md')) return undefined;
  return headingAnchors(readFileSync(target, 'utf8')).has(decodeURIComponent(anchor).toLowerCase())
    ? undefined : `no heading in ${relative(ROOT, target)} has the anchor #${anchor}`;
}

describe('links in the README and docs/', () => {
  test('anchors follow the Git host\'s rules', () => {
    const anchors = headingAnchors('# Deploy-time safety in a Control Tower organization\n## Step 3: enable it (both Regions)\n## Step 3: enable it (both Regions)\n```\n# not a heading\n```');
    expect([...anchors]).toEqual(['deploy-time-safety-in-a-control-tower-organization', 'step-3-enable-it-both-regions', 'step-3-enable-it-both-regions-1']);
  });

  test('the checker finds a broken path and a broken anchor', () => {
    const file = join(ROOT, 'docs', 'coverage.md');
    expect(broken({ file, line: 1, target: 'docs/coverage.md' })).toMatch(/does not exist/);
    expect(broken({ file, line: 1, target: '#no-such-heading-anywhere' })).toMatch(/no heading/);
    expect(broken({ file, line: 1, target: '../README.md' })).toBeUndefined();
  });

  test('every relative link and anchor resolves from its own file', () => {
    const all = markdownFiles().flatMap(links);
    expect(all.length).toBeGreaterThan(30);
    const bad = all.flatMap((l) => {
      const why = broken(l);
      return why ? [`${relative(ROOT, l.file)}:${l.line}: (${l.target}) ${why}`] : [];
    });
    expect(bad).toEqual([]);
  });
});
