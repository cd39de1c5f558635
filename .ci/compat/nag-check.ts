/**
 * cdk-nag (AwsSolutions, NIST 800-53 R5) over an app with every construct, in a consumer app that
 * installed the packed tarball: the library's own resources must be clean on this aws-cdk-lib.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import * as library from 'cdk-sovereign-bedrock';
import { Construct, IConstruct } from 'constructs';
import { buildLibraryApp } from './library-fixture';

const classes = Object.values(library as Record<string, unknown>).filter(
  (v): v is new (...args: any[]) => Construct => typeof v === 'function' && v.prototype instanceof Construct,
);
const isLibrary = (c: IConstruct) => c.node.scopes.some((s) => classes.some((cls) => s instanceof cls) || s.node.id.startsWith('CdkSovereignBedrock'));

const { app } = buildLibraryApp(mkdtempSync(join(tmpdir(), 'compat-nag-')));
app.synth();
const findings: string[] = [];
let checked = 0;
for (const pack of [new AwsSolutionsChecks(app), new NIST80053R5Checks(app)]) {
  for (const v of pack.validateScope(app).violations) {
    for (const r of v.violatingResources) {
      checked++;
      const c = app.node.findAll().find((x) => x.node.path === r.constructPath);
      if (c && isLibrary(c)) findings.push(`${v.ruleName} ${r.constructPath}`);
    }
  }
}
if (findings.length > 0) {
  process.stderr.write(`cdk-nag findings on library resources:\n${findings.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`cdk-nag: no finding on library resources (${checked} findings on the fixture's own resources ignored)\n`);
