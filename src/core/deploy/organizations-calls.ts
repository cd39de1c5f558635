import { explainOrganizationsError } from '../audit/explain-error';
import { OrganizationsApi, Page, REQUIRED_PERMISSIONS } from '../audit/organizations-api';
import { RetryOptions, withRetry } from '../audit/retry';

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

/** A deploy-time check that cannot go on; its message is what CloudFormation shows. */
export class DeployTimeCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployTimeCheckError';
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
  const items: T[] = [];
  let token: string | undefined;
  try {
    do {
      const p: Page<T> = await withRetry(() => page(token), retry);
      items.push(...p.items);
      token = p.nextToken;
    } while (token);
  } catch (e) {
    const permission = REQUIRED_PERMISSIONS[call];
    throw new DeployTimeCheckError(`Could not read ${what}: ${explainOrganizationsError(permission, e, deployTimeRemedy(permission))}`);
  }
  return items;
}
