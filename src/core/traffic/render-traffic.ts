import { TrafficCallRow, TrafficReport } from './traffic-types';

const COLUMNS: readonly [string, (c: TrafficCallRow) => string][] = [
  ['Account', (c) => c.accountId],
  ['Principal', (c) => c.principalArn],
  ['Call', (c) => `${c.eventSource.replace(/\.amazonaws\.com$/, '')} ${c.eventName}`],
  ['Model', (c) => c.modelId ?? '-'],
  ['Profile', (c) => c.profilePrefix ?? '-'],
  ['From', (c) => c.sourceRegion],
  ['Served', (c) => (c.errorCode ? `(not served: ${c.errorCode})` : c.servedRegion)],
  ['Posture', (c) => (c.decision === 'DENIED' ? `DENIED by ${c.statement}` : 'ALLOWED')],
  ['SCP denied', (c) => (c.alreadyDeniedBySCP ? 'yes' : 'no')],
  ['Count', (c) => String(c.count)],
  ['Australian alternative', (c) => c.australianAlternative ?? (c.alternativeNote ? 'none' : '-')],
];

function summaryLines(r: TrafficReport): string[] {
  const s = r.summary;
  const window = r.window.from || r.window.to ? `${r.window.from ?? 'start'} to ${r.window.to ?? 'end'}` : 'every day in the source';
  return [
    `Source: ${r.source} (${window}; events from ${r.window.firstEvent ?? '-'} to ${r.window.lastEvent ?? '-'})`,
    `Posture: ${(r.posture.policies as string[] | undefined)?.join(' + ') ?? '-'}; origins ${(r.posture.allowedOriginRegions as string[] | undefined)?.join(', ') ?? '-'}`,
    `Files read: ${s.filesRead}; events read: ${s.eventsRead}; events of the governed surface: ${s.residencyEvents}`,
    `Served outside Australia: ${s.servedOutsideAustralia}; the posture would deny: ${s.wouldBeDenied}; already denied by an SCP: ${s.deniedBySCP}`,
    `Malformed files: ${s.malformedFiles}; malformed records: ${s.malformedRecords}; unreadable files: ${s.unreadableFiles}`,
  ];
}

function notes(r: TrafficReport): string[] {
  return r.calls.filter((c) => c.alternativeNote).map((c) => `${c.modelId ?? `${c.eventName} in ${c.sourceRegion}`}: ${c.alternativeNote}`)
    .filter((n, i, all) => all.indexOf(n) === i);
}

/** A plain-text report for a terminal. */
export function renderTrafficTable(r: TrafficReport): string {
  const rows = r.calls.map((c) => COLUMNS.map(([, f]) => f(c)));
  const widths = COLUMNS.map(([h], i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const out = [...summaryLines(r), ''];
  if (rows.length > 0) out.push(line(COLUMNS.map(([h]) => h)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '');
  else out.push('No call of the governed surface in the evidence.', '');
  const n = notes(r);
  if (n.length > 0) out.push('Notes:', ...n.map((x) => `  ${x}`), '');
  out.push('What this evidence cannot show:', ...r.blindSpots.map((b) => `  ${b.surface}: ${b.reason}`));
  if (r.problems.length > 0) {
    out.push('', 'Problems (the evidence is incomplete):', ...r.problems.map((p) => `  ${p.file}${p.record === null ? '' : ` record ${p.record}`}: ${p.reason}`));
  }
  return `${out.join('\n')}\n`;
}

const md = (s: string) => s.replace(/\|/g, '\\|');

/** A Markdown report, for a ticket or an evidence pack. */
export function renderTrafficMarkdown(r: TrafficReport): string {
  const out = ['# Bedrock traffic replay', '', ...summaryLines(r).map((l) => `- ${md(l)}`), ''];
  if (r.calls.length > 0) {
    out.push(`| ${COLUMNS.map(([h]) => h).join(' | ')} |`, `|${COLUMNS.map(() => ' --- ').join('|')}|`);
    for (const c of r.calls) out.push(`| ${COLUMNS.map(([, f]) => md(f(c))).join(' | ')} |`);
    out.push('');
  } else {
    out.push('No call of the governed surface in the evidence.', '');
  }
  const n = notes(r);
  if (n.length > 0) out.push('## Notes', '', ...n.map((x) => `- ${md(x)}`), '');
  if (r.timeline.length > 0) {
    out.push('## Timeline', '', '| Day | Served in | Events |', '| --- | --- | --- |', ...r.timeline.map((t) => `| ${t.day} | ${t.servedRegion} | ${t.count} |`), '');
  }
  out.push('## What this evidence cannot show', '', ...r.blindSpots.map((b) => `- **${md(b.surface)}**: ${md(b.reason)}`), '');
  if (r.problems.length > 0) {
    out.push('## Problems (the evidence is incomplete)', '', ...r.problems.map((p) => `- \`${md(p.file)}\`${p.record === null ? '' : ` record ${p.record}`}: ${md(p.reason)}`), '');
  }
  return out.join('\n');
}
