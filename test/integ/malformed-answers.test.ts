/**
 * Seeded faults at the OrganizationsApi boundary: one call of a custom
 * implementation answers wrongly (null, a number for a name, a null entry in
 * a page, policy content that is not text, a page token that never ends or
 * repeats, an OU that contains its own ancestor, a parent cycle, a call that
 * never settles). The audit never crashes, never calls an account PROTECTED
 * that the clean organization does not protect, and exits 2 whenever a fault
 * reached it.
 */
import * as fc from 'fast-check';
import { ResidencyPolicies } from '../../src';
import { auditExitCode, auditSnapshot } from '../../src/core/audit/audit-report';
import { AuditReadError, readOrganization, ReadOptions } from '../../src/core/audit/org-walker';
import { Protection } from '../../src/core/audit/verdict';
import { OrganizationsApi, Page } from '../../src/core/organizations/organizations-api';
import { FULL_AWS_ACCESS } from '../helpers/control-tower-scps';

const ROOT = 'r-ab12';
const WORKLOADS = 'ou-ab12-workload';
const TEAM = 'ou-ab12-teamteam';
const SANDBOX = 'ou-ab12-sandboxx';
const MANAGEMENT = '111111111111';
const NO_WAIT = { sleep: async () => {}, random: () => 0 };

const CHILDREN: Record<string, string[]> = { [ROOT]: [WORKLOADS, SANDBOX], [WORKLOADS]: [TEAM], [TEAM]: [], [SANDBOX]: [] };
const ACCOUNTS: Record<string, string[]> = { [ROOT]: [MANAGEMENT], [WORKLOADS]: ['222222222222'], [TEAM]: ['333333333333', '444444444444'], [SANDBOX]: ['555555555555'] };
const NAMES: Record<string, string> = { [ROOT]: 'Root', [WORKLOADS]: 'Workloads', [TEAM]: 'Team', [SANDBOX]: 'Sandbox' };
const PARENT: Record<string, string> = {
  [WORKLOADS]: ROOT,
  [SANDBOX]: ROOT,
  [TEAM]: WORKLOADS,
  [MANAGEMENT]: ROOT,
  222222222222: WORKLOADS,
  333333333333: TEAM,
  444444444444: TEAM,
  555555555555: SANDBOX,
};
const POLICIES: Record<string, { name: string; doc: unknown }> = {
  'p-FullAWSAccess': { name: 'FullAWSAccess', doc: FULL_AWS_ACCESS },
  'p-posture0001': { name: 'bedrock-au-residency', doc: ResidencyPolicies.posture() },
};
const attachedTo = (id: string) => ['p-FullAWSAccess', ...(id === WORKLOADS ? ['p-posture0001'] : [])];

/** Pages of one item, so every listing pages (tokens are the index of the next item). */
function paged<T>(all: T[], token?: string): Page<T> {
  const at = token === undefined ? 0 : Number(token);
  return { items: all.slice(at, at + 1), nextToken: at + 1 < all.length ? String(at + 1) : undefined };
}

function cleanApi(): OrganizationsApi {
  const entity = (id: string) => ({ id, name: NAMES[id] ?? `account-${id}`, status: 'ACTIVE' });
  return {
    describeOrganization: async () => ({ id: 'o-abcdefghij', managementAccountId: MANAGEMENT }),
    listRoots: async (t) => paged([{ id: ROOT, name: 'Root' }], t),
    listOrganizationalUnitsForParent: async (p, t) => paged((CHILDREN[p] ?? []).map(entity), t),
    listAccountsForParent: async (p, t) => paged((ACCOUNTS[p] ?? []).map(entity), t),
    listPoliciesForTarget: async (id, t) => paged(attachedTo(id).map((p) => ({ id: p, name: POLICIES[p].name })), t),
    describePolicy: async (id) => ({ id, name: POLICIES[id].name, content: JSON.stringify(POLICIES[id].doc), awsManaged: id === 'p-FullAWSAccess' }),
    listPolicies: async (t) => paged(Object.keys(POLICIES).map((id) => ({ id, name: POLICIES[id].name })), t),
    listTargetsForPolicy: async (p, t) => paged(Object.keys(PARENT).concat(ROOT).filter((id) => attachedTo(id).includes(p)).map((id) => ({ id })), t),
    listParents: async (c) => [{ id: PARENT[c], type: PARENT[c] === ROOT ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }],
    describeOrganizationalUnit: async (id) => entity(id),
    describeAccount: async (id) => entity(id),
  };
}

type Call = keyof OrganizationsApi;
const CALLS = Object.keys(cleanApi()) as Call[];

/** What the faulty call answers instead, given the clean answer. */
const FAULTS: Record<string, (clean: any, args: unknown[]) => unknown> = {
  'null': () => null,
  'undefined': () => undefined,
  'a number': () => 42,
  'name is a number': (c) => (Array.isArray(c?.items) ? { ...c, items: c.items.map((i: object) => ({ ...i, name: 7 })) } : c !== null && typeof c === 'object' && 'name' in c ? { ...c, name: 7 } : c),
  'id missing': (c) => (Array.isArray(c?.items) ? { ...c, items: c.items.map(() => ({ name: 'x' })) } : Array.isArray(c) ? c.map(() => ({ type: 'ROOT' })) : { name: 'x' }),
  'content not a string': (c) => (c && 'content' in c ? { ...c, content: { Statement: [] } } : c),
  'a null entry in a page': (c) => (Array.isArray(c?.items) ? { ...c, items: [...c.items, null] } : Array.isArray(c) ? [null] : c),
  'items not a list': (c) => (Array.isArray(c?.items) ? { ...c, items: 'all of them' } : c),
  'a token that never ends': (c, args) => (Array.isArray(c?.items) ? { ...c, nextToken: `t${String(args[args.length - 1] ?? '')}x` } : c),
  'the same token again': (c) => (Array.isArray(c?.items) ? { ...c, nextToken: '0' } : c),
  'a token that is a number': (c) => (Array.isArray(c?.items) ? { ...c, nextToken: 5 } : c),
  'an OU that contains its ancestor': (c, args) => (Array.isArray(c?.items) && args[0] === TEAM ? { items: [{ id: WORKLOADS, name: 'Workloads' }] } : c),
  'a parent cycle': (c, args) => (Array.isArray(c) && args[0] !== TEAM ? [{ id: TEAM, type: 'ORGANIZATIONAL_UNIT' }] : c),
  'a wrong parent type': (c) => (Array.isArray(c) ? c.map((p: object) => ({ ...p, type: 'FOLDER' })) : c),
  'throws a string': () => { throw 'boom'; },
  'never settles': () => new Promise(() => {}),
};

interface Fault { readonly call: Call; readonly nth: number; readonly kind: string; readonly always: boolean }

/** The clean API with `fault` applied to the nth call of one method (or every call from it on). */
function faultyApi(fault: Fault): { api: OrganizationsApi; hit: () => boolean } {
  const clean = cleanApi();
  let seen = 0;
  let hit = false;
  const api = { ...clean } as Record<Call, (...a: unknown[]) => Promise<unknown>>;
  api[fault.call] = async (...args: unknown[]) => {
    const n = seen++;
    const answer = await (clean[fault.call] as (...a: unknown[]) => Promise<unknown>)(...args);
    // A token fault is every answer from the nth on: one odd token alone can be a valid listing.
    const always = fault.always || fault.kind.includes('token');
    if (n !== fault.nth && !(always && n > fault.nth)) return answer;
    let wrong;
    try {
      wrong = FAULTS[fault.kind](answer, args);
    } catch (e) {
      hit = true;
      throw e;
    }
    // Counted only when the answer really changed (an empty page with its names "changed" is the same page).
    if (wrong instanceof Promise || JSON.stringify(wrong) !== JSON.stringify(answer) || (wrong === undefined) !== (answer === undefined)) hit = true;
    return wrong;
  };
  return { api: api as unknown as OrganizationsApi, hit: () => hit };
}

const fault: fc.Arbitrary<Fault> = fc.record({
  call: fc.constantFrom(...CALLS),
  nth: fc.nat(3),
  kind: fc.constantFrom(...Object.keys(FAULTS)),
  always: fc.boolean(),
});
const target = fc.constantFrom<string | undefined>(undefined, TEAM, '333333333333');
const attachments = fc.constantFrom<ReadOptions['attachments']>('per-target', 'per-policy');

const figures = { cases: 0, hit: 0, fatal: 0, error: 0 };

test('a malformed answer is a read failure, never a crash or a false PROTECTED (seeded)', async () => {
  const cleanVerdicts = new Map<string, Map<string, Protection>>();
  const verdicts = async (api: OrganizationsApi, options: ReadOptions) => {
    const report = auditSnapshot(await readOrganization(api, options), { allowedRegions: ['ap-southeast-2'] });
    return { report, byId: new Map(report.accounts.map((a) => [a.id, a.protection])) };
  };
  await fc.assert(fc.asyncProperty(fault, target, attachments, async (f, t, a) => {
    const options: ReadOptions = { target: t, attachments: a, retry: NO_WAIT, callTimeoutMs: 25, maxPages: 50 };
    const key = `${t}/${a}`;
    if (!cleanVerdicts.has(key)) cleanVerdicts.set(key, (await verdicts(cleanApi(), options)).byId);
    const clean = cleanVerdicts.get(key)!;
    const { api, hit } = faultyApi(f);
    figures.cases++;
    let result;
    try {
      result = await verdicts(api, options);
    } catch (e) {
      // Only a named read error may end the audit, and only when the fault reached it.
      if (!(e instanceof AuditReadError)) throw new Error(`crashed: ${(e as Error)?.stack ?? String(e)}`);
      if (!hit()) throw new Error(`failed without a fault: ${(e as Error).message}`);
      figures.hit++;
      figures.fatal++;
      return;
    }
    for (const [id, protection] of result.byId) {
      if (protection === Protection.PROTECTED && clean.get(id) !== Protection.PROTECTED) throw new Error(`${id} reported PROTECTED only under the fault`);
    }
    if (hit() && f.kind === 'never settles' && !f.always) {
      // One silent call times out and its retry answers: the audit is as if nothing happened.
      figures.hit++;
      expect(result.byId).toEqual(clean);
    } else if (hit()) {
      figures.hit++;
      if (auditExitCode(result.report) !== 2) throw new Error(`exit ${auditExitCode(result.report)} although ${f.kind} reached ${f.call}`);
      if ([...result.byId.values()].includes(Protection.ERROR)) figures.error++;
    } else {
      expect(result.byId).toEqual(clean);
    }
  }), { seed: 1804, numRuns: 200 });
  process.stdout.write(`malformed answers: ${figures.cases} cases, ${figures.hit} reached the audit (${figures.fatal} ended it with a named read error, ${figures.error} marked accounts ERROR)\n`);
  expect(figures.hit).toBeGreaterThan(40);
});

test('a describePolicy that answers undefined marks the accounts under the policy ERROR with the cause', async () => {
  const { api } = faultyApi({ call: 'describePolicy', nth: 0, kind: 'undefined', always: true });
  const report = auditSnapshot(await readOrganization(api, { retry: NO_WAIT }), { allowedRegions: ['ap-southeast-2'] });
  const team = report.accounts.find((x) => x.id === '333333333333')!;
  expect(team.protection).toBe(Protection.ERROR);
  expect(report.readFailures.map((r) => r.message)).toContain('organizations:DescribePolicy returned a malformed answer: the answer is undefined, not an object');
  expect(auditExitCode(report)).toBe(2);
});

test('describeOrganization answering null ends the audit with a named read error', async () => {
  const { api } = faultyApi({ call: 'describeOrganization', nth: 0, kind: 'null', always: false });
  await expect(readOrganization(api, { retry: NO_WAIT })).rejects.toThrow(
    new AuditReadError('organizations:DescribeOrganization returned a malformed answer: the answer is null, not an object'));
});
