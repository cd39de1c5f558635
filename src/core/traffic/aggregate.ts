import { blindSpots } from './blind-spots';
import { australianAlternative, isAustralian, judge, profilePrefixColumn, ReplayPosture, servedRegionOf } from './judge';
import {
  TRAFFIC_REPORT_KIND, TRAFFIC_SCHEMA_VERSION, TrafficCallRow, TrafficFilter, TrafficKey, TrafficProblem, TrafficReport, TrafficTimelineRow,
} from './traffic-types';

/** Problems named one by one; past this many they are counted (in the summary) and summed up in one line, so memory stays bounded. */
export const MAX_NAMED_PROBLEMS = 1000;

interface Group {
  readonly key: TrafficKey;
  count: number;
  first: string;
  last: string;
}

function keyString(k: TrafficKey): string {
  return [k.accountId, k.principalArn, k.eventSource, k.eventName, k.modelId ?? '', k.sourceRegion, k.inferenceRegion ?? '', k.errorCode ?? '', k.alreadyDeniedBySCP ? '1' : '0'].join('\u0000');
}

/**
 * Collects observations (one event, or one grouped row from Athena) into the
 * report's rows. Memory grows with the number of distinct calls, not events.
 */
export class TrafficAggregator {
  private readonly groups = new Map<string, Group>();
  private readonly timeline = new Map<string, TrafficTimelineRow & { count: number }>();
  private readonly problems: TrafficProblem[] = [];
  private filesRead = 0;
  private eventsRead = 0;
  private malformedFiles = 0;
  private unreadableFiles = 0;
  private malformedRecords = 0;
  private unnamedProblems = 0;

  constructor(private readonly filter: TrafficFilter = {}) {}

  /** Whether an event of this day and key is inside the window the filter asks for. */
  public inWindow(day: string, key: TrafficKey): boolean {
    const f = this.filter;
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (f.accounts && f.accounts.length > 0 && !f.accounts.includes(key.accountId)) return false;
    if (f.regions && f.regions.length > 0 && !f.regions.includes(key.sourceRegion)) return false;
    return true;
  }

  public observe(key: TrafficKey, day: string, count: number, first: string, last: string): void {
    if (!this.inWindow(day, key)) return;
    const k = keyString(key);
    const g = this.groups.get(k);
    if (g) {
      g.count += count;
      if (first < g.first) g.first = first;
      if (last > g.last) g.last = last;
    } else {
      this.groups.set(k, { key, count, first, last });
    }
    // The timeline is of calls served: one that failed (an SCP denied it, a validation error) was
    // processed nowhere, and counting it in the Region it was made in would show it as served there.
    if (key.errorCode !== null) return;
    const served = servedRegionOf(key);
    const t = `${day}|${served}`;
    const row = this.timeline.get(t);
    if (row) row.count += count;
    else this.timeline.set(t, { day, servedRegion: served, count });
  }

  public file(records: number, problems: readonly TrafficProblem[], malformed: boolean): void {
    this.filesRead++;
    this.eventsRead += records;
    if (malformed) this.malformedFiles++;
    for (const p of problems) {
      if (p.record !== null) this.malformedRecords++;
      this.name(p);
    }
  }

  private name(p: TrafficProblem): void {
    if (this.problems.length < MAX_NAMED_PROBLEMS) this.problems.push(p);
    else this.unnamedProblems++;
  }

  /** Rows from an Athena result: events are counted there. */
  public countEvents(records: number): void {
    this.eventsRead += records;
  }

  public unreadable(file: string, reason: string): void {
    this.unreadableFiles++;
    this.name({ file, record: null, reason });
  }

  public malformedRow(file: string, row: number, reason: string): void {
    this.malformedRecords++;
    this.name({ file, record: row, reason });
  }

  public report(input: { posture: ReplayPosture; source: string; version: string; now?: Date; prefixes?: readonly string[] }): TrafficReport {
    const now = input.now ?? new Date();
    const calls: TrafficCallRow[] = [];
    let residencyEvents = 0;
    let servedOutside = 0;
    let wouldBeDenied = 0;
    let deniedBySCP = 0;
    let firstEvent: string | null = null;
    let lastEvent: string | null = null;
    for (const g of this.groups.values()) {
      const k = g.key;
      const j = judge(k, input.posture, input.prefixes);
      const servedRegion = servedRegionOf(k);
      const served = k.errorCode === null;
      const foreign = served && !isAustralian(servedRegion);
      const alt = j.decision === 'DENIED' || foreign ? australianAlternative(k, now) : { alternative: null, note: null };
      residencyEvents += g.count;
      if (foreign) servedOutside += g.count;
      if (j.decision === 'DENIED') wouldBeDenied += g.count;
      if (k.alreadyDeniedBySCP) deniedBySCP += g.count;
      if (firstEvent === null || g.first < firstEvent) firstEvent = g.first;
      if (lastEvent === null || g.last > lastEvent) lastEvent = g.last;
      calls.push({
        accountId: k.accountId,
        principalArn: k.principalArn,
        eventSource: k.eventSource,
        eventName: k.eventName,
        modelId: k.modelId,
        profilePrefix: profilePrefixColumn(k.modelId),
        sourceRegion: k.sourceRegion,
        servedRegion,
        decision: j.decision,
        statement: j.statement,
        alreadyDeniedBySCP: k.alreadyDeniedBySCP,
        errorCode: k.errorCode,
        count: g.count,
        australianAlternative: alt.alternative,
        alternativeNote: alt.note,
        firstSeen: g.first,
        lastSeen: g.last,
      });
    }
    // Most urgent first: served abroad, then would be denied, then by volume.
    const rank = (c: TrafficCallRow) => (c.errorCode === null && !isAustralian(c.servedRegion) ? 0 : c.decision === 'DENIED' ? 1 : 2);
    calls.sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.accountId.localeCompare(b.accountId)
      || a.principalArn.localeCompare(b.principalArn) || a.eventName.localeCompare(b.eventName) || (a.modelId ?? '').localeCompare(b.modelId ?? '')
      || a.sourceRegion.localeCompare(b.sourceRegion) || a.servedRegion.localeCompare(b.servedRegion) || (a.errorCode ?? '').localeCompare(b.errorCode ?? ''));
    const timeline = [...this.timeline.values()].sort((a, b) => a.day.localeCompare(b.day) || a.servedRegion.localeCompare(b.servedRegion));
    return {
      kind: TRAFFIC_REPORT_KIND,
      schemaVersion: TRAFFIC_SCHEMA_VERSION,
      tool: { name: 'cdk-sovereign-bedrock', version: input.version },
      generatedAt: now.toISOString(),
      window: { from: this.filter.from ?? null, to: this.filter.to ?? null, firstEvent, lastEvent },
      source: input.source,
      posture: input.posture.description,
      summary: {
        filesRead: this.filesRead,
        eventsRead: this.eventsRead,
        residencyEvents,
        servedOutsideAustralia: servedOutside,
        wouldBeDenied,
        deniedBySCP,
        malformedFiles: this.malformedFiles,
        malformedRecords: this.malformedRecords,
        unreadableFiles: this.unreadableFiles,
      },
      calls,
      timeline,
      blindSpots: blindSpots([...this.groups.values()].map((g) => g.key), input.posture.managementAccountId),
      problems: this.unnamedProblems === 0 ? this.problems : [...this.problems, {
        file: '(more)', record: null, reason: `${this.unnamedProblems} more problems, counted in the summary but not listed (the first ${MAX_NAMED_PROBLEMS} are)`,
      }],
    };
  }
}

/** 0: nothing served abroad, nothing the posture would deny; 1: something was or would be; 2: the evidence is incomplete. */
export function trafficExitCode(report: TrafficReport): number {
  const s = report.summary;
  if (s.malformedFiles > 0 || s.malformedRecords > 0 || s.unreadableFiles > 0) return 2;
  if (s.servedOutsideAustralia > 0 || s.wouldBeDenied > 0) return 1;
  return 0;
}
