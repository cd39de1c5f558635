import { DetectionRulesInput } from './detection-rules';
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

export function validateAlarmSettings(
  input: AlarmSettingsInput, errors: ValidationErrors, isUnresolved: IsUnresolved = () => false,
): void {
  const ns = input.metricNamespace;
  if (ns !== undefined && !isUnresolved(ns)) {
    if (!NAMESPACE.test(ns)) {
      errors.add('metricNamespace', `"${ns}" is not a CloudWatch namespace. Use 1-255 printable ASCII characters, not starting with ":", like SovereignBedrock`);
    } else if (ns.startsWith('AWS/')) {
      errors.add('metricNamespace', `"${ns}" starts with "AWS/", which is reserved for AWS services. Use your own, like SovereignBedrock`);
    }
  }

  const known = (v: number | undefined): v is number => v !== undefined && !isUnresolved(v);

  if (known(input.threshold) && !(Number.isFinite(input.threshold) && input.threshold >= 1)) {
    errors.add('threshold', `must be a number of at least 1 (calls per period), got ${input.threshold}`);
  }
  if (known(input.periodSeconds) && !(Number.isInteger(input.periodSeconds) && input.periodSeconds >= 60 && input.periodSeconds % 60 === 0)) {
    // Metric filters publish standard-resolution (one-minute) metrics.
    errors.add('period', `must be a whole number of minutes, at least 1 (metric filters publish one-minute metrics), got ${input.periodSeconds} seconds`);
  }
  const evaluationOk = !known(input.evaluationPeriods) || (Number.isInteger(input.evaluationPeriods) && input.evaluationPeriods >= 1);
  if (!evaluationOk) {
    errors.add('evaluationPeriods', `must be an integer of at least 1, got ${input.evaluationPeriods}`);
  }
  if (known(input.datapointsToAlarm)) {
    const d = input.datapointsToAlarm;
    // The construct's default is one evaluation period; a token count cannot be compared.
    const evaluations = input.evaluationPeriods ?? DEFAULT_EVALUATION_PERIODS;
    if (!Number.isInteger(d) || d < 1) {
      errors.add('datapointsToAlarm', `must be an integer of at least 1, got ${d}`);
    } else if (evaluationOk && !isUnresolved(evaluations) && d > evaluations) {
      errors.add('datapointsToAlarm', `must not exceed evaluationPeriods (${evaluations}), got ${d}`);
    }
  }
}
