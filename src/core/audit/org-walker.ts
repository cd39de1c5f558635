import { explainOrganizationsError } from './explain-error';
import { OrganizationsApi, OrgEntity, OrgPolicy, Page, REQUIRED_PERMISSIONS } from './organizations-api';
import { limiter, RetryOptions, withRetry } from './retry';

/** A root or OU on an account's inheritance path. */
export interface ContainerNode {
  readonly id: string;
  readonly name: string;
  readonly type: 'ROOT' | 'ORGANIZATIONAL_UNIT';
  /** SCPs attached directly to it. */
  readonly policyIds: string[];
}

export interface AccountNode {
  readonly id: string;
  readonly name: string;
  readonly status?: string;
  /** Root first, then each OU down to the account's parent. */
  readonly path: ContainerNode[];
  /** SCPs attached directly to the account. */
  readonly policyIds: string[];
  /** Set when the account's own attachments could not be read. */
  readonly error?: string;
}

export interface ReadFailure {
  /** The root, OU, account or policy the call was about. */
  readonly target: string;
  readonly call: string;
  readonly message: string;
}

export interface OrgSnapshot {
  readonly organizationId?: string;
  readonly managementAccountId?: string;
  readonly rootId: string;
  /** What was audited: the root, an OU or an account. */
  readonly target: string;
  readonly accounts: AccountNode[];
  readonly policies: Map<string, OrgPolicy>;
  /** Calls that failed after retries; the accounts they hide are reported as errors. */
  readonly failures: ReadFailure[];
  /** Organizations API calls made, by call. */
  readonly apiCalls: Record<string, number>;
}

export interface ReadProgress {
  readonly containers: number;
  readonly accounts: number;
  readonly policies: number;
}

export interface ReadOptions {
  /** `r-...`, `ou-...` or an account ID. @default the organization root */
  readonly target?: string;
  /** Calls in flight at once. @default 4 */
  readonly concurrency?: number;
  readonly retry?: RetryOptions;
  readonly onProgress?: (p: ReadProgress) => void;
}

/** A failure the audit cannot continue past (no organization, no root, the target unreadable). */
export class AuditReadError extends Error {}

type Call = keyof OrganizationsApi;

const AUDIT_REMEDY = 'Run the audit in the management account or a delegated administrator account with the read-only permissions listed in the README.';

function explain(call: Call, e: unknown): string {
  return explainOrganizationsError(REQUIRED_PERMISSIONS[call], e, AUDIT_REMEDY);
}

/**
 * Reads everything the audit needs under a target: every account, the SCPs
 * attached along its inheritance path, each policy described once. Throttling
 * is retried; a failure on one branch is recorded and the rest is still read.
 */
export async function readOrganization(api: OrganizationsApi, options: ReadOptions = {}): Promise<OrgSnapshot> {
  const apiCalls: Record<string, number> = {};
  const failures: ReadFailure[] = [];
  const limit = limiter(options.concurrency ?? 4);
  const progress = { containers: 0, accounts: 0, policies: 0 };
  const report = () => options.onProgress?.({ ...progress });

  const call = <T>(name: Call, fn: () => Promise<T>): Promise<T> => limit(() => {
    apiCalls[name] = (apiCalls[name] ?? 0) + 1;
    return withRetry(fn, options.retry);
  });
  const listAll = async <T>(name: Call, page: (token?: string) => Promise<Page<T>>): Promise<T[]> => {
    const items: T[] = [];
    let token: string | undefined;
    do {
      const p: Page<T> = await call(name, () => page(token));
      items.push(...p.items);
      token = p.nextToken;
    } while (token);
    return items;
  };
  const fatal = async <T>(name: Call, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw new AuditReadError(explain(name, e));
    }
  };

  const org = await fatal('describeOrganization', () => call('describeOrganization', () => api.describeOrganization()));
  const roots = await fatal('listRoots', () => listAll('listRoots', (t) => api.listRoots(t)));
  if (roots.length === 0) throw new AuditReadError('organizations:ListRoots returned no root');
  const root = roots[0];

  const policies = new Map<string, OrgPolicy>();
  const describing = new Map<string, Promise<OrgPolicy | undefined>>();
  const describe = (id: string) => {
    if (!describing.has(id)) {
      describing.set(id, call('describePolicy', () => api.describePolicy(id)).then((p) => {
        policies.set(id, p);
        progress.policies++;
        return p;
      }, (e) => {
        failures.push({ target: id, call: 'describePolicy', message: explain('describePolicy', e) });
        return undefined;
      }));
    }
    return describing.get(id)!;
  };
  const attached = async (targetId: string): Promise<string[]> => {
    const ids = (await listAll('listPoliciesForTarget', (t) => api.listPoliciesForTarget(targetId, t))).map((p) => p.id);
    await Promise.all(ids.map(describe));
    return ids;
  };
  const container = async (entity: OrgEntity, type: ContainerNode['type']): Promise<ContainerNode> => {
    const node = { id: entity.id, name: entity.name ?? entity.id, type, policyIds: await attached(entity.id) };
    progress.containers++;
    return node;
  };

  // The path from the root down to the target (exclusive), for an OU or account target.
  const ancestorsOf = async (id: string): Promise<ContainerNode[]> => {
    const chain: ContainerNode[] = [];
    let child = id;
    for (;;) {
      const parents = await call('listParents', () => api.listParents(child));
      const parent = parents[0];
      if (!parent) throw new AuditReadError(`organizations:ListParents returned no parent for ${child}`);
      if (parent.type === 'ROOT') {
        chain.unshift(await container({ id: parent.id, name: root.name }, 'ROOT'));
        return chain;
      }
      const ou = await call('describeOrganizationalUnit', () => api.describeOrganizationalUnit(parent.id));
      chain.unshift(await container(ou, 'ORGANIZATIONAL_UNIT'));
      child = parent.id;
    }
  };

  const accounts: AccountNode[] = [];
  const addAccount = async (a: { id: string; name?: string; status?: string }, path: ContainerNode[]) => {
    try {
      accounts.push({ id: a.id, name: a.name ?? a.id, status: a.status, path, policyIds: await attached(a.id) });
    } catch (e) {
      const message = explain('listPoliciesForTarget', e);
      failures.push({ target: a.id, call: 'listPoliciesForTarget', message });
      accounts.push({ id: a.id, name: a.name ?? a.id, status: a.status, path, policyIds: [], error: message });
    }
    progress.accounts++;
    report();
  };

  const visit = async (entity: OrgEntity, type: ContainerNode['type'], path: ContainerNode[]): Promise<void> => {
    let node: ContainerNode;
    let children: OrgEntity[];
    let members: { id: string; name?: string; status?: string }[];
    try {
      [node, children, members] = await Promise.all([
        container(entity, type),
        listAll('listOrganizationalUnitsForParent', (t) => api.listOrganizationalUnitsForParent(entity.id, t)),
        listAll('listAccountsForParent', (t) => api.listAccountsForParent(entity.id, t)),
      ]);
    } catch (e) {
      failures.push({ target: entity.id, call: 'listAccountsForParent', message: `${entity.id} could not be read, so accounts under it were not audited: ${explain('listAccountsForParent', e)}` });
      return;
    }
    report();
    const here = [...path, node];
    await Promise.all([
      ...members.map((a) => addAccount(a, here)),
      ...children.map((c) => visit(c, 'ORGANIZATIONAL_UNIT', here)),
    ]);
  };

  const target = options.target ?? root.id;
  if (target === root.id) {
    await visit(root, 'ROOT', []);
  } else if (target.startsWith('r-')) {
    throw new AuditReadError(`--target ${target} is not this organization's root (${root.id})`);
  } else if (target.startsWith('ou-')) {
    const ou = await fatal('describeOrganizationalUnit', () => call('describeOrganizationalUnit', () => api.describeOrganizationalUnit(target)));
    await visit(ou, 'ORGANIZATIONAL_UNIT', await fatal('listParents', () => ancestorsOf(target)));
  } else {
    const account = await fatal('describeAccount', () => call('describeAccount', () => api.describeAccount(target)));
    await addAccount(account, await fatal('listParents', () => ancestorsOf(target)));
  }

  accounts.sort((a, b) => a.id.localeCompare(b.id));
  return {
    organizationId: org.id,
    managementAccountId: org.managementAccountId,
    rootId: root.id,
    target,
    accounts,
    policies,
    failures,
    apiCalls,
  };
}
