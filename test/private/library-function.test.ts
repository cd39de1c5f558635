import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { functionPermissions, permissionsBesidesLogging } from '../helpers/function-permissions';
import { buildLibraryApp } from '../integ/nag/library-fixture';

describe('every Lambda function the library creates', () => {
  const { stacks } = buildLibraryApp(mkdtempSync(join(tmpdir(), 'library-function-')));
  const management = Template.fromStack(stacks[0]);
  const functions = Object.entries<any>(management.findResources('AWS::Lambda::Function'));

  test('are the two handlers, their provider frameworks and the auditor; in the workload stack, the posture probes only', () => {
    expect(functions).toHaveLength(5);
    const workload = Object.values<any>(Template.fromStack(stacks[1]).findResources('AWS::Lambda::Function'));
    expect(workload.map((f) => [f.Properties.Description, f.Properties.Runtime])).toEqual([
      ['Probes the Bedrock residency posture from inside the account (cdk-sovereign-bedrock)', 'nodejs24.x'],
      ['Probes the Bedrock residency posture from inside the account (cdk-sovereign-bedrock)', 'nodejs24.x'],
    ]);
  });

  test.each(functions.map(([id, fn]) => [id, fn.Properties.Description ?? '']))(
    '%s logs to its own log group kept a year, through a customer managed policy, on a current runtime', (_id, description) => {
      permissionsBesidesLogging(management, new RegExp(`^${escape(description)}$`));
    });

  test('each provider framework may invoke its handler and nothing else', () => {
    const frameworks = functions.filter(([, fn]) => fn.Properties.Environment?.Variables?.USER_ON_EVENT_FUNCTION_ARN);
    expect(frameworks).toHaveLength(2);
    for (const [, fn] of frameworks) {
      const handlerId = fn.Properties.Environment.Variables.USER_ON_EVENT_FUNCTION_ARN['Fn::GetAtt'][0];
      expect(permissionsBesidesLogging(management, new RegExp(`^${escape(fn.Properties.Description)}$`))).toEqual([{
        Sid: 'InvokeHandler',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [{ 'Fn::GetAtt': [handlerId, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [handlerId, 'Arn'] }, ':*']] }],
      }]);
    }
  });

  test('runtimes are Node.js 24 (the handlers) or what CDK picks for its framework, never a deprecated one', () => {
    for (const [, fn] of functions) expect(fn.Properties.Runtime).toMatch(/^nodejs(2[2-9]|[3-9]\d)\.x$/);
    expect(functionPermissions(management, /Audits the organization/).managedPolicyArns).toHaveLength(1);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
