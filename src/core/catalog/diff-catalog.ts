import { ModelCatalogData } from './catalog-data';
import { CatalogModel, ResidencyPathKind } from './catalog-types';
import { resolveResidencyPath } from './residency-path';

/** One difference between two catalogs, phrased for a maintainer. */
export interface CatalogChange {
  readonly baseModelId: string;
  /** `added`, `changed` or `removed`. */
  readonly change: 'added' | 'changed' | 'removed';
  readonly detail: string;
  /** The runbook case: a model (new or changed) reachable from Sydney but with no Australian path. */
  readonly needsAttention: boolean;
}

function prefixes(m: CatalogModel): string[] {
  return m.profiles.map((p) => p.prefix);
}

function available(m: CatalogModel): boolean {
  return m.onDemandInSydney || m.profiles.length > 0;
}

function pathOf(catalog: ModelCatalogData, m: CatalogModel): ResidencyPathKind {
  return resolveResidencyPath(catalog, m.baseModelId).kind;
}

export function diffCatalogs(before: ModelCatalogData, after: ModelCatalogData): CatalogChange[] {
  const old = new Map(before.models.map((m) => [m.baseModelId, m]));
  const changes: CatalogChange[] = [];
  for (const m of after.models) {
    const was = old.get(m.baseModelId);
    const safeNow = pathOf(after, m) !== ResidencyPathKind.NONE;
    if (!was) {
      const how = available(m)
        ? `${m.onDemandInSydney ? 'on-demand in Sydney' : 'not on-demand in Sydney'}; profiles: ${prefixes(m).join(', ') || 'none'}`
        : 'not available from Sydney';
      changes.push({
        baseModelId: m.baseModelId,
        change: 'added',
        detail: `${m.name} (${m.provider}): ${how}${safeNow ? '' : ': NO AUSTRALIAN PATH'}`,
        needsAttention: available(m) && !safeNow,
      });
      continue;
    }
    const diffs: string[] = [];
    if (was.onDemandInSydney !== m.onDemandInSydney) diffs.push(`on-demand in Sydney ${was.onDemandInSydney} -> ${m.onDemandInSydney}`);
    const [a, b] = [prefixes(was), prefixes(m)];
    const gained = b.filter((p) => !a.includes(p));
    const lost = a.filter((p) => !b.includes(p));
    if (gained.length) diffs.push(`gained ${gained.join(', ')}`);
    if (lost.length) diffs.push(`lost ${lost.join(', ')}`);
    for (const p of m.profiles) {
      const q = was.profiles.find((x) => x.prefix === p.prefix);
      if (q && q.destinations.join(',') !== p.destinations.join(',')) {
        diffs.push(`${p.prefix} destinations ${q.destinations.join(', ')} -> ${p.destinations.join(', ')}`);
      }
    }
    if (diffs.length === 0) continue;
    const safeBefore = pathOf(before, was) !== ResidencyPathKind.NONE;
    const verdict = safeBefore === safeNow ? '' : safeNow ? ': now has an Australian path' : ': LOST ITS AUSTRALIAN PATH';
    changes.push({
      baseModelId: m.baseModelId,
      change: 'changed',
      detail: `${m.name}: ${diffs.join('; ')}${verdict}`,
      needsAttention: available(m) && !safeNow,
    });
  }
  const now = new Set(after.models.map((m) => m.baseModelId));
  for (const m of before.models) {
    if (!now.has(m.baseModelId)) {
      changes.push({ baseModelId: m.baseModelId, change: 'removed', detail: `${m.name} is no longer in the catalog`, needsAttention: false });
    }
  }
  return changes;
}

/** Human report: changes first, then the runbook list of models with no Australian path. */
export function renderCatalogReport(changes: readonly CatalogChange[], warnings: readonly string[] = []): string {
  if (changes.length === 0 && warnings.length === 0) return 'No changes to the Sydney model catalog.';
  const lines = [`${changes.length} change(s) to the Sydney model catalog:`];
  for (const c of changes) lines.push(`  ${c.change.padEnd(7)} ${c.baseModelId}: ${c.detail}`);
  const attention = changes.filter((c) => c.needsAttention);
  if (attention.length > 0) {
    lines.push('', 'Reachable from Sydney with no Australian path yet (decide: wait for au., approve an exception, or keep it denied):');
    for (const c of attention) lines.push(`  - ${c.baseModelId}`);
  }
  if (warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n');
}
