/**
 * Where the inputs contradict each other. The audit models the policies, the
 * traffic replay reads what CloudTrail recorded, the probe asks AWS itself:
 * when they disagree, the report says so in its own section rather than
 * letting one input's verdict stand for all three.
 */
import { Protection } from '../audit/verdict';
import { AUSTRALIA } from '../geography';
import { AuditInput, ProbeInput, ReportInputs, TrafficCall, TrafficInput } from './report-inputs';

export interface Disagreement {
  /** `contradiction`: the inputs cannot all be right; `scope`: they cover different things; `integrity`: an input disagrees with itself. */
  readonly kind: 'contradiction' | 'scope' | 'integrity';
  readonly title: string;
  readonly detail: string;
}

/** The inputs cannot describe the same organization, so no report combining them is evidence of anything. */
export class ReportMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportMismatchError';
  }
}

const DAY_MS = 86_400_000;
/** Inputs further apart than this are called out: the organization may have changed in between. */
export const MAX_SPREAD_DAYS = 31;

export function isAustralian(region: string): boolean {
  return AUSTRALIA.homeRegions.includes(region);
}

/** A call that CloudTrail records as served outside Australia: it did not fail (no SCP or other error refused it). */
export function leftAustralia(c: TrafficCall): boolean {
  return !isAustralian(c.servedRegion) && !c.alreadyDeniedBySCP && (c.errorCode ?? null) === null;
}

function wholeOrganization(audit: AuditInput): boolean {
  return audit.target === audit.rootId;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-AU')} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The organization ID in an organization trail's S3 location
 * (`.../AWSLogs/o-exampleorgid/111122223333/CloudTrail/...`), when the replay's source names one.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
 */
export function trailOrganizationId(source: string): string | undefined {
  return /(?:^|\/)AWSLogs\/(o-[a-z0-9]{10,32})(?:\/|$)/.exec(source)?.[1];
}

function auditVsTraffic(audit: AuditInput, traffic: TrafficInput, out: Disagreement[]) {
  const trailOrg = trailOrganizationId(traffic.source);
  if (trailOrg && audit.organizationId && trailOrg !== audit.organizationId) {
    throw new ReportMismatchError(`the traffic replay read the organization trail of ${trailOrg} (${traffic.source}), but the audit read `
      + `organization ${audit.organizationId}: the two files cannot describe the same organization.`);
  }
  const accounts = new Map(audit.accounts.map((a) => [a.id, a]));
  const byAccount = new Map<string, TrafficCall[]>();
  for (const c of traffic.calls) {
    if (!leftAustralia(c)) continue;
    const list = byAccount.get(c.accountId);
    if (list) list.push(c);
    else byAccount.set(c.accountId, [c]);
  }
  const trafficAccounts = [...new Set(traffic.calls.map((c) => c.accountId))].sort();
  const outside = trafficAccounts.filter((id) => !accounts.has(id));
  if (trafficAccounts.length > 0 && outside.length === trafficAccounts.length && wholeOrganization(audit)) {
    throw new ReportMismatchError(`the traffic replay's accounts (${trafficAccounts.slice(0, 5).join(', ')}${trafficAccounts.length > 5 ? ', ...' : ''}) `
      + `are none of the ${audit.accounts.length} accounts of organization ${audit.organizationId ?? audit.rootId} that the audit read: `
      + 'the two files cannot describe the same organization. Pass the audit and the trail of the same organization.');
  }
  if (outside.length > 0) {
    out.push({
      kind: 'scope',
      title: `${plural(outside.length, 'account')} in the traffic replay ${outside.length === 1 ? 'is' : 'are'} not in the audit`,
      detail: `${outside.join(', ')}: ${wholeOrganization(audit)
        ? 'the audit read the whole organization, so these accounts joined after it ran, left it, or belong to another organization.'
        : `the audit covered ${audit.target} only; these accounts were not judged.`}`,
    });
  }
  for (const a of audit.accounts) {
    const abroad = byAccount.get(a.id) ?? [];
    if (abroad.length === 0) continue;
    const count = abroad.reduce((n, c) => n + c.count, 0);
    const regions = [...new Set(abroad.map((c) => c.servedRegion))].sort().join(', ');
    const last = abroad.map((c) => c.lastSeen).sort().pop()!;
    const predates = Date.parse(last) < Date.parse(audit.generatedAt);
    if (a.protection === Protection.PROTECTED) {
      out.push({
        kind: 'contradiction',
        title: `${a.name} (${a.id}) is PROTECTED in the audit, but ${plural(count, 'call')} ${count === 1 ? 'was' : 'were'} served outside Australia`,
        detail: `Served in ${regions}, last on ${last}. ${predates
          ? 'The calls predate the audit: the policies may have been attached after them. Compare the SHA-256 of the policies with those in force at the time.'
          : 'The calls were served after the audit judged the account protected: the policies have changed since, or a path escapes the policies as the audit models them. Investigate before relying on the audit.'}`,
      });
    } else if (a.protection === Protection.NOT_COVERED) {
      out.push({
        kind: 'scope',
        title: `${plural(count, 'call')} served outside Australia from the management account ${a.name} (${a.id})`,
        detail: `Served in ${regions}. Service control policies never apply to the management account, so no policy could have denied them.`,
      });
    }
  }
}

function auditVsProbe(audit: AuditInput, probe: ProbeInput, out: Disagreement[]) {
  if (probe.accountId === null) {
    out.push({ kind: 'scope', title: 'The probe did not record its account', detail: 'Its results cannot be set against the audit\'s verdict for any account.' });
    return;
  }
  const account = audit.accounts.find((a) => a.id === probe.accountId);
  if (!account) {
    if (wholeOrganization(audit)) {
      throw new ReportMismatchError(`the probe ran in account ${probe.accountId}, which is not one of the ${audit.accounts.length} accounts of `
        + `organization ${audit.organizationId ?? audit.rootId} that the audit read: the two files cannot describe the same organization.`);
    }
    out.push({ kind: 'scope', title: `The probe's account ${probe.accountId} is not in the audit`, detail: `The audit covered ${audit.target} only.` });
    return;
  }
  if (account.protection !== Protection.PROTECTED) return;
  for (const r of probe.results) {
    if (r.expect === 'DENIED' && r.outcome === 'REACHED') {
      out.push({
        kind: 'contradiction',
        title: `Probe path "${r.path}" was reached, but the audit judges ${account.name} (${account.id}) PROTECTED`,
        detail: `${r.service} in ${r.region} with ${r.modelId}: the audit expects every such request to be denied. ${r.detail}`,
      });
    }
    if (r.expect === 'ALLOWED' && r.outcome === 'DENIED_BY_SCP') {
      out.push({
        kind: 'contradiction',
        title: `Probe path "${r.path}" was denied by an SCP, but the audit says Australian paths stay open in ${account.name} (${account.id})`,
        detail: `${r.service} in ${r.region} with ${r.modelId}. ${r.detail}`,
      });
    }
  }
}

function trafficVsProbe(traffic: TrafficInput, probe: ProbeInput, out: Disagreement[]) {
  if (probe.accountId === null || traffic.calls.length === 0) return;
  if (!traffic.calls.some((c) => c.accountId === probe.accountId)) {
    out.push({
      kind: 'scope',
      title: `The traffic replay has no calls from the probe's account ${probe.accountId}`,
      detail: 'The probe tested an account whose recorded traffic is not in the replay (or that made no residency-relevant calls in its window).',
    });
  }
}

function spread(inputs: ReportInputs, out: Disagreement[]) {
  const dates: [string, string][] = [];
  if (inputs.audit) dates.push(['audit', inputs.audit.data.generatedAt]);
  if (inputs.traffic) dates.push(['traffic replay (last event)', inputs.traffic.data.window.lastEvent ?? inputs.traffic.data.generatedAt]);
  if (inputs.probe) dates.push(['probe', inputs.probe.data.generatedAt]);
  if (dates.length < 2) return;
  const sorted = [...dates].sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]));
  const days = (Date.parse(sorted[sorted.length - 1][1]) - Date.parse(sorted[0][1])) / DAY_MS;
  if (days > MAX_SPREAD_DAYS) {
    out.push({
      kind: 'scope',
      title: `The inputs are ${Math.round(days)} days apart`,
      detail: `${sorted.map(([n, d]) => `${n}: ${d}`).join('; ')}. The organization may have changed in between; each input speaks for its own date.`,
    });
  }
}

function selfConsistency(inputs: ReportInputs, out: Disagreement[]) {
  const p = inputs.probe?.data;
  if (p) {
    const failed = p.results.filter((r) => !r.ok && r.outcome !== 'INCONCLUSIVE').length;
    const inconclusive = p.results.filter((r) => r.outcome === 'INCONCLUSIVE').length;
    const passed = p.results.filter((r) => r.ok).length;
    if (p.summary.passed !== passed || p.summary.failed !== failed || p.summary.inconclusive !== inconclusive) {
      out.push({
        kind: 'integrity',
        title: 'The probe\'s summary does not match its results',
        detail: `summary: ${p.summary.passed} passed, ${p.summary.failed} failed, ${p.summary.inconclusive} inconclusive; `
          + `results: ${passed} passed, ${failed} failed, ${inconclusive} inconclusive. This report counts the results.`,
      });
    }
  }
  const versions = new Set([inputs.audit?.data.tool?.version, inputs.traffic?.data.tool.version, p?.tool.version].filter((v) => v !== undefined));
  if (versions.size > 1) {
    out.push({ kind: 'scope', title: 'The inputs were written by different versions of the tool', detail: `${[...versions].join(', ')}: the standards they judge by may differ.` });
  }
}

/**
 * Compares the inputs with each other. Throws {@link ReportMismatchError} when
 * they cannot be about the same organization (the audit read the whole
 * organization and none of the other input's accounts is in it); returns the
 * contradictions and differences of scope otherwise.
 */
export function crossCheck(inputs: ReportInputs): Disagreement[] {
  const out: Disagreement[] = [];
  const audit = inputs.audit?.data;
  const traffic = inputs.traffic?.data;
  const probe = inputs.probe?.data;
  if (audit && traffic) auditVsTraffic(audit, traffic, out);
  if (audit && probe) auditVsProbe(audit, probe, out);
  if (traffic && probe) trafficVsProbe(traffic, probe, out);
  spread(inputs, out);
  selfConsistency(inputs, out);
  // Contradictions first: they are what a reviewer must not miss.
  const rank = { contradiction: 0, integrity: 1, scope: 2 };
  return out.map((d, i) => ({ d, i })).sort((a, b) => rank[a.d.kind] - rank[b.d.kind] || a.i - b.i).map(({ d }) => d);
}
