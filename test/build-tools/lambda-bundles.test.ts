import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLambdaBundles, bundleCommands, ensureLambdaBundles, staleLambdaBundles } from '../../build-tools/lambda-bundles';

const ROOT = path.join(__dirname, '..', '..');

/** A project root with one Lambda entry, the repository's esbuild, and a bundle task of the given steps. */
function scratchProject(entrySource: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-bundles-'));
  fs.mkdirSync(path.join(root, 'src', 'deploy'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'deploy', 'probe.lambda.ts'), entrySource);
  fs.writeFileSync(path.join(root, 'src', 'index.ts'), 'export {};\n');
  fs.mkdirSync(path.join(root, 'node_modules', '.bin'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules', '.bin', 'esbuild'), path.join(root, 'node_modules', '.bin', 'esbuild'));
  fs.mkdirSync(path.join(root, '.projen'));
  fs.writeFileSync(path.join(root, '.projen', 'tasks.json'), JSON.stringify({
    tasks: {
      'bundle': { steps: [{ spawn: 'bundle:deploy/probe.lambda' }] },
      'bundle:deploy/probe.lambda': {
        steps: [{ execArgs: ['esbuild', '--bundle', 'src/deploy/probe.lambda.ts', '--platform=node', '--outfile=assets/deploy/probe.lambda/index.js'] }],
      },
    },
  }));
  return root;
}

describe('the Lambda bundles the tests need', () => {
  test("the repository's bundle task: one esbuild command per Lambda entry, writing where the constructs read", () => {
    const entries = fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.lambda.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    const commands = bundleCommands(ROOT);
    expect(commands.map((c) => c[0])).toEqual(entries.map(() => 'esbuild'));
    expect(commands.map((c) => c.find((a) => a.startsWith('--outfile='))).sort()).toEqual(entries.map((e) => `--outfile=assets/${e}/index.js`));
    expect(commands.every((c) => c.includes('--bundle'))).toBe(true);
  });

  test('a missing bundle is stale; a built one is not, until a source is newer', async () => {
    const root = scratchProject('export const handler = async () => 42;\n');
    expect(staleLambdaBundles(root)).toEqual([path.join(root, 'src', 'deploy', 'probe.lambda.ts')]);
    expect(await ensureLambdaBundles(root)).toEqual([]);
    const bundle = path.join(root, 'assets', 'deploy', 'probe.lambda', 'index.js');
    expect(fs.readFileSync(bundle, 'utf8')).toContain('42');
    expect(staleLambdaBundles(root)).toEqual([]);
    // Fresh bundles are left as they are.
    const built = fs.statSync(bundle).mtimeMs;
    expect(await ensureLambdaBundles(root)).toEqual([]);
    expect(fs.statSync(bundle).mtimeMs).toBe(built);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'src', 'index.ts'), later, later);
    expect(staleLambdaBundles(root)).toHaveLength(1);
  });

  test("a bundle that fails to build is reported with esbuild's own message", async () => {
    const root = scratchProject('export const handler = async () => {;\n');
    const failures = await buildLambdaBundles(root);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^esbuild --bundle src\/deploy\/probe\.lambda\.ts .*\(exit 1\):\n[\s\S]*probe\.lambda\.ts/);
  });

  test('a bundle task of another shape is an error naming the step, not a silent skip', () => {
    const root = scratchProject('export {};\n');
    fs.writeFileSync(path.join(root, '.projen', 'tasks.json'), JSON.stringify({ tasks: { bundle: { steps: [{ exec: 'make bundles' }] } } }));
    expect(() => bundleCommands(root)).toThrow(/expected the bundle task to spawn tasks of one esbuild step each, got \{"exec":"make bundles"\}/);
  });
});
