import { ValidationErrors } from '../core/validation-errors';
import { describeType } from '../core/validators';

/**
 * A `Duration` prop in seconds for the CDK-free alarm checks: undefined when
 * not given or a deploy-time value. An untyped caller's number or string is a
 * named error, not a TypeError.
 */
export function durationSeconds(prop: string, value: unknown, errors: ValidationErrors): number | undefined {
  if (value === undefined || value === null) return undefined;
  const d = value as { toSeconds?: unknown; isUnresolved?: unknown };
  if (typeof d !== 'object' || typeof d.toSeconds !== 'function' || typeof d.isUnresolved !== 'function') {
    errors.add(prop, `must be a Duration (Duration.minutes(5)), got ${describeType(value)}`);
    return undefined;
  }
  const duration = value as { toSeconds(o: { integral: boolean }): number; isUnresolved(): boolean };
  return duration.isUnresolved() ? undefined : duration.toSeconds({ integral: false });
}

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const UNIT_SECONDS: Record<string, number> = { minute: 60, minutes: 60, hour: 3600, hours: 3600, day: 86_400, days: 86_400 };

/** The interval of a `rate(...)` schedule expression in seconds; undefined for `cron(...)` and anything else. */
export function rateSeconds(expression: string | undefined): number | undefined {
  const m = RATE.exec(expression ?? '');
  return m ? Number(m[1]) * UNIT_SECONDS[m[2]] : undefined;
}
