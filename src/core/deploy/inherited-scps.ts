import { DeployTimeCheckError, explainDeployCall, listAllPages } from './organizations-calls';
import { MAX_OU_DEPTH } from './ou-path';
import { PolicyLevel } from '../evaluate/scp-evaluator';
import { OrganizationsApi, OrgPolicy, REQUIRED_PERMISSIONS } from '../organizations/organizations-api';
import { RetryOptions, withRetry } from '../organizations/retry';

/** The target and the OUs above it: at most five OUs and an account below the root. */
const MAX_PATH_BELOW_ROOT = MAX_OU_DEPTH + 1;

/** The reads the conflict check needs, and no more (its function role allows exactly these). */
export type InheritedScpApi = Pick<OrganizationsApi, 'describeOrganization' | 'listParents' | 'listPoliciesForTarget' | 'describePolicy'>;

/** Policies already described in this invocation: a landing zone shares FullAWSAccess and guardrails across targets. */
export type PolicyCache = Map<string, Promise<OrgPolicy>>;

async function once<T>(call: keyof OrganizationsApi, what: string, fn: () => Promise<T>, retry?: RetryOptions): Promise<T> {
  try {
    return await withRetry(fn, retry);
  } catch (e) {
    const permission = REQUIRED_PERMISSIONS[call];
    throw new DeployTimeCheckError(`Could not read ${what}: ${explainDeployCall(permission, e)}`);
  }
}

/** The management account's ID: SCPs never apply to it, so a posture aimed at it cannot take effect. */
export async function readManagementAccountId(api: Pick<OrganizationsApi, 'describeOrganization'>, retry?: RetryOptions): Promise<string | undefined> {
  return (await once('describeOrganization', 'the organization', () => api.describeOrganization(), retry)).managementAccountId;
}

/**
 * The SCPs that apply to a root, OU or account: those attached to the root,
 * to each OU down the path, and to the target itself, root first. Each level's
 * ID is kept so messages can say where a policy sits.
 */
export async function readInheritedScps(
  api: InheritedScpApi, target: string, cache: PolicyCache, retry?: RetryOptions,
): Promise<PolicyLevel[]> {
  const path: string[] = [target];
  let child = target;
  while (!child.startsWith('r-')) {
    const at = child;
    const parents = await once('listParents', `the parent of ${at}`, () => api.listParents(at), retry);
    if (parents.length === 0) throw new DeployTimeCheckError(`organizations:ListParents returned no parent for ${at}`);
    child = parents[0].id;
    // A parent seen before, or more levels than Organizations nests, would be followed for ever.
    if (path.includes(child)) throw new DeployTimeCheckError(`Could not read the path of ${target}: organizations:ListParents returned a cycle (${child} is its own ancestor)`);
    if (path.length > MAX_PATH_BELOW_ROOT) {
      throw new DeployTimeCheckError(`Could not read the path of ${target}: organizations:ListParents returned more than ${MAX_OU_DEPTH} OUs above it, deeper than Organizations nests OUs`);
    }
    path.unshift(child);
  }
  return Promise.all(path.map(async (id) => {
    const attached = await listAllPages('listPoliciesForTarget', `the SCPs attached to ${id}`, (t) => api.listPoliciesForTarget(id, t), retry);
    const policies = await Promise.all(attached.map((p) => {
      if (!cache.has(p.id)) cache.set(p.id, once('describePolicy', `policy ${p.name ?? p.id}`, () => api.describePolicy(p.id), retry));
      return cache.get(p.id)!;
    }));
    return { id, policies: policies.map((p) => ({ name: p.name, document: p.content })) };
  }));
}
