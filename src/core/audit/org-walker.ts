import { explainOrganizationsError } from './explain-error';
import { CallTimeoutError, isTimeoutError, MalformedAnswerError, MAX_PAGES } from '../organizations/call-guards';
import { checkedOrganizationsApi, DEFAULT_CALL_TIMEOUT_MS } from '../organizations/checked-api';
import { OrganizationsApi, OrgEntity, OrgPolicy, Page, REQUIRED_PERMISSIONS } from '../organizations/organizations-api';
import { limiter, RetryOptions, withRetry } from '../organizations/retry';

/** A root or OU on an account's inheritance path. */
export interface ContainerNode {
  readonly id: string;
  readonly name: string;
  readonly type: 'ROOT' | 'ORGANIZATIONAL_UNIT';
  /** SCPs attached directly to it. */
  readonly policyIds: string[];
  /** Set when its attachments could not be read: accounts under it cannot be judged. */
  readonly error?: string;
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

/** How attachments were read: one listing per root, OU and account, or one per policy. */
export type AttachmentReading = 'per-target' | 'per-policy';

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
  /** How attachments were read. */
  readonly attachmentReading?: AttachmentReading;
}

export interface ReadProgress {
  readonly containers: number;
  readonly accounts: number;
  readonly policies: number;
}

export interface ReadOptions {
  /** `r-...`, `ou-...` or an account ID. @default the organization root */
  readonly target?: string;
  /** Calls in flight at once (at least 1). @default 4 */
  readonly concurrency?: number;
  readonly retry?: RetryOptions;
  readonly onProgress?: (p: ReadProgress) => void;
  /**
   * How to read attachments. `auto` lists them per policy (ListPolicies, then
   * ListTargetsForPolicy) when auditing the whole organization and that needs
   * fewer calls than one ListPoliciesForTarget per root, OU and account.
   * @default 'auto'
   */
  readonly attachments?: 'auto' | AttachmentReading;
  /**
   * Time limit of each Organizations call in milliseconds: a call that does
   * not settle in time is a read failure (retried once, as a timeout).
   * @default 30000
   */
  readonly callTimeoutMs?: number;
  /** Pages read from one listing before it is judged endless. @default 1000 */
  readonly maxPages?: number;
}

/** Organizations nests OUs at most five levels below the root; deeper is a malformed answer, not a tree to follow. */
const MAX_OU_DEPTH = 5;

/** A failure the audit cannot continue past (no organization, no root, the target unreadable, bad options). */
export class AuditReadError extends Error {}

type Call = keyof OrganizationsApi;

const AUDIT_REMEDY = 'Run the audit in the management account or a delegated administrator account with the read-only permissions listed in the README.';

/** An error raised by one Organizations call, remembering which call it was. */
class CallError extends Error {
  constructor(public readonly call: Call, public readonly cause: unknown) {
    super(explainCall(call, cause));
  }
}

function explain(call: Call, e: unknown): string {
  if (e instanceof CallError) return e.message;
  return explainCall(call, e);
}

/** A malformed answer or a timeout already names the call; the rest are explained as Organizations errors. */
function explainCall(call: Call, e: unknown): string {
  if (e instanceof MalformedAnswerError) return e.message;
  if (e instanceof CallTimeoutError) return `${e.message} (a read failure: the call timed out)`;
  if (isTimeoutError(e)) return `${REQUIRED_PERMISSIONS[call]} timed out (a read failure): ${(e as Error).message}`;
  return explainOrganizationsError(REQUIRED_PERMISSIONS[call], e, AUDIT_REMEDY);
}

function callOf(fallback: Call, e: unknown): Call {
  return e instanceof CallError ? e.call : fallback;
}

/**
 * Per-policy reading pays off when the policies are few next to the targets:
 * it needs one call per 20 policies, one per policy, and one per 20
 * attachments (about two per target is typical), against one per target.
 */
export function perPolicyIsCheaper(policies: number, targets: number): boolean {
  const estimate = Math.ceil(policies / 20) + policies + Math.ceil((2 * targets) / 20);
  return estimate < targets;
}

/**
 * Reads everything the audit needs under a target: every account, the SCPs
 * attached along its inheritance path, each policy described once. Throttling
 * and transient network errors are retried; a failure on one branch is
 * recorded and the rest is still read.
 */
export async function readOrganization(unchecked: OrganizationsApi, options: ReadOptions = {}): Promise<OrgSnapshot> {
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new AuditReadError(`concurrency must be an integer of at least 1, got ${concurrency}`);
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  if (typeof callTimeoutMs !== 'number' || !(callTimeoutMs >= 0)) throw new AuditReadError(`callTimeoutMs must be a number of milliseconds, got ${callTimeoutMs}`);
  const maxPages = options.maxPages ?? MAX_PAGES;
  if (unchecked === null || typeof unchecked !== 'object') throw new AuditReadError('the Organizations API must be an object with the OrganizationsApi methods');
  // Every answer checked, every call bounded in time: a malformed or silent answer is a read failure.
  const api = checkedOrganizationsApi(unchecked, { timeoutMs: callTimeoutMs });
  const apiCalls: Record<string, number> = {};
  const failures: ReadFailure[] = [];
  const limit = limiter(concurrency);
  const progress = { containers: 0, accounts: 0, policies: 0 };
  const report = () => options.onProgress?.({ ...progress });

  const call = <T>(name: Call, fn: () => Promise<T>): Promise<T> => limit(() => {
    apiCalls[name] = (apiCalls[name] ?? 0) + 1;
    return withRetry(fn, options.retry);
  }).catch((e) => {
    throw e instanceof CallError ? e : new CallError(name, e);
  });
  const listAll = async <T>(name: Call, page: (token?: string) => Promise<Page<T>>): Promise<T[]> => {
    const items: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const p: Page<T> = await call(name, () => page(token));
      items.push(...p.items);
      token = p.nextToken;
      pages++;
      if (token) {
        // A token seen before, or more pages than any organization has, would loop for ever: stop, and say which call did it.
        if (seen.has(token)) throw new CallError(name, new Error(`returned a NextToken it had already returned (${token.slice(0, 16)}...); the listing would never end`));
        if (pages >= maxPages) throw new CallError(name, new Error(`returned more than ${maxPages} pages; stopped reading rather than loop`));
        seen.add(token);
      }
    } while (token);
    return items;
  };
  const fatal = async <T>(name: Call, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AuditReadError) throw e;
      throw new AuditReadError(explain(name, e));
    }
  };

  const org = await fatal('describeOrganization', () => call('describeOrganization', () => api.describeOrganization()));
  const roots = await fatal('listRoots', () => listAll('listRoots', (t) => api.listRoots(t)));
  if (roots.length === 0) throw new AuditReadError('organizations:ListRoots returned no root');
  const root = roots[0];

  // 1. The tree: containers and accounts, attachments still empty.
  interface MutableTarget { id: string; policyIds: string[]; error?: string }
  const targets = new Map<string, MutableTarget>();
  const containerNode = (entity: OrgEntity, type: ContainerNode['type']): ContainerNode => {
    const node = { id: entity.id, name: entity.name ?? entity.id, type, policyIds: [] as string[] };
    targets.set(node.id, node);
    progress.containers++;
    return node;
  };

  // The path from the root down to the target (exclusive), for an OU or account target.
  const ancestorsOf = async (id: string): Promise<ContainerNode[]> => {
    const chain: ContainerNode[] = [];
    const seen = new Set([id]);
    let child = id;
    for (;;) {
      const parents = await call('listParents', () => api.listParents(child));
      const parent = parents[0];
      if (!parent) throw new AuditReadError(`organizations:ListParents returned no parent for ${child}`);
      // A parent seen before, or a path deeper than Organizations allows, would be followed for ever.
      if (seen.has(parent.id)) throw new AuditReadError(`organizations:ListParents returned a cycle: ${parent.id} is its own ancestor (via ${child}); stopped reading rather than loop`);
      if (chain.length >= MAX_OU_DEPTH) throw new AuditReadError(`organizations:ListParents returned a path of more than ${MAX_OU_DEPTH} OUs above ${id}, deeper than Organizations nests OUs; stopped reading rather than loop`);
      seen.add(parent.id);
      if (parent.type === 'ROOT') {
        chain.unshift(containerNode({ id: parent.id, name: root.name }, 'ROOT'));
        return chain;
      }
      const ou = await call('describeOrganizationalUnit', () => api.describeOrganizationalUnit(parent.id));
      chain.unshift(containerNode(ou, 'ORGANIZATIONAL_UNIT'));
      child = parent.id;
    }
  };

  const accounts: AccountNode[] = [];
  const accountNodes = new Map<string, AccountNode>();
  const addAccount = (a: { id: string; name?: string; status?: string }, path: ContainerNode[]) => {
    const twice = accountNodes.get(a.id);
    if (twice) {
      // One account has one parent: listed under two, its inheritance path is unknown.
      const message = `${a.id} was listed under both ${twice.path[twice.path.length - 1]?.id} and ${path[path.length - 1]?.id}; an account has one parent, so its SCPs cannot be judged`;
      failures.push({ target: a.id, call: 'listAccountsForParent', message });
      (twice as { error?: string }).error = message;
      return;
    }
    const node: AccountNode = { id: a.id, name: a.name ?? a.id, status: a.status, path, policyIds: [] };
    accountNodes.set(a.id, node);
    targets.set(a.id, node as MutableTarget);
    accounts.push(node);
    progress.accounts++;
    report();
  };

  const visiting = new Set<string>();
  const visit = async (entity: OrgEntity, type: ContainerNode['type'], path: ContainerNode[]): Promise<void> => {
    // An OU listed twice (under two parents, or as its own descendant) or nested deeper
    // than Organizations allows would be read for ever: record it and do not descend.
    const problem = visiting.has(entity.id) || path.some((p) => p.id === entity.id)
      ? `${entity.id} was listed again under ${path[path.length - 1]?.id ?? 'the root'} (a repeated or cyclic OU listing); accounts under it were not audited`
      : path.length > MAX_OU_DEPTH
        ? `${entity.id} is listed more than ${MAX_OU_DEPTH} OUs below the root, deeper than Organizations nests OUs; accounts under it were not audited`
        : undefined;
    if (problem) {
      failures.push({ target: entity.id, call: 'listOrganizationalUnitsForParent', message: problem });
      return;
    }
    visiting.add(entity.id);
    const node = containerNode(entity, type);
    let children: OrgEntity[];
    let members: { id: string; name?: string; status?: string }[];
    try {
      [children, members] = await Promise.all([
        listAll('listOrganizationalUnitsForParent', (t) => api.listOrganizationalUnitsForParent(entity.id, t)),
        listAll('listAccountsForParent', (t) => api.listAccountsForParent(entity.id, t)),
      ]);
    } catch (e) {
      const c = callOf('listAccountsForParent', e);
      failures.push({ target: entity.id, call: c, message: `${entity.id} could not be read, so accounts under it were not audited: ${explain(c, e)}` });
      return;
    }
    report();
    const here = [...path, node];
    for (const a of members) addAccount(a, here);
    await Promise.all(children.map((c) => visit(c, 'ORGANIZATIONAL_UNIT', here)));
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
    addAccount(account, await fatal('listParents', () => ancestorsOf(target)));
  }

  // 2. Attachments, per policy when that is cheaper, else per target.
  let reading: AttachmentReading = options.attachments === 'per-policy' ? 'per-policy' : 'per-target';
  let listed: OrgEntity[] | undefined;
  if (options.attachments === 'per-policy' || ((options.attachments ?? 'auto') === 'auto' && target === root.id && targets.size > 20)) {
    try {
      listed = await listAll('listPolicies', (t) => api.listPolicies(t));
      if (options.attachments !== 'per-policy' && !perPolicyIsCheaper(listed.length, targets.size)) listed = undefined;
    } catch (e) {
      failures.push({ target: root.id, call: 'listPolicies', message: `${explain('listPolicies', e)} Attachments were read per target instead.` });
      listed = undefined;
    }
  }
  if (listed) {
    reading = 'per-policy';
    const byTarget = new Map<string, string[]>();
    try {
      await Promise.all(listed.map(async (p) => {
        for (const t of await listAll('listTargetsForPolicy', (tok) => api.listTargetsForPolicy(p.id, tok))) {
          byTarget.set(t.id, [...(byTarget.get(t.id) ?? []), p.id]);
        }
      }));
      // Keep the order ListPolicies gave, so reports do not depend on timing.
      const order = new Map(listed.map((p, i) => [p.id, i]));
      for (const node of targets.values()) node.policyIds.push(...(byTarget.get(node.id) ?? []).sort((a, b) => order.get(a)! - order.get(b)!));
    } catch (e) {
      failures.push({ target: root.id, call: callOf('listTargetsForPolicy', e), message: `${explain('listTargetsForPolicy', e)} Attachments were read per target instead.` });
      reading = 'per-target';
    }
  }
  if (reading === 'per-target') {
    await Promise.all([...targets.values()].map(async (node) => {
      try {
        node.policyIds.push(...(await listAll('listPoliciesForTarget', (t) => api.listPoliciesForTarget(node.id, t))).map((p) => p.id));
      } catch (e) {
        const message = explain('listPoliciesForTarget', e);
        failures.push({ target: node.id, call: 'listPoliciesForTarget', message });
        node.error = message;
      }
    }));
  }

  // 3. Each attached policy described once.
  const policies = new Map<string, OrgPolicy>();
  const used = [...new Set([...targets.values()].flatMap((t) => t.policyIds))];
  await Promise.all(used.map(async (id) => {
    try {
      policies.set(id, await call('describePolicy', () => api.describePolicy(id)));
      progress.policies++;
    } catch (e) {
      failures.push({ target: id, call: 'describePolicy', message: explain('describePolicy', e) });
    }
  }));
  report();

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
    attachmentReading: reading,
  };
}
