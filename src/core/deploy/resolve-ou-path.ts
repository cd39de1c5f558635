import { DeployTimeCheckError, listAllPages } from './organizations-calls';
import { OU_PATH_ROOT, ouPathNames, ouPathProblems } from './ou-path';
import { OrganizationsApi, OrgEntity } from '../organizations/organizations-api';
import { RetryOptions } from '../organizations/retry';

/** The reads path resolution needs, and no more (the function role allows exactly these). */
export type OuPathApi = Pick<OrganizationsApi, 'listRoots' | 'listOrganizationalUnitsForParent'>;

/** Children listed in a "no such OU" message; a large landing zone could otherwise overflow CloudFormation's status reason. */
const MAX_CHILDREN_LISTED = 25;

export interface ResolvedOu {
  readonly id: string;
  readonly rootId: string;
}

/** "Workloads has no child OU named 'Prd'; children: Prod, Dev", with a hint when only case or spaces differ. */
export function missingChildMessage(parentName: string, name: string, children: readonly OrgEntity[]): string {
  const names = children.map((c) => c.name ?? c.id);
  const norm = (s: string) => s.trim().toLowerCase();
  const near = names.find((n) => norm(n) === norm(name));
  const hint = near ? ` (did you mean '${near}'? names match exactly, case and spaces included)` : '';
  const more = names.length > MAX_CHILDREN_LISTED ? ` and ${names.length - MAX_CHILDREN_LISTED} more` : '';
  const listed = names.length === 0 ? 'it has no child OUs' : `children: ${names.slice(0, MAX_CHILDREN_LISTED).join(', ')}${more}`;
  return `${parentName} has no child OU named '${name}'${hint}; ${listed}`;
}

/**
 * Resolves `Root/A/B` to B's OU ID: the root from ListRoots, then each name
 * matched exactly among the children of the previous level (every page read).
 * OU names are unique under one parent, so a match is unambiguous.
 */
export async function resolveOuPath(api: OuPathApi, path: string, retry?: RetryOptions): Promise<ResolvedOu> {
  const problems = ouPathProblems(path);
  if (problems.length > 0) {
    throw new DeployTimeCheckError(`OU path ${JSON.stringify(path)} is malformed: ${problems.join('; ')}`);
  }
  const roots = await listAllPages('listRoots', 'the organization root', (t) => api.listRoots(t), retry);
  if (roots.length === 0) throw new DeployTimeCheckError('organizations:ListRoots returned no root');
  const rootId = roots[0].id;

  let parent = { id: rootId, name: OU_PATH_ROOT };
  for (const name of ouPathNames(path)) {
    const at = parent;
    const children = await listAllPages('listOrganizationalUnitsForParent', `the OUs under ${at.name} (${at.id})`,
      (t) => api.listOrganizationalUnitsForParent(at.id, t), retry);
    const match = children.find((c) => c.name === name);
    if (!match) {
      throw new DeployTimeCheckError(`OU path '${path}' does not resolve: ${missingChildMessage(at.name, name, children)}`);
    }
    parent = { id: match.id, name };
  }
  return { id: parent.id, rootId };
}
