import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The package's public surface is its root: Node must refuse deep imports of
 * lib/** (internals no compatibility check covers) when a user's app resolves the
 * package from node_modules. Node's own resolver is used (jest's differs), on an
 * installed copy of package.json with placeholder files where the build puts them.
 */
const root = path.join(__dirname, '..', '..');

function installedCopy(): string {
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'package-exports-'));
  const pkg = path.join(app, 'node_modules', 'cdk-sovereign-bedrock');
  for (const file of ['lib/index.js', 'lib/index.d.ts', 'lib/core/regions.js', 'lib/private/tokens.js', '.jsii', 'src/index.ts']) {
    fs.mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
    fs.writeFileSync(path.join(pkg, file), file.endsWith('.js') ? 'module.exports = {};\n' : '{}\n');
  }
  fs.copyFileSync(path.join(root, 'package.json'), path.join(pkg, 'package.json'));
  return app;
}

/** What Node resolves each specifier to from the app's directory, or the error code it refuses with. */
function resolveFrom(app: string, specifiers: string[]): Record<string, string> {
  const script = `const out = {};
for (const s of ${JSON.stringify(specifiers)}) {
  try { out[s] = require('path').relative(${JSON.stringify(app)}, require.resolve(s)); } catch (e) { out[s] = e.code; }
}
process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

test('the root, .jsii and package.json are exported; nothing internal is', () => {
  const app = installedCopy();
  expect(resolveFrom(app, [
    'cdk-sovereign-bedrock',
    'cdk-sovereign-bedrock/.jsii',
    'cdk-sovereign-bedrock/package.json',
    'cdk-sovereign-bedrock/lib/core',
    'cdk-sovereign-bedrock/lib/core/regions',
    'cdk-sovereign-bedrock/lib/core/regions.js',
    'cdk-sovereign-bedrock/lib/private/tokens',
    'cdk-sovereign-bedrock/lib/index.js',
    'cdk-sovereign-bedrock/src/index.ts',
  ])).toEqual({
    'cdk-sovereign-bedrock': path.join('node_modules', 'cdk-sovereign-bedrock', 'lib', 'index.js'),
    'cdk-sovereign-bedrock/.jsii': path.join('node_modules', 'cdk-sovereign-bedrock', '.jsii'),
    'cdk-sovereign-bedrock/package.json': path.join('node_modules', 'cdk-sovereign-bedrock', 'package.json'),
    'cdk-sovereign-bedrock/lib/core': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    'cdk-sovereign-bedrock/lib/core/regions': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    'cdk-sovereign-bedrock/lib/core/regions.js': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    'cdk-sovereign-bedrock/lib/private/tokens': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    'cdk-sovereign-bedrock/lib/index.js': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    'cdk-sovereign-bedrock/src/index.ts': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  });
});

test('the root export gives TypeScript the declarations and Node the CommonJS entry the package names', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  expect(pkg.exports['.']).toEqual({ types: `./${pkg.types}`, default: `./${pkg.main}` });
  expect(Object.keys(pkg.exports).sort()).toEqual(['.', './.jsii', './package.json']);
});
