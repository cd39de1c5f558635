import * as sdk from '@aws-sdk/client-organizations';
import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import { PostureAuditor } from '../../src';
import { MetricDatum, runScheduledAudit } from '../../src/core/audit/scheduled-audit';
import { sdkOrganizationsApi } from '../../src/core/organizations/sdk-organizations-api';
import { errorOf } from '../helpers/errors';
import { mockOrganization } from '../helpers/fake-organization';
import { permissionsBesidesLogging } from '../helpers/function-permissions';
import { newStack } from '../helpers/stack';

describe('scheduled audit run', () => {
  test('publishes the counts and logs the table', async () => {
    const mock = mockOrganization();
    const published: { namespace: string; target: string; data: MetricDatum[] }[] = [];
    const logs: string[] = [];
    try {
      const result = await runScheduledAudit({
        api: sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ region: 'us-east-1' })),
        namespace: 'SovereignBedrock',
        putMetrics: async (namespace, target, data) => { published.push({ namespace, target, data }); },
        log: (t) => logs.push(t),
      });
      expect(result.exitCode).toBe(1);
    } finally {
      mock.restore();
    }
    expect(published).toEqual([{
      namespace: 'SovereignBedrock',
      target: 'organization',
      data: [{ name: 'AccountsNotProtected', value: 4 }, { name: 'AccountsProtected', value: 2 }, { name: 'AuditErrors', value: 0 }],
    }]);
    expect(logs[0]).toMatch(/555555555555\s+sandbox-1\s+Root\/Sandbox\s+UNPROTECTED/);
  });

  test('an organization it cannot read is published as an error and fails the invocation', async () => {
    const mock = mockOrganization();
    mock.on(sdk.DescribeOrganizationCommand).rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    const published: MetricDatum[][] = [];
    try {
      await expect(runScheduledAudit({
        api: sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ region: 'us-east-1' })),
        namespace: 'SovereignBedrock',
        putMetrics: async (_n, _t, data) => { published.push(data); },
        log: () => {},
      })).rejects.toThrow(/organizations:DescribeOrganization was denied/);
    } finally {
      mock.restore();
    }
    expect(published).toEqual([[{ name: 'AuditErrors', value: 1 }]]);
  });
});

describe('PostureAuditor', () => {
  test('a daily scheduled function with read-only Organizations access and two alarms', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Topic');
    new PostureAuditor(stack, 'Auditor', { topic, target: 'ou-ab12-34cd56ef' });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)' });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Timeout: 900,
      Environment: { Variables: { METRIC_NAMESPACE: 'SovereignBedrock', AUDIT_TARGET: 'ou-ab12-34cd56ef', ALLOWED_REGIONS: 'ap-southeast-2' } },
    });
    expect(permissionsBesidesLogging(t, /Audits the organization/)).toEqual([
      {
        Sid: 'ReadOrganization',
        Effect: 'Allow',
        Resource: '*',
        Action: [
          'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit',
          'organizations:DescribePolicy', 'organizations:ListAccountsForParent', 'organizations:ListOrganizationalUnitsForParent',
          'organizations:ListParents', 'organizations:ListPolicies', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots',
          'organizations:ListTargetsForPolicy',
        ],
      },
      { Sid: 'PublishAuditMetrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*', Condition: { StringEquals: { 'cloudwatch:namespace': 'SovereignBedrock' } } },
    ]);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'AccountsNotProtected',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
      Dimensions: [{ Name: 'Target', Value: 'ou-ab12-34cd56ef' }],
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Topic') }],
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'AuditErrors', TreatMissingData: 'breaching' });
  });

  test('schedule and period can be set; bad input is reported together', () => {
    const stack = newStack();
    new PostureAuditor(stack, 'Weekly', { schedule: events.Schedule.rate(Duration.days(7)), metricPeriod: Duration.days(7) });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'AuditErrors', Period: 604800 });
    expect(errorOf(() => new PostureAuditor(newStack(), 'Bad', { target: 'ou-x', allowedRegions: ['mars-1'] })))
      .toMatch(/PostureAuditor at Test\/Bad: invalid props \(2 problems\):\n {2}- target: "ou-x" is not a root.*\n {2}- allowedRegions\[0\]: "mars-1"/);
  });

  test.each<[string, object, RegExp]>([
    ['an origin abroad, which the audit would call protected', { allowedRegions: ['ap-southeast-2', 'us-east-1'] }, /allowedRegions\[1\]: "us-east-1" is outside Australia/],
    ['a reserved namespace', { metricNamespace: 'AWS/Bedrock' }, /metricNamespace: "AWS\/Bedrock" starts with "AWS\/"/],
    ['a namespace starting with a colon', { metricNamespace: ':x' }, /metricNamespace: ":x" is not a CloudWatch namespace/],
    ['a period in seconds', { metricPeriod: Duration.seconds(90) }, /metricPeriod: must be a whole number of minutes/],
    ['a period longer than an alarm can evaluate', { metricPeriod: Duration.days(8), schedule: events.Schedule.rate(Duration.days(8)) }, /metricPeriod: 691200 seconds x 1 evaluation period is 691200 seconds; CloudWatch alarms evaluate at most 7 days/],
    ['a schedule less frequent than the period', { schedule: events.Schedule.rate(Duration.days(2)) }, /schedule: the schedule runs every 172800 seconds but metricPeriod is 86400 seconds/],
    ['a number for a Duration', { metricPeriod: 3600 }, /metricPeriod: must be a Duration \(Duration\.minutes\(5\)\), got a number/],
  ])('%s is refused', (_name, props, message) => {
    expect(errorOf(() => new PostureAuditor(newStack(), 'A', props as any))).toMatch(message);
  });

  test('the same CloudWatch limits as the alarm: an hourly period over a day of evaluations is fine, a minute over a day is not', () => {
    expect(() => new PostureAuditor(newStack(), 'Hourly', { schedule: events.Schedule.rate(Duration.hours(1)), metricPeriod: Duration.hours(1) })).not.toThrow();
  });
});

describe('PostureAuditor Security Hub findings', () => {
  test('opt-in: the function gets the default product ARN and may import findings there only', () => {
    const stack = newStack();
    new PostureAuditor(stack, 'Auditor', { securityHubFindings: true });
    const t = Template.fromStack(stack);
    const fn = Object.values(t.findResources('AWS::Lambda::Function'))[0];
    expect(JSON.stringify(fn.Properties.Environment.Variables.SECURITY_HUB_PRODUCT_ARN)).toMatch(/securityhub.*product\/.*\/default/);
    const statements = Object.values(t.findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'securityhub:BatchImportFindings', Resource: expect.anything() }));
  });

  test('off by default', () => {
    const stack = newStack();
    new PostureAuditor(stack, 'Auditor');
    const t = Template.fromStack(stack);
    expect(JSON.stringify(t.toJSON())).not.toMatch(/securityhub/);
  });
});
