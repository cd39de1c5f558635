import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnStack, NestedStack, PolicyValidationPluginReport, Stack } from 'aws-cdk-lib';
import { ACCOUNT, roleWith, summary, validateApp } from './helpers';
import { SovereignBedrockChecks } from '../../src';

const RUN_CHECKS = '../../src/core/checks/run-checks';

/** An app whose only leaking grant sits in a nested stack. */
function nestedLeak(context: Record<string, unknown> = {}): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-nested-')), context });
  const stack = new Stack(app, 'Workload', { env: { account: ACCOUNT, region: 'ap-southeast-2' } });
  roleWith(new NestedStack(stack, 'Inner'), { actions: ['bedrock:InvokeModel'], resources: ['*'] }, 'Leaky');
  return app;
}

describe('the plugin reads nested stacks and never passes a template it did not check', () => {
  test('a leaking grant in a nested stack is reported against the nested template', () => {
    // CDK hands validation plugins only the top-level templates.
    const report = validateApp(nestedLeak());
    expect(report.success).toBe(false);
    expect(summary(report).map((s) => s.split(':')[0])).toEqual(['AuBedrock1 error']);
    expect(report.violations[0].violatingResources.map((r) => path.basename(r.templatePath!))).toEqual([
      expect.stringMatching(/\.nested\.template\.json$/),
    ]);
  });

  test('the nested template is found with or without asset metadata (the CLI turns it on; a bare App leaves it off)', () => {
    const report = validateApp(nestedLeak({ 'aws:cdk:enable-asset-metadata': true }));
    expect(summary(report).map((s) => s.split(':')[0])).toEqual(['AuBedrock1 error']);
  });

  test('a nested stack whose template is not in the assembly is a "cannot verify" warning', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-nested-')) });
    const stack = new Stack(app, 'Workload', { env: { account: ACCOUNT, region: 'ap-southeast-2' } });
    new CfnStack(stack, 'Vendor', { templateUrl: 'https://example-bucket.s3.amazonaws.com/vendor.json' });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(/^AuBedrockUncheckedNestedStack warning: Unchecked nested stack: cannot verify/)]);
    expect(validateApp(app, { reportWarnings: false }).violations).toEqual([]);
  });

  test('an unreadable template fails the report instead of being skipped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovereign-unreadable-'));
    const templatePath = path.join(dir, 'Broken.template.json');
    fs.writeFileSync(templatePath, '{ "Resources": ');
    const report = new SovereignBedrockChecks().validate({ templatePaths: [templatePath], appConstruct: new App() });
    expect(report.success).toBe(false);
    expect(summary(report)).toEqual([expect.stringMatching(/^AuBedrockCheckFailed error: Check failed: could not read the template: .*Nothing in this template is known to be residency-safe$/)]);
  });

  test('a check that throws fails the report (CDK would otherwise treat the plugin as clean)', () => {
    // A rule that throws is caught per resource (a "cannot verify" warning); this is the plugin's last
    // line: checking a whole template throws. The plugin is loaded afresh with checkTemplate replaced,
    // which holds however the test's modules are compiled (a spy on a module export would not).
    const app = nestedLeak();
    const templatePaths = app.synth().stacks.map((s) => s.templateFullPath);
    let report: PolicyValidationPluginReport | undefined;
    jest.isolateModules(() => {
      jest.doMock(RUN_CHECKS, () => ({
        ...jest.requireActual<object>(RUN_CHECKS),
        checkTemplate: () => { throw new Error('unexpected shape'); },
      }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const isolated = require('../../src/checks/sovereign-bedrock-checks') as typeof import('../../src/checks/sovereign-bedrock-checks');
      report = new isolated.SovereignBedrockChecks().validate({ templatePaths, appConstruct: app });
    });
    jest.dontMock(RUN_CHECKS);
    expect(report?.success).toBe(false);
    expect(report?.violations.map((v) => v.ruleName)).toEqual(['AuBedrockCheckFailed']);
    expect(report?.violations[0].description).toContain('checking the template failed: unexpected shape');
    // Both templates, the stack's and the nested one, are named.
    expect(report?.violations[0].violatingResources).toHaveLength(2);
  });
});
