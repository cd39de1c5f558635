import { spawnSync } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildSync } from 'esbuild';

/**
 * The real CDK CLI (the aws-cdk devDependency) on an app that registers the
 * checks as documented: `cdk synth` must fail on a leaking grant and name the
 * rule, and pass without it. The CLI reads the validation report the library
 * writes rather than the app's exit code, so only this shows that a finding
 * stops a synth for users (it did not with aws-cdk-lib 2.257.0).
 */
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'node_modules', 'aws-cdk', 'bin', 'cdk');
let workdir: string;
let appFile: string;

beforeAll(() => {
  // The app is bundled with the library's source (a fresh clone has no lib/);
  // aws-cdk-lib and constructs stay external and load from node_modules, as in a user's app.
  workdir = mkdtempSync(join(tmpdir(), 'cdk-cli-synth-'));
  appFile = join(workdir, 'app.js');
  buildSync({
    entryPoints: [join(__dirname, 'leaking-grant-app.ts')],
    outfile: appFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    alias: { 'cdk-sovereign-bedrock': join(root, 'src', 'index.ts') },
    external: ['aws-cdk-lib', 'aws-cdk-lib/*', 'constructs'],
    logLevel: 'silent',
  });
});

function synth(leak: boolean): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [cli, 'synth', '--no-notices', '--quiet', '--app', `node ${appFile}`, '--output', join(workdir, leak ? 'leak.out' : 'clean.out')], {
    cwd: workdir,
    encoding: 'utf8',
    env: {
      ...process.env,
      LEAK: String(leak),
      NODE_PATH: join(root, 'node_modules'),
      // Offline and quiet: no telemetry, no version lookup.
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      CDK_DISABLE_VERSION_CHECK: 'true',
    },
    timeout: 110_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

test('cdk synth fails on a leaking grant, naming the rule and the construct', () => {
  const { status, output } = synth(true);
  expect(status).not.toBe(0);
  expect(output).toContain('AuBedrock1');
  expect(output).toContain('Workload/Summariser/DefaultPolicy/Resource');
  expect(output).toContain('cdk-sovereign-bedrock::AuBedrock1');
});

test('cdk synth passes when the only Bedrock grant is residency-safe', () => {
  const { status, output } = synth(false);
  expect(output).not.toContain('AuBedrock');
  expect(status).toBe(0);
});
