import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { functionPermissions, permissionsBesidesLogging } from '../helpers/function-permissions';
import { buildLibraryApp } from '../integ/nag/library-fixture';

describe('every Lambda function the library creates', () => {
  const { stacks } = buildLibraryApp(mkdtempSync(join(tmpdir(), 'library-function-')));
  const management = Template.fromStack(stacks[0]);
  const workload = Template.fromStack(stacks[1]);
  const inManagement = Object.entries<any>(management.findResources('AWS::Lambda::Function')).map(([id, fn]) => [management, id, fn] as const);
  const inWorkload = Object.entries<any>(workload.findResources('AWS::Lambda::Function')).map(([id, fn]) => [workload, id, fn] as const);
  const all = [...inManagement, ...inWorkload];

  test('are the two handlers, their provider frameworks and the auditor; in the workload stack, invocation logging and the posture probes', () => {
    expect(inManagement).toHaveLength(5);
    const probe = 'Probes the Bedrock residency posture from inside the account (cdk-sovereign-bedrock)';
    expect(inWorkload.filter(([, , fn]) => fn.Properties.Description === probe).map(([, , fn]) => fn.Properties.Runtime)).toEqual(['nodejs24.x', 'nodejs24.x']);
    expect(inWorkload.filter(([, , fn]) => fn.Properties.Description !== probe).map(([, id]) => id).sort()).toEqual([
      expect.stringMatching(/^CdkSovereignBedrockInvocationLoggingProviderHandler/),
      expect.stringMatching(/^CdkSovereignBedrockInvocationLoggingProviderframeworkonEvent/),
    ]);
  });

  // Functions are found by description; the fixture's two probes (own bucket, given bucket) share one,
  // and are built by the same libraryFunctionIdentity as the others (test/probe/posture-probe.test.ts checks their policies).
  const sameDescription = (template: Template, description: string) =>
    all.filter(([t, , f]) => t === template && f.Properties.Description === description);
  const distinct = all.filter(([template, , fn]) => sameDescription(template, fn.Properties.Description).length === 1);
  test.each(distinct.map(([template, id, fn]) => [id, template, fn.Properties.Description ?? '']))(
    '%s logs to its own log group kept a year, through a customer managed policy, on a current runtime', (_id, template, description) => {
      permissionsBesidesLogging(template as Template, new RegExp(`^${escape(description as string)}$`));
    });

  test('each provider framework may invoke its handler and nothing else', () => {
    const frameworks = all.filter(([, , fn]) => fn.Properties.Environment?.Variables?.USER_ON_EVENT_FUNCTION_ARN);
    expect(frameworks).toHaveLength(3);
    for (const [template, , fn] of frameworks) {
      const handlerId = fn.Properties.Environment.Variables.USER_ON_EVENT_FUNCTION_ARN['Fn::GetAtt'][0];
      expect(permissionsBesidesLogging(template, new RegExp(`^${escape(fn.Properties.Description)}$`))).toEqual([{
        Sid: 'InvokeHandler',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [{ 'Fn::GetAtt': [handlerId, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [handlerId, 'Arn'] }, ':*']] }],
      }]);
    }
  });

  test('every function records why its runtime is pinned (AwsSolutions-L1 fires on newer aws-cdk-lib releases)', () => {
    const missing = all.filter(([, , fn]) => !(fn.Metadata?.cdk_nag?.rules_to_suppress ?? []).some((r: { id: string }) => r.id === 'AwsSolutions-L1'));
    expect(missing.map(([, id]) => id)).toEqual([]);
  });

  test('runtimes are Node.js 24 (the handlers) or what CDK picks for its framework, never a deprecated one', () => {
    for (const [, , fn] of all) expect(fn.Properties.Runtime).toMatch(/^nodejs(2[2-9]|[3-9]\d)\.x$/);
    expect(functionPermissions(management, /Audits the organization/).managedPolicyArns).toHaveLength(1);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
