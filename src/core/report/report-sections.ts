/**
 * The body sections of the evidence report, one function each. Each returns
 * its whole `<section>`; an input that was not given still gets its section,
 * saying so and how to produce it, so a reader sees what is missing.
 */
import { barChart, timelineChart } from './charts';
import { coverageTable } from './coverage-table';
import { Disagreement, isAustralian, leftAustralia } from './cross-check';
import { evidenceMapping } from './evidence-mapping';
import { badge, code, esc, n, table } from './html';
import { renderTree } from './org-tree';
import { AuditInput, InputRole, ProbeInput, ProbeResult, ReportInputs, TrafficCall, TrafficInput } from './report-inputs';
import { describeRegion } from '../regions';

export function section(id: string, title: string, body: string): string {
  return `<section class="report-section" id="${id}" data-section="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

const PRODUCE: Record<InputRole, string> = {
  audit: 'cdk-sovereign-bedrock audit --format json > audit.json',
  traffic: 'cdk-sovereign-bedrock traffic --format json > traffic.json',
  probe: 'cdk-sovereign-bedrock probe --format json > probe.json',
};

export function absent(role: InputRole, what: string): string {
  return `<p class="absent">${badge('NOT_GIVEN', 'NOT GIVEN')} No ${what} was given, so this report says nothing about it. `
    + `Produce one with ${code(PRODUCE[role])} and pass ${code(`--${role} ${role}.json`)}.</p>`;
}

export function facts(rows: readonly [string, string][]): string {
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export function disagreementsSection(inputs: ReportInputs, found: readonly Disagreement[]): string {
  const given = (['audit', 'traffic', 'probe'] as const).filter((r) => inputs[r]);
  const checked = given.length < 2
    ? '<p class="note">Only one input was given: the inputs can be compared with each other only when two or more are given.</p>'
    : `<p class="note">Compared: ${given.join(', ')}. Checked: accounts PROTECTED in the audit with calls served outside Australia; probe paths `
      + 'reached that the audit says are denied, or denied that it says stay open; accounts present in one input and not another; '
      + 'inputs more than a month apart; summaries that do not match their own rows.</p>';
  const body = found.length === 0
    ? `<p>${badge('NO_FINDINGS', 'NO FINDINGS')} The inputs do not contradict each other.</p>`
    : `<ul class="callouts">${found.map((d) => `<li class="c-${d.kind}">${badge(d.kind, d.kind.toUpperCase())} <strong>${esc(d.title)}</strong>`
      + `<p>${esc(d.detail)}</p></li>`).join('')}</ul>`;
  return section('disagreements', 'Where the inputs disagree', body + checked);
}

export function organizationSection(audit: AuditInput | undefined): string {
  if (!audit) return section('organization', 'The organization, by verdict', absent('audit', 'organization audit'));
  const out: string[] = [];
  out.push(facts([
    ['Organization', `${esc(audit.organizationId ?? 'unknown')} (root ${code(audit.rootId)}); audited target ${code(audit.target)}`],
    ['Management account', `${esc(audit.managementAccountId ?? 'unknown')}: service control policies never apply to it`],
    ['Allowed origin Regions', esc(audit.allowedRegions.map(describeRegion).join(', '))],
  ]));
  out.push('<p>Each root and OU lists the SCPs attached to it; each account lists its own, and is judged on every policy above it too.</p>');
  out.push(renderTree(audit.accounts));
  if (audit.readFailures.length > 0) {
    out.push('<h3>Reads that failed (incomplete evidence)</h3>', table(['target', 'call', 'message'],
      audit.readFailures.map((f) => [code(f.target), esc(f.call), esc(f.message)])));
  }
  out.push('<h3>Policies evaluated</h3>', table(['name', 'id', 'SHA-256 of content', 'AWS managed'],
    audit.policies.map((p) => [esc(p.name), code(p.id), `<span class="hash">${esc(p.sha256)}</span>`, p.awsManaged ? 'yes' : 'no'])));
  return section('organization', 'The organization, by verdict', out.join(''));
}

interface Group { readonly accountId: string; readonly principalArn: string; readonly calls: TrafficCall[]; readonly count: number }

function groupCalls(calls: readonly TrafficCall[]): Group[] {
  const groups = new Map<string, TrafficCall[]>();
  for (const c of calls) {
    const key = `${c.accountId}\u0000${c.principalArn}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const group = (cs: TrafficCall[]): Group => ({
    accountId: cs[0].accountId,
    principalArn: cs[0].principalArn,
    calls: cs,
    count: cs.reduce((a, c) => a + c.count, 0),
  });
  return [...groups.values()].map(group)
    .sort((a, b) => a.accountId.localeCompare(b.accountId) || b.count - a.count || a.principalArn.localeCompare(b.principalArn));
}

const distinct = (values: readonly (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort();

export function trafficSection(traffic: TrafficInput | undefined, accountNames: Map<string, string>): string {
  if (!traffic) return section('traffic', 'Traffic: where calls were served', absent('traffic', 'traffic replay'));
  const s = traffic.summary;
  const w = traffic.window;
  const out: string[] = [];
  const name = (id: string) => (accountNames.has(id) ? `${accountNames.get(id)} (${id})` : id);
  out.push(facts([
    ['Source', esc(traffic.source)],
    ['Window', `${esc(w.from ?? 'start of the records')} to ${esc(w.to ?? 'end of the records')}; events from ${esc(w.firstEvent ?? 'none')} to ${esc(w.lastEvent ?? 'none')}`],
    ['Read', `${n(s.filesRead)} files, ${n(s.eventsRead)} events, ${n(s.residencyEvents)} relevant to residency`],
    ['Served outside Australia', `<strong>${n(s.servedOutsideAustralia)}</strong>; the posture would deny ${n(s.wouldBeDenied)}; SCPs already denied ${n(s.deniedBySCP)}`],
    ['Unreadable', `${n(s.malformedFiles)} files, ${n(s.malformedRecords)} records`],
    ['Posture judged', Object.entries(traffic.posture).map(([k, v]) => `${esc(k)}: ${esc(typeof v === 'string' ? v : JSON.stringify(v))}`).join('<br>') || '<em>not stated</em>'],
  ]));
  out.push('<h3>Calls by served Region over time</h3>', timelineChart(traffic.timeline));
  const byRegion = new Map<string, number>();
  for (const t of traffic.timeline) byRegion.set(t.servedRegion, (byRegion.get(t.servedRegion) ?? 0) + t.count);
  if (byRegion.size > 0) {
    out.push(table(['served Region', 'where', 'calls'], [...byRegion].sort((a, b) => b[1] - a[1]).map(([r, c]) => [
      esc(describeRegion(r)), badge(isAustralian(r) ? 'IN_AUSTRALIA' : 'OUTSIDE_AUSTRALIA', isAustralian(r) ? 'in Australia' : 'outside Australia'), n(c),
    ])));
  }
  const abroad = groupCalls(traffic.calls.filter(leftAustralia));
  out.push('<h3>Calls that left Australia, by account and principal</h3>');
  if (abroad.length === 0) {
    out.push(`<p>${badge('NO_FINDINGS', 'NO FINDINGS')} No call in the replay was served outside Australia.</p>`);
  } else {
    const perAccount = new Map<string, number>();
    for (const g of abroad) perAccount.set(g.accountId, (perAccount.get(g.accountId) ?? 0) + g.count);
    out.push(barChart('Calls served outside Australia, by account', [...perAccount].map(([id, v]) => ({ label: name(id), value: v }))));
    out.push(table(['account', 'principal', 'calls', 'served in', 'model or profile', 'seen (UTC)', 'the posture would', 'Australian alternative'],
      abroad.map((g) => [
        esc(name(g.accountId)), code(g.principalArn), n(g.count), distinct(g.calls.map((c) => c.servedRegion)).map(code).join(' '),
        distinct(g.calls.map((c) => c.modelId)).map(code).join(' ') || 'none recorded',
        `${esc(g.calls.map((c) => c.firstSeen).sort()[0].slice(0, 10))} to ${esc(g.calls.map((c) => c.lastSeen).sort().pop()!.slice(0, 10))}`,
        g.calls.every((c) => c.decision === 'DENIED') ? `${badge('DENIED')} ${distinct(g.calls.map((c) => c.statement)).map(code).join(' ')}`
          : g.calls.some((c) => c.decision === 'DENIED') ? `${badge('DENIED', 'DENIED (SOME)')} ${distinct(g.calls.map((c) => c.statement)).map(code).join(' ')}` : badge('ALLOWED'),
        distinct(g.calls.map((c) => c.australianAlternative)).map(code).join(' ') || 'none',
      ])));
  }
  const refused = groupCalls(traffic.calls.filter((c) => c.alreadyDeniedBySCP));
  if (refused.length > 0) {
    out.push('<h3>Attempts a service control policy refused</h3>', '<p>Evidence that the preventive control worked, and that someone tried.</p>',
      table(['account', 'principal', 'attempts', 'Region of the attempt'], refused.map((g) => [
        esc(name(g.accountId)), code(g.principalArn), n(g.count), esc(distinct(g.calls.map((c) => c.servedRegion)).map(describeRegion).join(', ')),
      ])));
  }
  if (traffic.blindSpots.length > 0) {
    out.push('<h3>What the trail could not show</h3>', table(['surface', 'why'], traffic.blindSpots.map((b) => [esc(b.surface), esc(b.reason)])));
  }
  if (traffic.problems.length > 0) {
    const shown = traffic.problems.slice(0, 50);
    out.push('<h3>Records that could not be read (incomplete evidence)</h3>', table(['file', 'record', 'reason'],
      shown.map((p) => [code(p.file), p.record === null ? 'whole file' : n(p.record), esc(p.reason)])));
    if (traffic.problems.length > shown.length) out.push(`<p class="note">The first ${shown.length} of ${n(traffic.problems.length)}.</p>`);
  }
  return section('traffic', 'Traffic: where calls were served', out.join(''));
}

export function probeResultWord(r: ProbeResult): 'PASS' | 'FAIL' | 'INCONCLUSIVE' {
  if (r.outcome === 'INCONCLUSIVE') return 'INCONCLUSIVE';
  return r.ok ? 'PASS' : 'FAIL';
}

export function probeSection(probe: ProbeInput | undefined): string {
  if (!probe) return section('probe', 'Probe: paths tried against AWS', absent('probe', 'probe run'));
  const words = probe.results.map(probeResultWord);
  const count = (w: string) => words.filter((x) => x === w).length;
  const out = [facts([
    ['Account', esc(probe.accountId ?? 'not recorded')],
    ['Caller', probe.callerArn ? code(probe.callerArn) : 'not recorded'],
    ['Origin Region', esc(describeRegion(probe.originRegion))],
    ['Run at', esc(probe.generatedAt)],
    ['Result', `${n(count('PASS'))} ${badge('PASS')} ${n(count('FAIL'))} ${badge('FAIL')} ${n(count('INCONCLUSIVE'))} ${badge('INCONCLUSIVE')}`],
  ])];
  out.push('<p>Each path is a real request to an AWS endpoint, expected to be served (ALLOWED) or refused by a service control policy (DENIED).</p>');
  out.push(probe.results.length === 0 ? '<p class="empty">The probe recorded no paths.</p>' : table(
    ['path', 'service', 'Region', 'model', 'expected', 'outcome', 'result'],
    probe.results.map((r) => [
      `${esc(r.path)}<div class="note">${esc(r.detail)}</div>`, esc(r.service), esc(describeRegion(r.region)), code(r.modelId),
      badge(r.expect), badge(r.outcome), badge(probeResultWord(r)),
    ])));
  return section('probe', 'Probe: paths tried against AWS', out.join(''));
}

export function coverageSection(): string {
  const rows = coverageTable().map((r) => [
    esc(r.path), badge(r.status, r.status === 'OPT_IN' ? 'OPT-IN' : r.status),
    r.statements.length > 0 ? r.statements.map(code).join(' ') : '-',
    `${r.mitigation ? esc(r.mitigation) : ''}${r.source ? `${r.mitigation ? '<br>' : ''}<span class="note url">${esc(r.source)}</span>` : ''}` || '-',
  ]);
  return section('coverage', 'Coverage: what is denied, and what no SCP can see', '<p>Every path by which a prompt could be processed outside Australia '
    + 'under the default posture. DENIED: a statement of the posture denies it. WORKS: an Australian path that stays open. INVISIBLE: it never reaches '
    + 'a policy in the account (or the policy does not apply), so only the mitigation helps. OPT-IN: denied when the option is turned on.</p>'
    + table(['path', 'default posture', 'statements', 'mitigation and source'], rows));
}

export function mappingSection(inputs: ReportInputs): string {
  const labels: Record<InputRole, string> = { audit: 'Audit', traffic: 'Traffic replay', probe: 'Probe' };
  const roles = ['audit', 'traffic', 'probe'] as const;
  const rows = evidenceMapping().map((m) => {
    const shows = roles.filter((r) => inputs[r]).map((r) => `<p><strong>${labels[r]}:</strong> ${esc(m.byInput[r].shows)}</p>`);
    const not = roles.map((r) => (inputs[r]
      ? `<p><strong>${labels[r]}:</strong> ${esc(m.byInput[r].doesNotShow)}</p>`
      : `<p><strong>${labels[r]}:</strong> not given. It would show: ${esc(m.byInput[r].shows)}</p>`));
    return [`<strong>${esc(m.requirement)}</strong>`, shows.join(''), not.join('')];
  });
  return section('mapping', 'What the evidence shows and does not show', '<p>This maps the evidence to requirements Australian regulated entities are '
    + 'commonly asked about. It describes the scope of the evidence; it is not a compliance assessment or legal advice, and whether a requirement is '
    + 'met is for the entity to judge.</p>' + table(['requirement', 'the evidence shows', 'it does not show'], rows, 'mapping'));
}
