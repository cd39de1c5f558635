import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { InferenceRegionAlarm } from '../../src';
import { newStack } from '../helpers/stack';

const SERVICES = ['cloudwatch.amazonaws.com', 'events.amazonaws.com'];

function statementsFor(template: Template, type: string, policyProp: string): any[] {
  return Object.values(template.findResources(type)).flatMap((r) => r.Properties[policyProp].Statement);
}

function serviceOf(statement: any): string | undefined {
  return statement.Principal?.Service;
}

function alarmTemplate(topic?: (stack: Stack) => sns.ITopic): Template {
  const stack = newStack();
  new InferenceRegionAlarm(stack, 'Residency', { logGroup: logs.LogGroup.fromLogGroupName(stack, 'L', 'trail'), topic: topic?.(stack) });
  return Template.fromStack(stack);
}

describe('confused deputy: the services may act only for this account\'s alarms and rules', () => {
  test('every topic-policy statement for CloudWatch or EventBridge is scoped by aws:SourceAccount and aws:SourceArn', () => {
    for (const template of [alarmTemplate(), alarmTemplate((s) => new sns.Topic(s, 'Mine'))]) {
      const statements = statementsFor(template, 'AWS::SNS::TopicPolicy', 'PolicyDocument').filter((s) => SERVICES.includes(serviceOf(s)!));
      expect(statements.map(serviceOf).sort()).toEqual(SERVICES);
      for (const s of statements) {
        expect(s.Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
        const arn = JSON.stringify(s.Condition.ArnLike['aws:SourceArn']);
        expect(arn).toContain(serviceOf(s) === 'events.amazonaws.com' ? ':events:' : ':cloudwatch:');
        expect(arn).toContain(serviceOf(s) === 'events.amazonaws.com' ? ':rule/*' : ':alarm:*');
      }
    }
  });

  test('the key lets CloudWatch use it only for this account\'s alarms; EventBridge only through the topic', () => {
    const key = statementsFor(alarmTemplate(), 'AWS::KMS::Key', 'KeyPolicy');
    const cloudwatch = key.filter((s) => serviceOf(s) === 'cloudwatch.amazonaws.com');
    expect(cloudwatch).toHaveLength(1);
    expect(cloudwatch[0].Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(JSON.stringify(cloudwatch[0].Condition.ArnLike['aws:SourceArn'])).toContain(':alarm:*');
    expect(key.filter((s) => serviceOf(s) === 'events.amazonaws.com').map((s) => s.Action)).toEqual([['kms:Decrypt', 'kms:GenerateDataKey*']]);
  });

  test('without near-real-time rules, EventBridge gets no publish statement at all', () => {
    const stack = newStack();
    new InferenceRegionAlarm(stack, 'Residency', { logGroup: logs.LogGroup.fromLogGroupName(stack, 'L', 'trail'), nearRealTime: false });
    const statements = statementsFor(Template.fromStack(stack), 'AWS::SNS::TopicPolicy', 'PolicyDocument');
    expect(statements.filter((s) => serviceOf(s) === 'events.amazonaws.com')).toEqual([]);
  });
});
