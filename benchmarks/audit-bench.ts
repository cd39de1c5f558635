/**
 * Prints figures; asserts nothing.
 *
 *   npm run bench:audit
 *
 * Audits a simulated organization of 2,000 accounts under 300 OUs with 40 SCPs,
 * served by an in-memory Organizations API with a fixed latency per call and
 * AWS's page sizes, and prints the calls made by kind and the wall time, for
 * attachments read per target (one ListPoliciesForTarget per root, OU and
 * account: 2,950 calls before per-policy reading existed) and per policy; then
 * the evaluation time with and without chain memoisation.
 */
import { performance } from 'perf_hooks';
import { auditSnapshot } from '../src/core/audit/audit-report';
import { judgeChain } from '../src/core/audit/judge-chain';
import { readOrganization } from '../src/core/audit/org-walker';
import { OrganizationsApi, OrgPolicy, Page } from '../src/core/organizations/organizations-api';
import { ResidencyPolicies } from 'cdk-sovereign-bedrock';

const ACCOUNTS = 2000;
const OUS = 300;
const POLICIES = 40;
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 5);
const PAGE = 20; // ListAccountsForParent / ListOrganizationalUnitsForParent return at most 20 per page

interface Ou { id: string; parent: string; name: string }

function buildOrganization() {
  const policies = new Map<string, OrgPolicy>();
  const full = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
  policies.set('p-FullAWSAccess', { id: 'p-FullAWSAccess', name: 'FullAWSAccess', content: JSON.stringify(full), awsManaged: true });
  policies.set('p-posture', { id: 'p-posture', name: 'bedrock-au-residency', content: JSON.stringify(ResidencyPolicies.posture()) });
  for (let i = policies.size; i < POLICIES; i++) {
    const doc = { Version: '2012-10-17', Statement: [{ Sid: `Guard${i}`, Effect: 'Deny', Action: [`service${i}:Delete*`], Resource: '*' }] };
    policies.set(`p-guard${i}`, { id: `p-guard${i}`, name: `aws-guardrails-${i}`, content: JSON.stringify(doc) });
  }
  // 300 OUs: 20 top-level, the rest spread two levels down.
  const ous: Ou[] = [];
  for (let i = 0; i < OUS; i++) {
    const parent = i < 20 ? 'r-root' : ous[(i * 7) % Math.min(i, 120)].id;
    ous.push({ id: `ou-root-${String(i).padStart(8, '0')}`, parent, name: `OU${i}` });
  }
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({ id: String(100000000000 + i), parent: ous[i % OUS].id }));
  const attached = new Map<string, string[]>();
  const guards = [...policies.keys()].filter((k) => k.startsWith('p-guard'));
  attached.set('r-root', ['p-FullAWSAccess']);
  // The posture on 16 of the 20 top-level OUs: the other four branches are unprotected.
  ous.forEach((o, i) => attached.set(o.id, ['p-FullAWSAccess', ...(i < 20 && i % 5 !== 4 ? ['p-posture'] : []), guards[i % guards.length]]));
  accounts.forEach((a, i) => attached.set(a.id, ['p-FullAWSAccess', ...(i % 50 === 0 ? [guards[i % guards.length]] : [])]));
  return { policies, ous, accounts, attached };
}

function fakeApi(org: ReturnType<typeof buildOrganization>, calls: Record<string, number>): OrganizationsApi {
  const wait = () => new Promise((r) => setTimeout(r, LATENCY_MS));
  const count = (k: string) => { calls[k] = (calls[k] ?? 0) + 1; };
  const paged = <T>(items: T[], token?: string): Page<T> => {
    const start = token ? Number(token) : 0;
    return { items: items.slice(start, start + PAGE), nextToken: start + PAGE < items.length ? String(start + PAGE) : undefined };
  };
  return {
    describeOrganization: async () => { count('describeOrganization'); await wait(); return { id: 'o-bench', managementAccountId: '999999999999' }; },
    listRoots: async () => { count('listRoots'); await wait(); return { items: [{ id: 'r-root', name: 'Root' }] }; },
    listOrganizationalUnitsForParent: async (p, t) => { count('listOrganizationalUnitsForParent'); await wait(); return paged(org.ous.filter((o) => o.parent === p), t); },
    listAccountsForParent: async (p, t) => { count('listAccountsForParent'); await wait(); return paged(org.accounts.filter((a) => a.parent === p).map((a) => ({ id: a.id, name: a.id })), t); },
    listPoliciesForTarget: async (id, t) => { count('listPoliciesForTarget'); await wait(); return paged((org.attached.get(id) ?? []).map((p) => ({ id: p, name: p })), t); },
    listPolicies: async (t) => { count('listPolicies'); await wait(); return paged([...org.policies.values()].map((p) => ({ id: p.id, name: p.name })), t); },
    listTargetsForPolicy: async (id, t) => {
      count('listTargetsForPolicy');
      await wait();
      return paged([...org.attached.entries()].filter(([, ps]) => ps.includes(id)).map(([target]) => ({ id: target, name: target })), t);
    },
    describePolicy: async (id) => { count('describePolicy'); await wait(); return org.policies.get(id)!; },
    listParents: async () => { throw new Error('not used for a root audit'); },
    describeOrganizationalUnit: async () => { throw new Error('not used for a root audit'); },
    describeAccount: async () => { throw new Error('not used for a root audit'); },
  };
}

const TODAY = 2950; // calls of the per-target reading for this organization, before per-policy reading existed

async function main() {
  const org = buildOrganization();
  console.log(`== Audit of a simulated organization: ${ACCOUNTS} accounts, ${OUS} OUs, ${POLICIES} policies, ${LATENCY_MS} ms per call ==`);
  for (const attachments of ['per-target', 'per-policy'] as const) {
    for (const concurrency of [1, 4, 8]) {
      const calls: Record<string, number> = {};
      const t0 = performance.now();
      const snapshot = await readOrganization(fakeApi(org, calls), { concurrency, attachments });
      const t1 = performance.now();
      const report = auditSnapshot(snapshot);
      const t2 = performance.now();
      const total = Object.values(calls).reduce((a, b) => a + b, 0);
      console.log(`${attachments}, concurrency ${concurrency}: ${total} API calls (${(100 * total / TODAY).toFixed(1)}% of ${TODAY}), `
        + `read ${((t1 - t0) / 1000).toFixed(2)} s, evaluate ${((t2 - t1) / 1000).toFixed(2)} s (${report.accounts.length} accounts, ${report.chainsJudged} distinct chains)`);
      if (concurrency === 4) {
        for (const [k, v] of Object.entries(calls).sort()) console.log(`  ${k.padEnd(34)} ${v}`);
        console.log(`  each policy described once: ${calls.describePolicy === org.policies.size ? 'yes' : 'NO'} (${calls.describePolicy} DescribePolicy for ${org.policies.size} policies)`);
        console.log(`  verdicts: ${JSON.stringify(report.summary)}`);
      }
    }
  }
  const auto: Record<string, number> = {};
  const snapshot = await readOrganization(fakeApi(org, auto), { concurrency: 4 });
  console.log(`default (auto) reading chose ${snapshot.attachmentReading}: ${Object.values(auto).reduce((a, b) => a + b, 0)} calls`);

  // Evaluation: memoised per distinct chain (what the audit does) against judging every account on its own.
  const m0 = performance.now();
  const memo = auditSnapshot(snapshot);
  const m1 = performance.now();
  let probes = 0;
  for (const a of snapshot.accounts) {
    const levels = [...a.path, a].map((l) => ({
      id: l.id,
      policies: l.policyIds.map((id) => ({ name: snapshot.policies.get(id)!.name, document: snapshot.policies.get(id)!.content })),
    }));
    probes += judgeChain(levels, { account: a.id }).probeCount;
  }
  const m2 = performance.now();
  console.log(`evaluation with chain memoisation: ${((m1 - m0) / 1000).toFixed(2)} s for ${memo.accounts.length} accounts (${memo.chainsJudged} chains judged)`);
  console.log(`evaluation without memoisation:   ${((m2 - m1) / 1000).toFixed(2)} s (${probes} generated requests in all)`);
}

main().catch((e) => { console.error(e); process.exit(1); });
