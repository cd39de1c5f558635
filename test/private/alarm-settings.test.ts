import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { InferenceRegionAlarm, InferenceRegionAlarmProps } from '../../src';
import { errorOf } from '../helpers/errors';
import { newStack } from '../helpers/stack';

function alarmError(props: Partial<InferenceRegionAlarmProps>): string {
  const stack = newStack();
  return errorOf(() => new InferenceRegionAlarm(stack, 'A', { logGroup: logs.LogGroup.fromLogGroupName(stack, 'L', 'trail'), ...props }));
}

describe('InferenceRegionAlarm settings against the CloudWatch limits', () => {
  test('an evaluation range over one day with periods under an hour is refused', () => {
    expect(alarmError({ period: Duration.minutes(30), evaluationPeriods: 49 }))
      .toMatch(/evaluationPeriods: 1800 seconds x 49 evaluation periods is 88200 seconds; CloudWatch alarms evaluate at most one day/);
  });

  test('hourly periods may span up to 7 days, not more', () => {
    expect(alarmError({ period: Duration.hours(1), evaluationPeriods: 169 })).toMatch(/evaluationPeriods: 3600 seconds x 169 evaluation periods is 608400 seconds; .*at most 7 days/);
    const stack = newStack();
    expect(() => new InferenceRegionAlarm(stack, 'A', { logGroup: logs.LogGroup.fromLogGroupName(stack, 'L', 'trail'), period: Duration.hours(1), evaluationPeriods: 168 })).not.toThrow();
  });

  test('wrong types from JavaScript are named errors', () => {
    expect(alarmError({ period: 60 as any })).toMatch(/period: must be a Duration/);
    expect(alarmError({ metricNamespace: 5 as any })).toMatch(/metricNamespace: 5 is not a CloudWatch namespace/);
    expect(alarmError({ evaluationPeriods: '2' as any })).toMatch(/evaluationPeriods: must be an integer of at least 1, got "2"/);
  });

  test('an origin abroad among the allowed inference Regions is refused: the alarm would stay silent there', () => {
    expect(alarmError({ allowedInferenceRegions: ['ap-southeast-2', 'us-west-2'] })).toMatch(/allowedInferenceRegions\[1\]: "us-west-2" is outside Australia/);
  });
});
