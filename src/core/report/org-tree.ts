/**
 * The organization as a tree: roots and OUs with the SCPs attached at each,
 * accounts with their verdict (word and colour) and the SCPs attached to them,
 * so the policies on every account's path read top to bottom.
 */
import { badge, code, esc, n } from './html';
import { AccountResult } from '../audit/audit-report';
import { accountDetail } from '../audit/render-report';
import { Protection } from '../audit/verdict';

interface Container {
  readonly level: string;
  readonly policies: readonly string[];
  readonly children: Map<string, Container>;
  readonly accounts: AccountResult[];
}

const VERDICT_ORDER = [Protection.UNPROTECTED, Protection.PARTIAL, Protection.ERROR, Protection.NOT_COVERED, Protection.PROTECTED];

function container(level: string, policies: readonly string[]): Container {
  return { level, policies, children: new Map(), accounts: [] };
}

/** `Workloads (ou-ab12-workload)` as its name and ID. */
function splitLevel(level: string): { name: string; id?: string } {
  const m = /^(.*) \(([^()]+)\)$/.exec(level);
  return m ? { name: m[1], id: m[2] } : { name: level };
}

/** Builds the tree from each account's levels (root first, the account last). */
export function buildTree(accounts: readonly AccountResult[]): Container[] {
  const roots = new Map<string, Container>();
  for (const a of accounts) {
    const levels = a.policiesByLevel.length > 0 ? a.policiesByLevel.slice(0, -1)
      : a.path.split('/').map((name) => ({ level: name, policies: [] as string[] }));
    let siblings = roots;
    let parent: Container | undefined;
    for (const l of levels) {
      let c = siblings.get(l.level);
      if (!c) {
        c = container(l.level, l.policies);
        siblings.set(l.level, c);
      }
      parent = c;
      siblings = c.children;
    }
    if (parent) {parent.accounts.push(a);} else {
      // An account with no recorded parent still appears, under a placeholder.
      const orphan = roots.get('(no parent recorded)') ?? container('(no parent recorded)', []);
      roots.set(orphan.level, orphan);
      orphan.accounts.push(a);
    }
  }
  return [...roots.values()];
}

function tally(c: Container, into: Map<Protection, number> = new Map()): Map<Protection, number> {
  for (const a of c.accounts) into.set(a.protection, (into.get(a.protection) ?? 0) + 1);
  for (const child of c.children.values()) tally(child, into);
  return into;
}

function counts(c: Container): string {
  const t = tally(c);
  const total = [...t.values()].reduce((a, b) => a + b, 0);
  const parts = VERDICT_ORDER.filter((v) => t.has(v)).map((v) => `${n(t.get(v)!)} ${badge(v)}`);
  return `<span class="counts">${n(total)} account${total === 1 ? '' : 's'}: ${parts.join(' ')}</span>`;
}

function scps(policies: readonly string[]): string {
  return `<div class="scps">SCPs attached here: ${policies.length > 0 ? policies.map((p) => `<span class="scp">${esc(p)}</span>`).join(', ') : '<em>none</em>'}</div>`;
}

function accountItem(a: AccountResult): string {
  const own = a.policiesByLevel.length > 0 ? a.policiesByLevel[a.policiesByLevel.length - 1].policies : [];
  const detail = accountDetail(a);
  return `<li class="account acct-${esc(a.protection)}" data-account="${esc(a.id)}"><div class="node">${badge(a.protection)} `
    + `<strong>${esc(a.name)}</strong> ${code(a.id)}${scps(own)}${detail ? `<div class="detail">${esc(detail)}</div>` : ''}</div></li>`;
}

function containerItem(c: Container): string {
  const { name, id } = splitLevel(c.level);
  const kind = id?.startsWith('r-') ? 'root' : id?.startsWith('ou-') ? 'OU' : '';
  const children = [...c.children.values()].sort((a, b) => a.level.localeCompare(b.level)).map(containerItem);
  const accounts = [...c.accounts].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)).map(accountItem);
  return `<li class="container"><div class="node">${kind ? `<span class="kind">${kind}</span> ` : ''}<strong>${esc(name)}</strong>`
    + `${id ? ` ${code(id)}` : ''} ${counts(c)}${scps(c.policies)}</div><ul>${[...accounts, ...children].join('')}</ul></li>`;
}

/** The tree as nested lists. */
export function renderTree(accounts: readonly AccountResult[]): string {
  return `<ul class="tree">${buildTree(accounts).map(containerItem).join('')}</ul>`;
}
