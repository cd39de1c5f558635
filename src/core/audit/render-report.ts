import { AuditReport } from './audit-report';
import { Protection } from './verdict';

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}

/** The one-line detail of an account: its message, or its first failure, escape hatches and remedy. */
export function accountDetail(a: AuditReport['accounts'][number]): string {
  if (a.message) return a.message;
  const first = a.failures[0];
  const more = (a.failureCount ?? a.failures.length) - 1;
  const hatches = (a.escapeHatches ?? []).filter((h) => h.broad).length;
  const parts = first ? [`${first.description}: ${first.actual.toLowerCase()}, expected ${first.expected.toLowerCase()}${more > 0 ? ` (+${more} more)` : ''}`] : [];
  if (hatches > 0) parts.push(`${hatches} broad escape hatch${hatches > 1 ? 'es' : ''}`);
  if (a.remedies) parts.push(`Fix: ${a.remedies.join(' ')}`);
  return parts.join('; ');
}

function summaryLine(report: AuditReport): string {
  const s = report.summary;
  return `${report.accounts.length} accounts: ${s.PROTECTED} protected, ${s.PARTIAL} partial, ${s.UNPROTECTED} unprotected, `
    + `${s.NOT_COVERED} not covered (management), ${s.ERROR} error`;
}

export function renderTable(report: AuditReport): string {
  const rows = [['ACCOUNT', 'NAME', 'PATH', 'VERDICT', 'DETAIL'],
    ...report.accounts.map((a) => [a.id, a.name, a.path, a.protection, accountDetail(a)])];
  const lines = [pad(rows), '', summaryLine(report)];
  for (const f of report.readFailures) lines.push(`read failure: ${f.target}: ${f.message}`);
  return lines.join('\n');
}

function md(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * What the evidence shows and does not show, against requirements Australian
 * regulated users are commonly asked about. Deliberately worded as scope, not
 * as a finding of compliance.
 */
export interface EvidenceMappingRow { readonly id: string; readonly requirement: string; readonly shows: string; readonly doesNotShow: string }

export const EVIDENCE_MAPPING: readonly EvidenceMappingRow[] = [
  {
    id: 'ISM-1572',
    requirement: 'ISM-1572 (documenting the Regions where data is processed, stored and communicated)',
    shows: 'For each audited account, whether its service control policies, as read on the date above, deny Amazon Bedrock, Mantle, '
      + 'AgentCore and web-search requests outside ap-southeast-2 and ap-southeast-4, deny Claude Platform on AWS, and allow only au. '
      + 'inference, guardrail and data-automation profiles. It can support the documented statement of where Bedrock processing is permitted.',
    doesNotShow: 'Where data actually went (CloudTrail and the detections record that), where data is stored (S3, logs, knowledge bases), or '
      + 'processing AWS runs outside the account that no SCP can see (for example AgentCore Memory built-in strategies and built-in '
      + 'evaluators, structured-data knowledge bases). It says nothing about the management account or exempt principals beyond naming them.',
  },
  {
    id: 'ISM-1637/1638',
    requirement: 'ISM-1637 / ISM-1638 (outsourced cloud service register and its assessment)',
    shows: 'Which Bedrock-family services and Regions each account is technically limited to: input for the register entry.',
    doesNotShow: 'The assessment of the cloud service provider, contractual terms, or third parties such as model providers.',
  },
  {
    id: 'CPS 234',
    requirement: 'APRA CPS 234 paragraphs 21-23 (controls implemented) and 27 (testing control effectiveness)',
    shows: 'That a preventive control is in place on each account and was tested at the time of the report, by evaluating the attached '
      + 'policies against generated requests. Run on a schedule (PostureAuditor), the reports show the control over time.',
    doesNotShow: 'A live test against AWS: the evaluation models how AWS Organizations decides service control policies, with the '
      + 'Service Authorization Reference data dated above. It does not cover detective controls, incident response or identity policies.',
  },
  {
    id: 'CPS 230',
    requirement: 'APRA CPS 230 (material service providers; offshoring)',
    shows: 'Whether each account is prevented from having Bedrock requests processed outside Australia.',
    doesNotShow: 'Whether an arrangement is material, or any notification or approval obligation: those are judgements for the entity.',
  },
  {
    id: 'APP 8',
    requirement: 'Privacy Act 1988, APP 8 (cross-border disclosure of personal information)',
    shows: 'Preventive controls that stop prompts being sent to Bedrock-family endpoints outside Australia from the audited accounts.',
    doesNotShow: 'Whether personal information is disclosed overseas by other means (service-side processing, model-provider data '
      + 'sharing settings, exempt principals, the management account, other services). It is not legal advice on APP 8.',
  },
];

/** An evidence report an auditor can file: what was checked, when, against which policies, with what result. */
export function renderMarkdown(report: AuditReport): string {
  const out: string[] = [];
  out.push('# Amazon Bedrock residency posture: audit evidence', '');
  out.push(`- Generated: ${report.generatedAt}`);
  out.push(`- Organization: ${report.organizationId ?? 'unknown'} (root ${report.rootId}); audited target: ${report.target}`);
  out.push(`- Management account: ${report.managementAccountId ?? 'unknown'}. Service control policies never apply to it.`);
  out.push(`- Allowed origin Regions: ${report.allowedRegions.join(', ')}; Australian Regions: ap-southeast-2, ap-southeast-4`);
  out.push(`- Service data: ${report.serviceData.source} ${report.serviceData.version}, collected ${report.serviceData.collected}`);
  out.push(`- Result: ${summaryLine(report)}`, '');
  out.push('## Method', '');
  out.push('For every account, the service control policies attached along its inheritance path (root, each OU, the account) were '
    + 'read from AWS Organizations and evaluated together against requests generated from those policies. Accounts sharing the same '
    + `policies were judged once (${report.chainsJudged} distinct chains). An account is PROTECTED only when no generated request that must `
    + 'be denied is allowed and every Australian path stays open; PARTIAL when some are decided otherwise; UNPROTECTED when no request '
    + 'that must be denied is denied.', '');
  for (const line of report.standard) out.push(`- ${md(line)}`);
  out.push('', '## Policies evaluated', '');
  out.push('| name | id | SHA-256 of content | AWS managed |', '|---|---|---|---|');
  for (const p of report.policies) out.push(`| ${md(p.name)} | ${p.id} | \`${p.sha256}\` | ${p.awsManaged ? 'yes' : 'no'} |`);
  out.push('', '## Accounts', '');
  out.push('| account | name | path | verdict | escape hatches |', '|---|---|---|---|---|');
  for (const a of report.accounts) {
    const hatches = a.escapeHatches ?? [];
    const label = hatches.length === 0 ? 'none' : `${hatches.length}${hatches.some((h) => h.broad) ? ' (broad)' : ''}`;
    out.push(`| ${a.id} | ${md(a.name)} | ${md(a.path)} | **${a.protection}** | ${label} |`);
  }
  const notProtected = report.accounts.filter((a) => a.protection !== Protection.PROTECTED);
  if (notProtected.length > 0) {
    out.push('', '## Findings', '');
    for (const a of notProtected) {
      out.push(`### ${a.id} ${md(a.name)}: ${a.protection}`, '');
      if (a.message) out.push(md(a.message), '');
      for (const f of a.failures.slice(0, 10)) {
        out.push(`- ${md(f.description)}: ${f.actual}, expected ${f.expected}${f.deniedBy.length ? `; denied by ${f.deniedBy.join(', ')}` : ''}`);
      }
      const shown = Math.min(a.failures.length, 10);
      const total = a.failureCount ?? a.failures.length;
      if (total > shown) out.push(`- ... ${total - shown} more requests decided against the standard`);
      if (a.remedies) {
        out.push('', 'Remedy:', '');
        for (const r of a.remedies) out.push(`- ${md(r)}`);
      }
      out.push('', 'Policies on the path:', '');
      for (const l of a.policiesByLevel) out.push(`- ${md(l.level)}: ${l.policies.map(md).join(', ') || '(none)'}`);
      out.push('');
    }
  }
  const withHatches = report.accounts.filter((a) => (a.escapeHatches ?? []).length > 0);
  if (withHatches.length > 0) {
    out.push('', '## Escape hatches', '', 'Conditions under which a deny guarding Bedrock stops applying, per account. Broad ones can '
      + 'cover ordinary roles.', '');
    for (const a of withHatches) {
      out.push(`### ${a.id} ${md(a.name)}`, '');
      for (const h of a.escapeHatches!) {
        out.push(`- ${h.broad ? '**broad** ' : ''}${h.kind}: ${h.operator} ${md(h.key)} = ${md(h.values.join(', '))} in ${md(h.statement)} `
          + `(attached at ${h.level}): ${md(h.note)}`);
      }
      out.push('');
    }
  }
  out.push('', '## What this evidence shows and does not show', '');
  out.push('This maps the report to requirements Australian regulated entities are commonly asked about. It describes the scope of the '
    + 'evidence; it is not a compliance assessment or legal advice, and whether a requirement is met is for the entity to judge.', '');
  out.push('| requirement | this report shows | it does not show |', '|---|---|---|');
  for (const m of EVIDENCE_MAPPING) out.push(`| ${md(m.requirement)} | ${md(m.shows)} | ${md(m.doesNotShow)} |`);
  if (report.readFailures.length > 0) {
    out.push('', '## Incomplete evidence', '', 'These reads failed after retries; accounts behind them are not covered by this report:', '');
    for (const f of report.readFailures) out.push(`- ${f.target} (${f.call}): ${md(f.message)}`);
  }
  out.push('', '## Organizations API calls', '');
  if (report.attachmentReading) out.push(`Attachments were read ${report.attachmentReading === 'per-policy' ? 'per policy (ListPolicies, ListTargetsForPolicy)' : 'per root, OU and account (ListPoliciesForTarget)'}.`, '');
  for (const [k, v] of Object.entries(report.apiCalls).sort()) out.push(`- ${k}: ${v}`);
  out.push('');
  return out.join('\n');
}
