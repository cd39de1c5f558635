/**
 * One self-contained HTML evidence report from any of the audit, the traffic
 * replay and the probe: inline CSS and SVG, no script, no external resource,
 * so it opens offline, files as one document and prints to A4.
 */
import { SVG_DEFS } from './charts';
import { Disagreement, leftAustralia } from './cross-check';
import { badge, code, esc, n, table } from './html';
import { ReportInputs, InputRole, ROLE_KIND, LoadedInput } from './report-inputs';
import {
  absent, coverageSection, disagreementsSection, facts, mappingSection, organizationSection, probeResultWord, probeSection, section, trafficSection,
} from './report-sections';
import { REPORT_CSS } from './report-style';
import { Protection } from '../audit/verdict';

export interface RenderOptions {
  /** The version of the tool writing the report. */
  readonly toolVersion: string;
  /** Clock, for reproducible reports. */
  readonly now?: Date;
}

/** The report's overall result: the worst of its inputs, as the commands' exit codes rank them. */
export interface ReportStatus {
  /** 0 nothing found; 1 a finding; 2 incomplete evidence (takes precedence, like the audit's). */
  readonly exitCode: 0 | 1 | 2;
  readonly findings: string[];
  readonly incomplete: string[];
}

export function reportStatus(inputs: ReportInputs, disagreements: readonly Disagreement[]): ReportStatus {
  const findings: string[] = [];
  const incomplete: string[] = [];
  const a = inputs.audit?.data;
  if (a) {
    const bad = a.summary.PARTIAL + a.summary.UNPROTECTED;
    if (bad > 0) findings.push(`${n(bad)} account${bad === 1 ? '' : 's'} not protected (audit)`);
    if (a.summary.ERROR > 0) incomplete.push(`${n(a.summary.ERROR)} account${a.summary.ERROR === 1 ? '' : 's'} could not be evaluated (audit)`);
    if (a.readFailures.length > 0) incomplete.push(`${n(a.readFailures.length)} Organizations reads failed (audit)`);
  }
  const t = inputs.traffic?.data;
  if (t) {
    const abroad = t.calls.filter(leftAustralia).reduce((s, c) => s + c.count, 0);
    if (abroad > 0) findings.push(`${n(abroad)} call${abroad === 1 ? '' : 's'} served outside Australia (traffic replay)`);
    const unread = t.summary.malformedFiles + t.summary.malformedRecords;
    if (unread > 0 || t.problems.length > 0) incomplete.push(`${n(Math.max(unread, t.problems.length))} trail files or records could not be read (traffic replay)`);
  }
  const p = inputs.probe?.data;
  if (p) {
    const words = p.results.map(probeResultWord);
    const failed = words.filter((w) => w === 'FAIL').length;
    const inconclusive = words.filter((w) => w === 'INCONCLUSIVE').length;
    if (failed > 0) findings.push(`${n(failed)} probe path${failed === 1 ? '' : 's'} decided against expectation (probe)`);
    if (inconclusive > 0) incomplete.push(`${n(inconclusive)} probe path${inconclusive === 1 ? '' : 's'} inconclusive (probe)`);
  }
  const contradictions = disagreements.filter((d) => d.kind === 'contradiction').length;
  if (contradictions > 0) findings.push(`${n(contradictions)} contradiction${contradictions === 1 ? '' : 's'} between the inputs`);
  const exitCode = incomplete.length > 0 ? 2 : findings.length > 0 ? 1 : 0;
  return { exitCode, findings, incomplete };
}

function glance(inputs: ReportInputs, disagreements: readonly Disagreement[], status: ReportStatus): string {
  const word = status.exitCode === 2 ? 'INCOMPLETE_EVIDENCE' : status.exitCode === 1 ? 'FINDINGS' : 'NO_FINDINGS';
  const lines = [...status.findings, ...status.incomplete];
  const out = [`<p class="result">Result: ${badge(word, word.replace(/_/g, ' '))} ${lines.length > 0 ? esc(lines.join('; ')) : 'nothing was found that needs attention in the inputs given.'}</p>`];
  const cards: string[] = [];
  const a = inputs.audit?.data;
  cards.push(`<div class="card"><h3>Audit</h3>${a
    ? `<div class="big">${n(a.accounts.length)} accounts</div>${[Protection.PROTECTED, Protection.PARTIAL, Protection.UNPROTECTED, Protection.NOT_COVERED, Protection.ERROR]
      .map((v) => `${n(a.summary[v])} ${badge(v)}`).join(' ')}<p class="note">as judged on ${esc(a.generatedAt)}</p>`
    : badge('NOT_GIVEN', 'NOT GIVEN')}</div>`);
  const t = inputs.traffic?.data;
  const abroad = t ? t.calls.filter(leftAustralia).reduce((s, c) => s + c.count, 0) : 0;
  cards.push(`<div class="card"><h3>Traffic replay</h3>${t
    ? `<div class="big">${n(abroad)} served abroad</div>${badge(abroad > 0 ? 'OUTSIDE_AUSTRALIA' : 'IN_AUSTRALIA', abroad > 0 ? 'OUTSIDE AUSTRALIA' : 'IN AUSTRALIA')}`
      + ` of ${n(t.summary.residencyEvents)} relevant events<p class="note">${esc(t.window.from ?? t.window.firstEvent ?? '?')} to ${esc(t.window.to ?? t.window.lastEvent ?? '?')}</p>`
    : badge('NOT_GIVEN', 'NOT GIVEN')}</div>`);
  const p = inputs.probe?.data;
  if (p) {
    const words = p.results.map(probeResultWord);
    cards.push(`<div class="card"><h3>Probe</h3><div class="big">${n(p.results.length)} paths</div>`
      + `${(['PASS', 'FAIL', 'INCONCLUSIVE'] as const).map((w) => `${n(words.filter((x) => x === w).length)} ${badge(w)}`).join(' ')}`
      + `<p class="note">account ${esc(p.accountId ?? 'not recorded')}, ${esc(p.generatedAt)}</p></div>`);
  } else {
    cards.push(`<div class="card"><h3>Probe</h3>${badge('NOT_GIVEN', 'NOT GIVEN')}</div>`);
  }
  const contradictions = disagreements.filter((d) => d.kind === 'contradiction').length;
  cards.push(`<div class="card"><h3>Between the inputs</h3><div class="big">${n(contradictions)} contradiction${contradictions === 1 ? '' : 's'}</div>`
    + `${n(disagreements.length - contradictions)} other difference${disagreements.length - contradictions === 1 ? '' : 's'} of scope or integrity</div>`);
  out.push(`<div class="cards">${cards.join('')}</div>`);
  return section('at-a-glance', 'At a glance', out.join(''));
}

function dataDates(input: LoadedInput<unknown>, inputs: ReportInputs): string {
  if (input.role === 'audit') {
    const a = inputs.audit!.data;
    return `policies read ${esc(a.generatedAt)}; Service Authorization Reference data ${esc(a.serviceData.version)} of ${esc(a.serviceData.collected)}`;
  }
  if (input.role === 'traffic') {
    const w = inputs.traffic!.data.window;
    return `window ${esc(w.from ?? '-')} to ${esc(w.to ?? '-')}; events ${esc(w.firstEvent ?? '-')} to ${esc(w.lastEvent ?? '-')}`;
  }
  return `requests sent ${esc(inputs.probe!.data.generatedAt)}`;
}

function generatedBy(role: InputRole, inputs: ReportInputs): [string, string] {
  if (role === 'audit') {
    const a = inputs.audit!.data;
    return [a.generatedAt, a.tool ? `${a.tool.name} ${a.tool.version}` : 'not recorded (audit file without a header)'];
  }
  const d = (role === 'traffic' ? inputs.traffic! : inputs.probe!).data;
  return [d.generatedAt, `${d.tool.name} ${d.tool.version}`];
}

function methodSection(inputs: ReportInputs, options: RenderOptions, generatedAt: string): string {
  const roles = (['audit', 'traffic', 'probe'] as const).filter((r) => inputs[r]);
  const out: string[] = [];
  out.push(facts([
    ['Report written', `${esc(generatedAt)} by cdk-sovereign-bedrock ${esc(options.toolVersion)}`],
    ['Self-contained', 'this file loads nothing from the network and runs no script; the charts are inline SVG'],
  ]));
  out.push('<h3>Inputs</h3>', table(['input', 'file', 'kind', 'SHA-256 of the file', 'size', 'written', 'by', 'data dates'], roles.map((r) => {
    const input = inputs[r]! as LoadedInput<unknown>;
    const [at, by] = generatedBy(r, inputs);
    const kind = r === 'audit' && !inputs.audit!.data.kind ? `${ROLE_KIND[r]} (no header; recognised by its shape)` : `${ROLE_KIND[r]} v1`;
    return [esc(r), code(input.file), esc(kind), `<span class="hash">${esc(input.sha256)}</span>`, `${n(input.bytes)} bytes`, esc(at), esc(by), dataDates(input, inputs)];
  })));
  out.push('<p class="note">Check a file against this report with <code>sha256sum FILE</code> (or <code>shasum -a 256 FILE</code>).</p>');
  out.push('<h3>How each input was produced</h3>');
  const a = inputs.audit?.data;
  out.push(a
    ? '<p><strong>Audit.</strong> For every account, the service control policies attached along its inheritance path (root, each OU, the account) were read from AWS Organizations '
      + 'and evaluated together against requests generated from those policies. Accounts sharing the same policies were judged once '
      + `(${n(a.chainsJudged)} distinct chains). An account is PROTECTED only when no generated request that must be denied is allowed and every Australian path stays open; `
      + 'PARTIAL when some are decided otherwise; UNPROTECTED when no request that must be denied is denied. The standard:</p>'
      + `<ul>${a.standard.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`
    : absent('audit', 'organization audit'));
  const t = inputs.traffic?.data;
  out.push(t
    ? `<p><strong>Traffic replay.</strong> CloudTrail records from ${esc(t.source)} were read (${n(t.summary.filesRead)} files, ${n(t.summary.eventsRead)} events) and each `
      + 'Bedrock call was placed in the Region CloudTrail records as serving it, then judged against the posture stated in the traffic section. It shows what the trail recorded, nothing more.</p>'
    : absent('traffic', 'traffic replay'));
  const p = inputs.probe?.data;
  out.push(p
    ? `<p><strong>Probe.</strong> From ${esc(p.originRegion)}, as ${p.callerArn ? code(p.callerArn) : 'an unrecorded caller'}, real requests were sent to AWS endpoints for each path `
      + 'and the answer classified: served (REACHED), refused by a service control policy (DENIED_BY_SCP), refused for another reason (DENIED_OTHER), or INCONCLUSIVE.</p>'
    : absent('probe', 'probe run'));
  return section('method', 'Method, dates, versions and inputs', out.join(''));
}

/** Renders the report. `disagreements` come from `crossCheck(inputs)`. */
export function renderReportHtml(inputs: ReportInputs, disagreements: readonly Disagreement[], options: RenderOptions): string {
  if (!inputs.audit && !inputs.traffic && !inputs.probe) throw new Error('renderReportHtml needs at least one input');
  const generatedAt = (options.now ?? new Date()).toISOString();
  const status = reportStatus(inputs, disagreements);
  const names = new Map((inputs.audit?.data.accounts ?? []).map((a) => [a.id, a.name]));
  const org = inputs.audit?.data.organizationId;
  const body = [
    `<header><h1>Amazon Bedrock residency: evidence report</h1><p class="subtitle">${org ? `Organization ${esc(org)}. ` : ''}`
      + `Written ${esc(generatedAt)} by cdk-sovereign-bedrock ${esc(options.toolVersion)} from: `
      + `${(['audit', 'traffic', 'probe'] as const).filter((r) => inputs[r]).map((r) => `${r} ${code(inputs[r]!.file)}`).join(', ')}.</p></header>`,
    glance(inputs, disagreements, status),
    disagreementsSection(inputs, disagreements),
    organizationSection(inputs.audit?.data),
    trafficSection(inputs.traffic?.data, names),
    probeSection(inputs.probe?.data),
    coverageSection(),
    mappingSection(inputs),
    methodSection(inputs, options, generatedAt),
    `<footer>Generated by cdk-sovereign-bedrock ${esc(options.toolVersion)}. Verdicts are written as words; colours and border styles repeat them.</footer>`,
  ];
  return '<!DOCTYPE html>\n<html lang="en-AU"><head><meta charset="utf-8">'
    // No script, no external fetch: the policy says so to the browser too.
    + '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<meta name="generator" content="cdk-sovereign-bedrock ${esc(options.toolVersion)}">`
    + `<title>Bedrock residency evidence${org ? ` - ${esc(org)}` : ''} - ${esc(generatedAt.slice(0, 10))}</title>`
    + `<style>${REPORT_CSS}</style></head><body>${SVG_DEFS}${body.join('\n')}</body></html>\n`;
}
