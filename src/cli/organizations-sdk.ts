/**
 * Loads `@aws-sdk/client-organizations` for the audit command.
 *
 * The SDK is loaded at run time, not declared as a dependency: the construct
 * library's users never need it, and jsii would otherwise have to bundle it
 * (about 3,000 files). The audit command tells the user to install it when
 * it is missing.
 */
export const ORGANIZATIONS_SDK = '@aws-sdk/client-organizations';

export class MissingSdkError extends Error {}

/** Loads the SDK module, or explains how to get it. */
export function loadOrganizationsSdk(require_: (id: string) => any = require): any {
  try {
    return require_(ORGANIZATIONS_SDK);
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
    throw new MissingSdkError(
      `The audit reads AWS Organizations with ${ORGANIZATIONS_SDK}, which is not installed. Install it next to this package `
      + `(npm install --save-dev ${ORGANIZATIONS_SDK}) and run the installed command again, for example ./node_modules/.bin/cdk-sovereign-bedrock audit`);
  }
}
