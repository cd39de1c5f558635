import { ModelCatalogData } from './catalog-data';
import { CatalogModel } from './catalog-types';

/**
 * Entries recorded by hand from AWS's model pages (and, marked unverified in
 * their note, from third-party release notes) for models the live refresh has
 * not listed yet: the maintainer's input `maintainer/data/recorded-models.json`.
 * Each must carry its `source` and `checkedOn`.
 */
export function checkRecordedModels(recorded: readonly CatalogModel[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  recorded.forEach((m, i) => {
    const where = `recorded model ${i} (${m.baseModelId ?? '?'})`;
    if (!m.baseModelId || !m.name || !m.provider) problems.push(`${where}: needs baseModelId, name and provider`);
    if (!m.source || !/^https:\/\//.test(m.source)) problems.push(`${where}: needs the https source it was read from`);
    if (!m.checkedOn || !/^\d{4}-\d{2}-\d{2}$/.test(m.checkedOn)) problems.push(`${where}: needs checkedOn as YYYY-MM-DD`);
    if (seen.has(m.baseModelId)) problems.push(`${where}: listed twice`);
    seen.add(m.baseModelId);
  });
  return problems;
}

/**
 * The catalog with the recorded entries in: each replaces the entry of the
 * same base model ID, or is appended, unless the live APIs listed the model
 * (`listedByApi`), which then wins: an API answer is better evidence than a
 * page read by hand.
 */
export function applyRecordedModels(
  catalog: ModelCatalogData, recorded: readonly CatalogModel[], listedByApi: ReadonlySet<string> = new Set(),
): ModelCatalogData {
  const problems = checkRecordedModels(recorded);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const models = [...catalog.models];
  for (const r of recorded) {
    if (listedByApi.has(r.baseModelId)) continue;
    const at = models.findIndex((m) => m.baseModelId === r.baseModelId);
    if (at >= 0) models[at] = r;
    else models.push(r);
  }
  const next = { ...catalog, models };
  return { ...next, asOf: catalogAsOf(next) };
}

/** The newest of the API refresh date and every entry's `checkedOn`. */
export function catalogAsOf(catalog: Omit<ModelCatalogData, 'asOf'>): string {
  const dates = [
    catalog.apiRefreshedOn,
    ...catalog.models.map((m) => m.checkedOn ?? ''),
    ...catalog.routingProfiles.map((p) => p.checkedOn),
  ].filter((d) => d !== '');
  dates.sort();
  return dates[dates.length - 1] ?? catalog.apiRefreshedOn;
}
