import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { AuBedrockResidencyScp, ControlTowerRoles } from '../../src';
import { estimateTemplateBytes, MAX_TEMPLATE_BYTES } from '../../src/private/template-limits';

const ou = (i: number) => `ou-ab12-${i.toString(36).padStart(8, '0')}`;

function synthError(app: App): string {
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('CloudFormation template limits, checked at synth', () => {
  test('200 per-OU policies with Control Tower\'s roles: over 1 MB, the error names the constructs and the fix', () => {
    const app = new App();
    const stack = new Stack(app, 'Landing');
    for (let i = 0; i < 200; i++) {
      new AuBedrockResidencyScp(stack, `Posture${i}`, { targetIds: [ou(i)], exemptPrincipalArns: ControlTowerRoles.arnPatterns(), policyName: `p${i}` });
    }
    const msg = synthError(app);
    expect(msg).toMatch(/stack Landing: this library's SCPs alone make its template about [\d,]+ bytes, over CloudFormation's limit of 1,048,576 bytes \(1 MB\)/);
    expect(msg).toContain('200 AuBedrockResidencyScp (Landing/Posture0, Landing/Posture1, Landing/Posture2 and 197 more)');
    expect(msg).toContain('Attach one posture to many targets instead');
    expect(msg).toContain('nested stacks (NestedStack)');
  });

  test('one posture on 200 targets synthesizes', () => {
    const app = new App();
    const stack = new Stack(app, 'Landing');
    new AuBedrockResidencyScp(stack, 'Posture', { targetIds: Array.from({ length: 200 }, (_, i) => ou(i)), exemptPrincipalArns: ControlTowerRoles.arnPatterns() });
    expect(synthError(app)).toBe('');
  });

  test('the estimate is the written template\'s size, to within a few bytes per policy', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-limits-'));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, 'Landing');
      for (let i = 0; i < 20; i++) new AuBedrockResidencyScp(stack, `Posture${i}`, { targetIds: [ou(i), ou(i + 1)] });
      app.synth();
      const written = fs.readFileSync(path.join(outdir, 'Landing.template.json'), 'utf8');
      const template = JSON.parse(written);
      expect(Object.keys(template.Resources)).toHaveLength(20);
      // The check measures this library's policies; the rest of this template is CDK's
      // bootstrap-version parameter and rule, a fixed few hundred bytes.
      const rest = Buffer.byteLength(JSON.stringify({ ...template, Resources: {} }, undefined, 1));
      const policies = Buffer.byteLength(written) - rest;
      expect(Math.abs(policies - estimateTemplateBytes(stack))).toBeLessThanOrEqual(20 * 2);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('over 500 resources in one stack: the error counts them and names this library\'s share', () => {
    const app = new App();
    const stack = new Stack(app, 'Landing');
    new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [ou(0)] });
    for (let i = 0; i < 500; i++) new CfnResource(stack, `Topic${i}`, { type: 'AWS::SNS::Topic' });
    expect(synthError(app)).toMatch(/stack Landing would hold 501 resources, over CloudFormation's limit of 500 per stack; 1 of them are this library's SCPs: 1 AuBedrockResidencyScp \(Landing\/Posture\)/);
  });

  test('the limit is CloudFormation\'s 1 MB for a template uploaded through S3', () => {
    expect(MAX_TEMPLATE_BYTES).toBe(1_048_576);
  });
});
