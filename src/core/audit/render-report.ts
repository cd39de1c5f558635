import { AuditReport } from './audit-report';
import { Protection } from './verdict';

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}

function detail(a: AuditReport['accounts'][number]): string {
  if (a.message) return a.message;
  const failures = a.failures.map((f) => `${f.id}: ${f.actual.toLowerCase()}, expected ${f.expected.toLowerCase()}`).join('; ');
  return a.remedies ? `${failures}. Fix: ${a.remedies.join(' ')}` : failures;
}

function summaryLine(report: AuditReport): string {
  const s = report.summary;
  return `${report.accounts.length} accounts: ${s.PROTECTED} protected, ${s.PARTIAL} partial, ${s.UNPROTECTED} unprotected, `
    + `${s.NOT_COVERED} not covered (management), ${s.ERROR} error`;
}

export function renderTable(report: AuditReport): string {
  const rows = [['ACCOUNT', 'NAME', 'PATH', 'VERDICT', 'DETAIL'],
    ...report.accounts.map((a) => [a.id, a.name, a.path, a.protection, detail(a)])];
  const lines = [pad(rows), '', summaryLine(report)];
  for (const f of report.readFailures) lines.push(`read failure: ${f.target}: ${f.message}`);
  return lines.join('\n');
}

function md(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** An evidence report an auditor can file: what was checked, when, against which policies, with what result. */
export function renderMarkdown(report: AuditReport): string {
  const out: string[] = [];
  out.push('# Amazon Bedrock residency posture: audit evidence', '');
  out.push(`- Generated: ${report.generatedAt}`);
  out.push(`- Organization: ${report.organizationId ?? 'unknown'} (root ${report.rootId}); audited target: ${report.target}`);
  out.push(`- Management account: ${report.managementAccountId ?? 'unknown'}. Service control policies never apply to it.`);
  out.push(`- Allowed origin Regions: ${report.allowedRegions.join(', ')}; Australian Regions: ap-southeast-2, ap-southeast-4`);
  out.push(`- Result: ${summaryLine(report)}`, '');
  out.push('## Method', '');
  out.push('For every account, the service control policies attached along its inheritance path (root, each OU, the account) were '
    + 'read from AWS Organizations and evaluated together against the requests below, the authorisation legs of real Bedrock calls. '
    + 'An account is PROTECTED when every request is decided as expected; PARTIAL when some are not; UNPROTECTED when no request that '
    + 'must be denied is denied.', '');
  out.push('| probe | request | expected |', '|---|---|---|');
  for (const p of report.probes) out.push(`| ${p.id} | ${md(p.description)} | ${p.expect} |`);
  out.push('', '## Policies evaluated', '');
  out.push('| name | id | SHA-256 of content | AWS managed |', '|---|---|---|---|');
  for (const p of report.policies) out.push(`| ${md(p.name)} | ${p.id} | \`${p.sha256}\` | ${p.awsManaged ? 'yes' : 'no'} |`);
  out.push('', '## Accounts', '');
  out.push('| account | name | path | verdict |', '|---|---|---|---|');
  for (const a of report.accounts) out.push(`| ${a.id} | ${md(a.name)} | ${md(a.path)} | **${a.protection}** |`);
  const notProtected = report.accounts.filter((a) => a.protection !== Protection.PROTECTED);
  if (notProtected.length > 0) {
    out.push('', '## Findings', '');
    for (const a of notProtected) {
      out.push(`### ${a.id} ${md(a.name)}: ${a.protection}`, '');
      if (a.message) out.push(a.message, '');
      for (const f of a.failures) {
        out.push(`- ${f.id} (${md(f.description)}): ${f.actual}, expected ${f.expected}${f.deniedBy.length ? `; denied by ${f.deniedBy.join(', ')}` : ''}`);
      }
      if (a.remedies) {
        out.push('', 'Remedy:', '');
        for (const r of a.remedies) out.push(`- ${md(r)}`);
      }
      out.push('', 'Policies on the path:', '');
      for (const l of a.policiesByLevel) out.push(`- ${md(l.level)}: ${l.policies.map(md).join(', ') || '(none)'}`);
      out.push('');
    }
  }
  if (report.readFailures.length > 0) {
    out.push('', '## Incomplete evidence', '', 'These reads failed after retries; accounts behind them are not covered by this report:', '');
    for (const f of report.readFailures) out.push(`- ${f.target} (${f.call}): ${md(f.message)}`);
  }
  out.push('', '## Organizations API calls', '');
  for (const [k, v] of Object.entries(report.apiCalls).sort()) out.push(`- ${k}: ${v}`);
  out.push('');
  return out.join('\n');
}
