import { join } from 'path';
import { ensureLambdaBundles } from '../build-tools/lambda-bundles';

/**
 * Constructs with Lambda handlers need their bundles in assets/ (git-ignored). `npm test` builds them
 * beside its static checks; a bare `npx jest` on a fresh clone, or after a source changed, builds
 * them here.
 */
export default async function globalSetup(): Promise<void> {
  // Test workers inherit this: the AWS SDK's notice that its 2027 releases need Node 22
  // is about the machine, not the code under test (projen tasks set it too).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const failures = await ensureLambdaBundles(join(__dirname, '..'));
  if (failures.length > 0) throw new Error(`building the Lambda bundles failed:\n${failures.join('\n')}`);
}
