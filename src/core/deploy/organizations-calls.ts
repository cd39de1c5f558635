import { explainOrganizationsError } from '../audit/explain-error';
import { boundedMessage, CallTimeoutError, collectPages, isTimeoutError, MalformedAnswerError, PageLoopError } from '../organizations/call-guards';
import { checkedOrganizationsApi } from '../organizations/checked-api';
import { OrganizationsApi, Page, REQUIRED_PERMISSIONS } from '../organizations/organizations-api';
import { RetryOptions, withRetry } from '../organizations/retry';

/**
 * Time limit of one Organizations call in a deploy-time handler. The
 * functions run for at most 5 minutes (see `shared-provider.ts`); a call that
 * does not answer in 20 s is retried once, then fails the check with a named
 * timeout, long before Lambda would end the invocation without a word.
 */
export const DEPLOY_CALL_TIMEOUT_MS = 20_000;

/** The handler's API with every answer checked and every call bounded by `timeoutMs`. */
export function deployTimeApi<A extends Partial<OrganizationsApi>>(api: A, timeoutMs = DEPLOY_CALL_TIMEOUT_MS): A {
  return checkedOrganizationsApi(api, { timeoutMs });
}

/**
 * A failed call in words: a malformed answer or a timeout already names the
 * call; anything else is explained as an Organizations error with the remedy.
 */
export function explainDeployCall(permission: string, e: unknown): string {
  if (e instanceof MalformedAnswerError || e instanceof CallTimeoutError) return e.message;
  if (isTimeoutError(e)) return `${permission} timed out: ${(e as Error).message}`;
  return explainOrganizationsError(permission, e, deployTimeRemedy(permission));
}

/**
 * What to do about a denied call made by a deploy-time custom resource. Outside
 * the management account (and a delegated administrator) Organizations denies
 * these reads whatever IAM allows, so where the stack runs is the usual cause.
 */
export function deployTimeRemedy(permission: string): string {
  return 'The stack must be deployed in the organization\'s management account or in a delegated administrator '
    + `account for AWS Organizations policies, and nothing (a permissions boundary, an SCP) may deny ${permission} `
    + 'to the custom resource\'s function role.';
}

/**
 * A deploy-time check that cannot go on; its message is what CloudFormation
 * shows, bounded to fit CloudFormation's 4 KB response (the whole text is kept
 * in `fullMessage` and written to the function's log by `reportingFailures`).
 */
export class DeployTimeCheckError extends Error {
  public readonly fullMessage: string;

  constructor(message: string) {
    super(boundedMessage(message));
    this.name = 'DeployTimeCheckError';
    this.fullMessage = message;
  }
}

/**
 * Runs a handler; a failure's whole text goes to the function's log (the
 * CloudFormation reason may be shortened), and any other error becomes a
 * DeployTimeCheckError so that its reason is bounded too.
 */
export async function reportingFailures<T>(handler: () => Promise<T>, log: (text: string) => void = () => {}): Promise<T> {
  try {
    return await handler();
  } catch (e) {
    const full = e instanceof DeployTimeCheckError ? e.fullMessage : String((e as Error)?.message ?? e);
    log(full);
    throw e instanceof DeployTimeCheckError ? e : new DeployTimeCheckError(full);
  }
}

/**
 * Every item of a paginated Organizations listing. Each page is retried on
 * throttling; a failure after retries becomes a DeployTimeCheckError naming the
 * IAM action, prefixed with what was being read.
 */
export async function listAllPages<T>(
  call: keyof OrganizationsApi, what: string, page: (nextToken?: string) => Promise<Page<T>>, retry?: RetryOptions,
): Promise<T[]> {
  try {
    return await collectPages((token) => withRetry(() => page(token), retry), `${REQUIRED_PERMISSIONS[call]} (${what})`);
  } catch (e) {
    if (e instanceof PageLoopError) throw new DeployTimeCheckError(`Could not read ${what}: ${e.message}`);
    const permission = REQUIRED_PERMISSIONS[call];
    throw new DeployTimeCheckError(`Could not read ${what}: ${explainDeployCall(permission, e)}`);
  }
}
