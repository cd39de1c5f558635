import * as sdk from '@aws-sdk/client-organizations';
import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import { PostureAuditor } from '../../src';
import { MetricDatum, runScheduledAudit } from '../../src/core/audit';
import { sdkOrganizationsApi } from '../../src/core/audit/sdk-organizations-api';
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
          'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots',
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
});
