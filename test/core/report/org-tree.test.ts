import { buildTree, renderTree } from '../../../src/core/report/org-tree';
import { auditDoc } from '../../helpers/report-fixtures';

test('accounts hang under the OUs of their path, each level with its own SCPs', () => {
  const [root] = buildTree(auditDoc().accounts);
  expect(root.level).toBe('Root (r-ab12)');
  expect(root.accounts.map((a) => a.name)).toEqual(['management']);
  expect([...root.children.values()].map((c) => [c.level, c.policies, c.accounts.map((a) => a.name)])).toEqual([
    ['Workloads (ou-ab12-workload)', ['FullAWSAccess', 'bedrock-au-residency'], ['prod-app']],
    ['Sandbox (ou-ab12-sandboxx)', ['FullAWSAccess'], ['sandbox-1']],
  ]);
});

test('each OU counts the verdicts below it; each account shows its verdict, SCPs and detail', () => {
  const html = renderTree(auditDoc().accounts);
  expect(html).toContain('<span class="kind">root</span> <strong>Root</strong> <code>r-ab12</code> <span class="counts">3 accounts: '
    + '1 <span class="verdict v-UNPROTECTED" data-verdict="UNPROTECTED">UNPROTECTED</span>');
  expect(html).toContain('<li class="account acct-UNPROTECTED" data-account="555555555555"><div class="node"><span class="verdict v-UNPROTECTED" '
    + 'data-verdict="UNPROTECTED">UNPROTECTED</span> <strong>sandbox-1</strong> <code>555555555555</code><div class="scps">SCPs attached here: '
    + '<span class="scp">FullAWSAccess</span></div><div class="detail">bedrock:InvokeModel in us-east-1: allowed, expected denied (+39 more)</div>');
});

test('an account without recorded levels falls back to its path; one without a parent still appears', () => {
  const [a, b] = auditDoc().accounts;
  const tree = buildTree([{ ...a, policiesByLevel: [] }, { ...b, policiesByLevel: [b.policiesByLevel[2]] }]);
  expect(tree.map((c) => c.level)).toEqual(['Root', '(no parent recorded)']);
});
