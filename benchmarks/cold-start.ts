/**
 * Cold-process figures: what a user's `cdk synth` pays from `node` starting to
 * the template written, the library's load included, against a hand-written
 * baseline that loads only aws-cdk-lib. Each run is a fresh `node` process on
 * compiled JavaScript (the package's `lib/` when built, else the sources
 * transpiled file by file with esbuild, as tsc would emit them), so neither
 * ts-node nor a warm module cache is measured.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

/** The compiled library's entry point: `lib/index.js`, or a fresh transpile of `src/`. */
export function compiledLibrary(): { entry: string; how: string; cleanup: () => void } {
  const built = path.join(ROOT, 'lib', 'index.js');
  if (fs.existsSync(built)) return { entry: built, how: 'lib/ (the built package)', cleanup: () => undefined };
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lib-'));
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(path.join(ROOT, 'src'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  esbuild.buildSync({ entryPoints: files, outdir: out, outbase: path.join(ROOT, 'src'), format: 'cjs', platform: 'node', target: 'node20', bundle: false, logLevel: 'error' });
  return { entry: path.join(out, 'index.js'), how: 'src/ transpiled by esbuild (run `npx projen compile` to measure lib/)', cleanup: () => fs.rmSync(out, { recursive: true, force: true }) };
}

/** The child: loads, builds one shape, synthesizes, prints `{ load, synth }` in ms. */
const CHILD = `
const { performance } = require('perf_hooks');
const [mode, entry, contentFile, shape, targets] = process.argv.slice(1);
const t0 = performance.now();
const cdk = require('aws-cdk-lib');
const org = require('aws-cdk-lib/aws-organizations');
const lib = mode === 'library' ? require(entry) : undefined;
const t1 = performance.now();
const app = new cdk.App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'bench-out-')) });
const stack = new cdk.Stack(app, 'LandingZone');
const ids = Array.from({ length: Number(targets) }, (_, i) => 'ou-ab12-' + i.toString(36).padStart(8, '0'));
const content = JSON.parse(require('fs').readFileSync(contentFile, 'utf8'));
if (mode === 'library' && shape === 'one') new lib.AuBedrockResidencyScp(stack, 'Posture', { targetIds: ids, policyName: 'posture' });
// Per-OU policies go in nested stacks of 50: 200 in one template are over CloudFormation's 1 MB.
const nested = [];
const scopeOf = (i) => nested[Math.floor(i / 50)] ??= new cdk.NestedStack(stack, 'Ous' + Math.floor(i / 50));
if (mode === 'library' && shape === 'many') ids.forEach((t, i) => new lib.AuBedrockResidencyScp(scopeOf(i), 'Posture' + i, { targetIds: [t], policyName: 'posture-' + i }));
if (mode === 'baseline' && shape === 'one') new org.CfnPolicy(stack, 'Posture', { name: 'posture', type: 'SERVICE_CONTROL_POLICY', content, targetIds: ids });
if (mode === 'baseline' && shape === 'many') ids.forEach((t, i) => new org.CfnPolicy(scopeOf(i), 'Posture' + i, { name: 'posture-' + i, type: 'SERVICE_CONTROL_POLICY', content, targetIds: [t] }));
app.synth();
const t2 = performance.now();
require('fs').rmSync(app.outdir, { recursive: true, force: true });
console.log(JSON.stringify({ load: t1 - t0, synth: t2 - t1 }));
`;

export interface ColdRun {
  readonly load: number;
  readonly synth: number;
}

/** One fresh process; the library resolves aws-cdk-lib from this repository's node_modules. */
export function coldRun(mode: 'library' | 'baseline', entry: string, contentFile: string, shape: 'one' | 'many', targets: number): ColdRun {
  const out = execFileSync(process.execPath, ['-e', CHILD, mode, entry, contentFile, shape, String(targets)], {
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}
