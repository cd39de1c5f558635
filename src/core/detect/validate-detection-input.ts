import { DetectionRulesInput } from './detection-rules';
import { checkRegionsInGeography } from '../fail-open';
import { AUSTRALIA } from '../geography';
import { GLOBAL_PROFILE_PREFIX } from '../inference-profiles';
import { ValidationErrors } from '../validation-errors';
import { checkList, checkRegions, IsUnresolved } from '../validators';

/** A bare `global.` model ID as the SDK sends it: `global.anthropic.claude-opus-4-5-20251101-v1:0`. */
export const GLOBAL_MODEL_ID = /^global\.[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export const GLOBAL_MODEL_ID_FORM =
  'a bare global. model ID like global.anthropic.claude-opus-4-5-20251101-v1:0 (letters, digits and . _ : - only)';

export function globalModelIdProblem(id: string): string | undefined {
  if (GLOBAL_MODEL_ID.test(id)) return undefined;
  if (id.startsWith('arn:')) {
    return `"${id}" is an ARN. Use ${GLOBAL_MODEL_ID_FORM}; the alarm matches both the bare ID and the profile ARN`;
  }
  if (!id.startsWith(GLOBAL_PROFILE_PREFIX)) {
    return `"${id}" does not start with "global.": only global. models need approving here. Use ${GLOBAL_MODEL_ID_FORM}`;
  }
  return `"${id}" is not a model ID. Use ${GLOBAL_MODEL_ID_FORM}`;
}

/** Checks the detection options, recording each problem under the prop's name. */
export function validateDetectionRulesInput(
  input: DetectionRulesInput, errors: ValidationErrors, isUnresolved?: IsUnresolved,
): void {
  checkRegions('allowedInferenceRegions', input.allowedInferenceRegions, errors, isUnresolved);
  // A Region abroad here would silence the alarm for calls served there.
  checkRegionsInGeography('allowedInferenceRegions', input.allowedInferenceRegions, AUSTRALIA, errors, isUnresolved ?? (() => false),
    'calls served there would not raise the alarm');
  // Tokens are rejected here on purpose: the IDs are spliced into filter patterns
  // at synth time, and a deploy-time value cannot be quoted or length-checked.
  checkList('approvedGlobalModelIds', input.approvedGlobalModelIds, {
    allowEmpty: true,
    check: globalModelIdProblem,
  }, errors, () => false);
}

/** One datapoint in one period alarms: a single call served abroad is already the event to report. */
export const DEFAULT_THRESHOLD = 1;
export const DEFAULT_PERIOD_SECONDS = 60;
export const DEFAULT_EVALUATION_PERIODS = 1;
export const DEFAULT_DATAPOINTS_TO_ALARM = 1;
export const DEFAULT_METRIC_NAMESPACE = 'SovereignBedrock';

/** Alarm settings in plain numbers; the construct converts its `Duration`. */
export interface AlarmSettingsInput {
  readonly metricNamespace?: string;
  readonly threshold?: number;
  /** Seconds, or undefined when not given or a token. */
  readonly periodSeconds?: number;
  readonly evaluationPeriods?: number;
  readonly datapointsToAlarm?: number;
}

/**
 * CloudWatch namespaces: 1-255 printable ASCII characters, not starting with a
 * colon; `AWS/` is reserved for AWS services.
 */
const NAMESPACE = /^[\u0020-\u0039\u003B-\u007E][\u0020-\u007E]{0,254}$/;

/** The prop names a construct gives the alarm settings, for messages in its own terms. */
export interface AlarmSettingNames {
  readonly metricNamespace?: string;
  readonly threshold?: string;
  readonly period?: string;
  readonly evaluationPeriods?: string;
  readonly datapointsToAlarm?: string;
}

/** CloudWatch alarms evaluate at most 7 days of periods; under one hour per period, at most one day. */
export const MAX_EVALUATION_RANGE_SECONDS = 7 * 86_400;
export const MAX_SHORT_PERIOD_RANGE_SECONDS = 86_400;

/**
 * The CloudWatch limits on a metric and its alarms, shared by
 * `InferenceRegionAlarm` and `PostureAuditor`: the namespace; a period of
 * whole minutes (metric filters and the audit publish one-minute metrics);
 * integer evaluation counts; and an evaluation range (period x evaluation
 * periods) of at most 7 days, or one day for periods under an hour.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html
 */
export function validateAlarmSettings(
  input: AlarmSettingsInput, errors: ValidationErrors, isUnresolved: IsUnresolved = () => false, names: AlarmSettingNames = {},
): void {
  const name = (key: keyof AlarmSettingNames) => names[key] ?? key;
  const ns = input.metricNamespace;
  if (ns !== undefined && ns !== null && !isUnresolved(ns)) {
    if (typeof ns !== 'string' || !NAMESPACE.test(ns)) {
      errors.add(name('metricNamespace'), `${JSON.stringify(ns)} is not a CloudWatch namespace. Use 1-255 printable ASCII characters, not starting with ":", like SovereignBedrock`);
    } else if (ns.startsWith('AWS/')) {
      errors.add(name('metricNamespace'), `"${ns}" starts with "AWS/", which is reserved for AWS services. Use your own, like SovereignBedrock`);
    }
  }

  const known = (v: number | undefined): v is number => v !== undefined && v !== null && !isUnresolved(v);

  if (known(input.threshold) && !(typeof input.threshold === 'number' && Number.isFinite(input.threshold) && input.threshold >= 1)) {
    errors.add(name('threshold'), `must be a number of at least 1 (calls per period), got ${JSON.stringify(input.threshold)}`);
  }
  const periodOk = !known(input.periodSeconds)
    || (Number.isInteger(input.periodSeconds) && input.periodSeconds >= 60 && input.periodSeconds % 60 === 0);
  if (!periodOk) {
    // Metric filters publish standard-resolution (one-minute) metrics.
    errors.add(name('period'), `must be a whole number of minutes, at least 1 (the metrics have one-minute resolution), got ${input.periodSeconds} seconds`);
  }
  const evaluationOk = !known(input.evaluationPeriods) || (Number.isInteger(input.evaluationPeriods) && input.evaluationPeriods >= 1);
  if (!evaluationOk) {
    errors.add(name('evaluationPeriods'), `must be an integer of at least 1, got ${JSON.stringify(input.evaluationPeriods)}`);
  }
  const evaluations = input.evaluationPeriods ?? DEFAULT_EVALUATION_PERIODS;
  const period = input.periodSeconds ?? DEFAULT_PERIOD_SECONDS;
  if (periodOk && evaluationOk && known(period) && known(evaluations)) {
    const range = period * evaluations;
    const max = period < 3600 ? MAX_SHORT_PERIOD_RANGE_SECONDS : MAX_EVALUATION_RANGE_SECONDS;
    if (range > max) {
      errors.add(input.evaluationPeriods === undefined ? name('period') : name('evaluationPeriods'),
        `${period} seconds x ${evaluations} evaluation period${evaluations === 1 ? '' : 's'} is ${range} seconds; CloudWatch alarms evaluate at most `
        + `${max === MAX_EVALUATION_RANGE_SECONDS ? '7 days (604,800 seconds)' : 'one day (86,400 seconds) when the period is under an hour'}`);
    }
  }
  if (known(input.datapointsToAlarm)) {
    const d = input.datapointsToAlarm;
    // The construct's default is one evaluation period; a token count cannot be compared.
    if (!Number.isInteger(d) || d < 1) {
      errors.add(name('datapointsToAlarm'), `must be an integer of at least 1, got ${JSON.stringify(d)}`);
    } else if (evaluationOk && !isUnresolved(evaluations) && d > evaluations) {
      errors.add(name('datapointsToAlarm'), `must not exceed ${name('evaluationPeriods')} (${evaluations}), got ${d}`);
    }
  }
}
