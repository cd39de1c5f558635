import { Token } from 'aws-cdk-lib';
import { ValidationErrors } from '../core/validation-errors';

/** `Token.isUnresolved`, handed to the CDK-free validators. */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}

/** Runs a core validator and returns its `prop: problem` lines for a `ResidencyScpSpec`. */
export function collectErrors(check: (errors: ValidationErrors) => void): string[] {
  const errors = new ValidationErrors();
  check(errors);
  return [...errors.all];
}
