import { ValidationErrors } from '../core/validation-errors';
import { describeType } from '../core/validators';
import { ResidencyScp } from '../scp/residency-scp';

/**
 * The arguments of a static `protect(scp, options)` as an untyped caller may
 * pass them: the SCP must be one of this library's, the options an object when
 * given. Reported as the library's validation error, never a TypeError.
 */
export function checkProtectArgs(source: string, scp: unknown, options: unknown): void {
  const errors = new ValidationErrors();
  if (!(scp instanceof ResidencyScp)) {
    errors.add('scp', `must be an AuBedrockResidencyScp, AuOnlyInferenceScp or RegionAllowlistScp, got ${describeType(scp)}`);
  }
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    errors.add('options', `must be an object when given, got ${describeType(options)}`);
  }
  errors.throwIfAny(source);
}
