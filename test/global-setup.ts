import { execSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';

/**
 * Lambda bundles live in assets/, which is git-ignored and built by `projen bundle`
 * before compile. Constructs that reference them fail to synthesize without them,
 * so build them here when any is missing (a fresh clone running `npm test`) or older
 * than any source file: a stale bundle would test yesterday's handler.
 */
export default function globalSetup(): void {
  // Test workers inherit this: the AWS SDK's notice that its 2027 releases need Node 22
  // is about the machine, not the code under test (projen tasks set it too).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const root = join(__dirname, '..');
  const entries = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? entries(p) : d.name.endsWith('.lambda.ts') ? [p] : [];
  });
  const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? sources(p) : d.name.endsWith('.ts') ? [p] : [];
  });
  const newestSource = Math.max(...sources(join(root, 'src')).map((f) => statSync(f).mtimeMs));
  const stale = entries(join(root, 'src')).some((entry) => {
    const bundle = join(root, 'assets', entry.slice(join(root, 'src').length + 1).replace(/\.ts$/, ''), 'index.js');
    return !existsSync(bundle) || statSync(bundle).mtimeMs < newestSource;
  });
  if (stale) execSync('npx projen bundle', { cwd: root, stdio: 'inherit' });
}
