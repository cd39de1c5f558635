import { Token } from 'aws-cdk-lib';

/** `Token.isUnresolved`, handed to the CDK-free validators. */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}
