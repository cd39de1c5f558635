import { spawn } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

/** Every `.ts` file under `dir`, or only the Lambda entries (`*.lambda.ts`). */
function files(dir: string, lambdaOnly: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return files(p, lambdaOnly);
    return d.name.endsWith(lambdaOnly ? '.lambda.ts' : '.ts') ? [p] : [];
  });
}

/**
 * The Lambda entries (`src/**\/*.lambda.ts`) whose bundle in assets/ is missing or older than any
 * source file. assets/ is git-ignored and built by `projen bundle`; constructs that reference a
 * bundle fail to synthesize without it, and a stale one would test yesterday's handler.
 */
export function staleLambdaBundles(root: string): string[] {
  const src = join(root, 'src');
  const newestSource = Math.max(...files(src, false).map((f) => statSync(f).mtimeMs));
  return files(src, true).filter((entry) => {
    const bundle = join(root, 'assets', entry.slice(src.length + 1).replace(/\.ts$/, ''), 'index.js');
    return !existsSync(bundle) || statSync(bundle).mtimeMs < newestSource;
  });
}

interface ProjenTask { steps?: { spawn?: string; execArgs?: string[]; exec?: string }[] }

/**
 * The esbuild command lines of projen's `bundle` task (one `bundle:NAME` task per Lambda entry),
 * read from .projen/tasks.json so they stay exactly what `npx projen bundle` runs.
 */
export function bundleCommands(root: string): string[][] {
  const tasks = (JSON.parse(readFileSync(join(root, '.projen', 'tasks.json'), 'utf8')) as { tasks: Record<string, ProjenTask> }).tasks;
  return (tasks.bundle?.steps ?? []).map((step) => {
    const steps = step.spawn ? tasks[step.spawn]?.steps ?? [] : [];
    const args = steps.length === 1 ? steps[0].execArgs : undefined;
    if (!args || args[0] !== 'esbuild') {
      throw new Error(`.projen/tasks.json: expected the bundle task to spawn tasks of one esbuild step each, got ${JSON.stringify(step)}`);
    }
    return args;
  });
}

/** Builds the bundles when one is missing or stale (`staleLambdaBundles`); resolves to the failures. */
export async function ensureLambdaBundles(root: string): Promise<string[]> {
  return staleLambdaBundles(root).length === 0 ? [] : buildLambdaBundles(root);
}

/**
 * Builds every bundle, the esbuild processes side by side: the same command lines as
 * `npx projen bundle`, without starting projen once per entry (about 4 s of CPU on a fresh clone).
 * Resolves to the failures, each with esbuild's output.
 */
export async function buildLambdaBundles(root: string): Promise<string[]> {
  const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
  const runs = bundleCommands(root).map((args) => new Promise<string | undefined>((resolve) => {
    const child = spawn(esbuild, args.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    child.on('error', (e) => resolve(`${args.join(' ')}: ${e.message}`));
    child.on('close', (code) => resolve(code === 0 ? undefined : `${args.join(' ')} (exit ${code}):\n${Buffer.concat(out).toString()}`));
  }));
  return (await Promise.all(runs)).filter((f): f is string => f !== undefined);
}
