/**
 * The three JSON documents the evidence report reads, their identifying
 * headers, and the checks that turn a wrong, malformed or hand-edited file into
 * a named error before anything is rendered (fail closed: a report built from a
 * misread input would be evidence of the wrong thing).
 */
import { createHash } from 'crypto';
import { AuditReport } from '../audit/audit-report';
import { Protection } from '../audit/verdict';
import { ACCOUNT_ID } from '../identifiers';

export const AUDIT_KIND = 'cdk-sovereign-bedrock/audit';
export const TRAFFIC_KIND = 'cdk-sovereign-bedrock/traffic';
export const PROBE_KIND = 'cdk-sovereign-bedrock/probe';
/** The schema version of each kind this report understands. */
export const SCHEMA_VERSION = 1;

export type InputRole = 'audit' | 'traffic' | 'probe';

export const ROLE_KIND: Record<InputRole, string> = { audit: AUDIT_KIND, traffic: TRAFFIC_KIND, probe: PROBE_KIND };
const KIND_ROLE: Record<string, InputRole> = { [AUDIT_KIND]: 'audit', [TRAFFIC_KIND]: 'traffic', [PROBE_KIND]: 'probe' };
/** What each kind is, in words, for error messages. */
export const ROLE_TITLE: Record<InputRole, string> = {
  audit: 'an audit report (cdk-sovereign-bedrock audit --format json)',
  traffic: 'a traffic replay (cdk-sovereign-bedrock traffic --format json)',
  probe: 'a probe run (cdk-sovereign-bedrock probe --format json)',
};

export interface ToolInfo { readonly name: string; readonly version: string }

/** The audit's JSON with its header (files written before the header existed carry none). */
export interface AuditInput extends AuditReport {
  readonly kind?: string;
  readonly schemaVersion?: number;
  readonly tool?: ToolInfo;
}

export interface TrafficCall {
  readonly accountId: string;
  readonly principalArn: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly modelId: string | null;
  /** `au.`, `apac.`, ... `application`, or null for a call without a profile. */
  readonly profilePrefix: string | null;
  readonly sourceRegion: string;
  readonly servedRegion: string;
  /** What the posture would decide. */
  readonly decision: 'ALLOWED' | 'DENIED';
  readonly statement: string | null;
  readonly alreadyDeniedBySCP: boolean;
  /** The call's CloudTrail errorCode when it failed (it was then served nowhere); absent in older replays. */
  readonly errorCode?: string | null;
  readonly count: number;
  readonly australianAlternative: string | null;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

export interface TrafficWindow {
  readonly from: string | null;
  readonly to: string | null;
  readonly firstEvent: string | null;
  readonly lastEvent: string | null;
}

export interface TrafficInput {
  readonly kind: string;
  readonly schemaVersion: number;
  readonly tool: ToolInfo;
  readonly generatedAt: string;
  readonly window: TrafficWindow;
  readonly source: string;
  readonly posture: Record<string, unknown>;
  readonly summary: {
    readonly filesRead: number;
    readonly eventsRead: number;
    readonly residencyEvents: number;
    readonly servedOutsideAustralia: number;
    readonly wouldBeDenied: number;
    readonly deniedBySCP: number;
    readonly malformedFiles: number;
    readonly malformedRecords: number;
  };
  readonly calls: TrafficCall[];
  readonly timeline: { readonly day: string; readonly servedRegion: string; readonly count: number }[];
  readonly blindSpots: { readonly surface: string; readonly reason: string }[];
  readonly problems: { readonly file: string; readonly record: number | null; readonly reason: string }[];
}

export type ProbeOutcomeWord = 'REACHED' | 'DENIED_BY_SCP' | 'DENIED_OTHER' | 'INCONCLUSIVE';

export interface ProbeResult {
  readonly path: string;
  readonly service: string;
  readonly region: string;
  readonly modelId: string;
  readonly expect: 'ALLOWED' | 'DENIED';
  readonly outcome: ProbeOutcomeWord;
  readonly ok: boolean;
  readonly detail: string;
}

export interface ProbeInput {
  readonly kind: string;
  readonly schemaVersion: number;
  readonly tool: ToolInfo;
  readonly generatedAt: string;
  readonly accountId: string | null;
  readonly callerArn: string | null;
  readonly originRegion: string;
  readonly results: ProbeResult[];
  readonly summary: { readonly passed: number; readonly failed: number; readonly inconclusive: number };
}

/** One input as read: the parsed document, and what identifies the file itself. */
export interface LoadedInput<T> {
  readonly role: InputRole;
  /** The file's name as shown in the report. */
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly data: T;
}

export interface ReportInputs {
  readonly audit?: LoadedInput<AuditInput>;
  readonly traffic?: LoadedInput<TrafficInput>;
  readonly probe?: LoadedInput<ProbeInput>;
}

/** A file that is not valid JSON, not of the kind its flag expects, or does not have that kind's shape. */
export class ReportInputError extends Error {
  constructor(readonly role: InputRole, readonly file: string, readonly problems: readonly string[]) {
    super(`--${role} ${file}: ${problems.length === 1 ? problems[0] : `not ${ROLE_TITLE[role]}:\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'ReportInputError';
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Collects shape problems, with the JSON path of each, so one error lists them all. */
class Shape {
  readonly problems: string[] = [];
  private at(path: string, what: string, value: unknown) {
    // Enough to find the field; a file with thousands of bad rows must not produce a thousand-line error.
    if (this.problems.length < 12) this.problems.push(`${path}: expected ${what}, got ${describe(value)}`);
  }
  obj(path: string, v: unknown): v is Record<string, unknown> {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return true;
    this.at(path, 'an object', v);
    return false;
  }
  arr(path: string, v: unknown, each?: (item: unknown, path: string) => void): v is unknown[] {
    if (!Array.isArray(v)) {
      this.at(path, 'an array', v);
      return false;
    }
    if (each) v.forEach((item, i) => each(item, `${path}[${i}]`));
    return true;
  }
  str(path: string, v: unknown, opts: { nullable?: boolean; pattern?: RegExp; form?: string; oneOf?: readonly string[] } = {}) {
    if (v === null && opts.nullable) return;
    if (typeof v !== 'string') return this.at(path, `a string${opts.nullable ? ' or null' : ''}`, v);
    if (opts.oneOf && !opts.oneOf.includes(v)) return this.at(path, `one of ${opts.oneOf.join(', ')}`, v);
    if (opts.pattern && !opts.pattern.test(v)) return this.at(path, opts.form ?? `a string matching ${opts.pattern}`, v);
  }
  time(path: string, v: unknown, nullable = false) {
    this.str(path, v, { nullable, pattern: ISO_TIME, form: 'an ISO 8601 time such as 2026-11-22T03:00:00Z' });
    if (typeof v === 'string' && ISO_TIME.test(v) && Number.isNaN(Date.parse(v))) this.at(path, 'a real date', v);
  }
  num(path: string, v: unknown) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || !Number.isInteger(v)) this.at(path, 'a whole number of 0 or more', v);
  }
  bool(path: string, v: unknown) {
    if (typeof v !== 'boolean') this.at(path, 'true or false', v);
  }
  strings(path: string, v: unknown) {
    this.arr(path, v, (s, p) => this.str(p, s));
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function checkTool(s: Shape, v: unknown) {
  if (s.obj('tool', v)) {
    s.str('tool.name', v.name);
    s.str('tool.version', v.version);
  }
}

function checkAudit(s: Shape, d: Record<string, unknown>) {
  if (d.tool !== undefined) checkTool(s, d.tool);
  s.time('generatedAt', d.generatedAt);
  s.str('rootId', d.rootId);
  s.str('target', d.target);
  s.str('organizationId', d.organizationId ?? null, { nullable: true });
  s.str('managementAccountId', d.managementAccountId ?? null, { nullable: true });
  s.strings('allowedRegions', d.allowedRegions);
  s.strings('standard', d.standard);
  if (s.obj('serviceData', d.serviceData)) for (const k of ['source', 'version', 'collected']) s.str(`serviceData.${k}`, d.serviceData[k]);
  s.num('chainsJudged', d.chainsJudged);
  s.arr('policies', d.policies, (p, path) => {
    if (!s.obj(path, p)) return;
    s.str(`${path}.id`, p.id);
    s.str(`${path}.name`, p.name);
    s.str(`${path}.sha256`, p.sha256, { pattern: /^[0-9a-f]{64}$/, form: 'a SHA-256 in hex' });
    s.bool(`${path}.awsManaged`, p.awsManaged);
  });
  const verdicts = Object.values(Protection) as string[];
  s.arr('accounts', d.accounts, (a, path) => {
    if (!s.obj(path, a)) return;
    s.str(`${path}.id`, a.id, { pattern: ACCOUNT_ID, form: 'a 12-digit account ID' });
    s.str(`${path}.name`, a.name);
    s.str(`${path}.path`, a.path);
    s.str(`${path}.protection`, a.protection, { oneOf: verdicts });
    s.str(`${path}.message`, a.message ?? null, { nullable: true });
    s.arr(`${path}.policiesByLevel`, a.policiesByLevel, (l, lp) => {
      if (!s.obj(lp, l)) return;
      s.str(`${lp}.level`, l.level);
      s.strings(`${lp}.policies`, l.policies);
    });
    s.arr(`${path}.failures`, a.failures, (f, fp) => {
      if (!s.obj(fp, f)) return;
      s.str(`${fp}.description`, f.description);
      s.str(`${fp}.expected`, f.expected, { oneOf: ['Allowed', 'Denied'] });
      s.str(`${fp}.actual`, f.actual, { oneOf: ['Allowed', 'Denied'] });
      s.strings(`${fp}.deniedBy`, f.deniedBy);
    });
    if (a.remedies !== undefined) s.strings(`${path}.remedies`, a.remedies);
  });
  if (s.obj('summary', d.summary)) {
    for (const v of verdicts) s.num(`summary.${v}`, (d.summary as Record<string, unknown>)[v]);
  }
  s.arr('readFailures', d.readFailures, (f, path) => {
    if (!s.obj(path, f)) return;
    for (const k of ['target', 'call', 'message']) s.str(`${path}.${k}`, f[k]);
  });
  s.obj('apiCalls', d.apiCalls);
  // The summary is what a reader sees first: it must agree with the accounts it summarises.
  if (s.problems.length === 0) {
    const report = d as unknown as AuditReport;
    for (const v of verdicts as Protection[]) {
      const counted = report.accounts.filter((a) => a.protection === v).length;
      if (report.summary[v] !== counted) s.problems.push(`summary.${v} is ${report.summary[v]} but ${counted} accounts have that verdict (the file was edited or truncated)`);
    }
  }
}

function checkTraffic(s: Shape, d: Record<string, unknown>) {
  checkTool(s, d.tool);
  s.time('generatedAt', d.generatedAt);
  if (s.obj('window', d.window)) {
    s.str('window.from', d.window.from, { nullable: true, pattern: DAY, form: 'a day such as 2026-11-01' });
    s.str('window.to', d.window.to, { nullable: true, pattern: DAY, form: 'a day such as 2026-11-30' });
    s.time('window.firstEvent', d.window.firstEvent, true);
    s.time('window.lastEvent', d.window.lastEvent, true);
  }
  s.str('source', d.source);
  s.obj('posture', d.posture);
  if (s.obj('summary', d.summary)) {
    for (const k of ['filesRead', 'eventsRead', 'residencyEvents', 'servedOutsideAustralia', 'wouldBeDenied', 'deniedBySCP', 'malformedFiles', 'malformedRecords']) {
      s.num(`summary.${k}`, d.summary[k]);
    }
  }
  s.arr('calls', d.calls, (c, p) => {
    if (!s.obj(p, c)) return;
    s.str(`${p}.accountId`, c.accountId, { pattern: ACCOUNT_ID, form: 'a 12-digit account ID' });
    for (const k of ['principalArn', 'eventSource', 'eventName', 'sourceRegion', 'servedRegion']) s.str(`${p}.${k}`, c[k]);
    for (const k of ['modelId', 'profilePrefix', 'statement', 'australianAlternative']) s.str(`${p}.${k}`, c[k], { nullable: true });
    s.str(`${p}.decision`, c.decision, { oneOf: ['ALLOWED', 'DENIED'] });
    s.bool(`${p}.alreadyDeniedBySCP`, c.alreadyDeniedBySCP);
    s.num(`${p}.count`, c.count);
    s.time(`${p}.firstSeen`, c.firstSeen);
    s.time(`${p}.lastSeen`, c.lastSeen);
  });
  s.arr('timeline', d.timeline, (t, p) => {
    if (!s.obj(p, t)) return;
    s.str(`${p}.day`, t.day, { pattern: DAY, form: 'a day such as 2026-11-01' });
    s.str(`${p}.servedRegion`, t.servedRegion);
    s.num(`${p}.count`, t.count);
  });
  s.arr('blindSpots', d.blindSpots, (b, p) => {
    if (!s.obj(p, b)) return;
    s.str(`${p}.surface`, b.surface);
    s.str(`${p}.reason`, b.reason);
  });
  s.arr('problems', d.problems, (b, p) => {
    if (!s.obj(p, b)) return;
    s.str(`${p}.file`, b.file);
    if (b.record !== null) s.num(`${p}.record`, b.record);
    s.str(`${p}.reason`, b.reason);
  });
}

function checkProbe(s: Shape, d: Record<string, unknown>) {
  checkTool(s, d.tool);
  s.time('generatedAt', d.generatedAt);
  s.str('accountId', d.accountId, { nullable: true, pattern: ACCOUNT_ID, form: 'a 12-digit account ID' });
  s.str('callerArn', d.callerArn, { nullable: true });
  s.str('originRegion', d.originRegion);
  s.arr('results', d.results, (r, p) => {
    if (!s.obj(p, r)) return;
    for (const k of ['path', 'service', 'region', 'modelId', 'detail']) s.str(`${p}.${k}`, r[k]);
    s.str(`${p}.expect`, r.expect, { oneOf: ['ALLOWED', 'DENIED'] });
    s.str(`${p}.outcome`, r.outcome, { oneOf: ['REACHED', 'DENIED_BY_SCP', 'DENIED_OTHER', 'INCONCLUSIVE'] });
    s.bool(`${p}.ok`, r.ok);
  });
  if (s.obj('summary', d.summary)) for (const k of ['passed', 'failed', 'inconclusive']) s.num(`summary.${k}`, d.summary[k]);
}

const CHECKS: Record<InputRole, (s: Shape, d: Record<string, unknown>) => void> = { audit: checkAudit, traffic: checkTraffic, probe: checkProbe };

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Parses one input file for the flag it was passed with. Throws a
 * {@link ReportInputError} naming the flag, the file and what is wrong: not JSON,
 * another kind of document (and the flag it belongs to), a schema version this
 * tool does not read, or fields missing or of the wrong type.
 */
export function loadInput(role: 'audit', file: string, content: Buffer | string): LoadedInput<AuditInput>;
export function loadInput(role: 'traffic', file: string, content: Buffer | string): LoadedInput<TrafficInput>;
export function loadInput(role: 'probe', file: string, content: Buffer | string): LoadedInput<ProbeInput>;
export function loadInput(role: InputRole, file: string, content: Buffer | string): LoadedInput<unknown>;
export function loadInput(role: InputRole, file: string, content: Buffer | string): LoadedInput<unknown> {
  const text = typeof content === 'string' ? content : content.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReportInputError(role, file, [`not JSON (${(e as Error).message}); expected ${ROLE_TITLE[role]}`]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ReportInputError(role, file, [`expected ${ROLE_TITLE[role]}, a JSON object, got ${describe(data)}`]);
  }
  const d = data as Record<string, unknown>;
  // Files written by the audit before it carried a header are recognised by their shape.
  const legacyAudit = role === 'audit' && d.kind === undefined;
  if (!legacyAudit) {
    const other = typeof d.kind === 'string' ? KIND_ROLE[d.kind] : undefined;
    if (other && other !== role) {
      throw new ReportInputError(role, file, [`this is ${ROLE_TITLE[other]}, not ${ROLE_TITLE[role]}: pass it as --${other}`]);
    }
    if (d.kind !== ROLE_KIND[role]) {
      throw new ReportInputError(role, file, [`"kind" is ${describe(d.kind)}; expected "${ROLE_KIND[role]}" (${ROLE_TITLE[role]})`]);
    }
    if (d.schemaVersion !== SCHEMA_VERSION) {
      throw new ReportInputError(role, file, [`schemaVersion ${describe(d.schemaVersion)} is not one this version reads (${SCHEMA_VERSION}); `
        + 'run the report command of the same release that wrote the file']);
    }
  }
  const shape = new Shape();
  CHECKS[role](shape, d);
  if (shape.problems.length > 0) throw new ReportInputError(role, file, shape.problems);
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { role, file, sha256: sha256Hex(buffer), bytes: buffer.length, data };
}
