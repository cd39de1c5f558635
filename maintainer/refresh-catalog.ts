/**
 * Regenerates the Sydney model catalog from the live Bedrock APIs and prints
 * what changed, in particular models reachable from Sydney that have no
 * Australian path yet (the "day a new model launches" runbook).
 *
 *   npm run catalog:refresh            # write src/core/catalog/sydney-catalog.generated.ts
 *   npm run catalog:refresh -- --check # write nothing; exit 1 when the catalog is out of date
 *
 * Needs credentials allowed bedrock:ListFoundationModels and
 * bedrock:ListInferenceProfiles in ap-southeast-2 and ap-southeast-4.
 * The SDK is a devDependency: this command is for maintainers, not library users.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import {
  BedrockClient, InferenceProfileSummary, ListFoundationModelsCommand, paginateListInferenceProfiles,
} from '@aws-sdk/client-bedrock';
import { buildCatalog } from '../src/core/catalog/build-catalog';
import { ModelCatalogData } from '../src/core/catalog/catalog-data';
import { CatalogChange, diffCatalogs, renderCatalogReport } from '../src/core/catalog/diff-catalog';
import { renderCatalogModule } from '../src/core/catalog/render-catalog';
import { SYDNEY_CATALOG } from '../src/core/catalog/sydney-catalog.generated';

export const CATALOG_MODULE = join(__dirname, '..', 'src', 'core', 'catalog', 'sydney-catalog.generated.ts');

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

/** Reads the APIs and computes the new catalog; writes nothing. */
export async function refreshCatalog(
  clients: RefreshClients, previous: ModelCatalogData = SYDNEY_CATALOG, asOf = new Date().toISOString().slice(0, 10),
): Promise<RefreshResult> {
  const [sydneyModels, sydneyProfiles, melbourneProfiles] = await Promise.all([
    clients.sydney.send(new ListFoundationModelsCommand({})).then((r) => r.modelSummaries ?? [])
      .catch((e) => { throw describeFailure('ap-southeast-2', e); }),
    systemProfiles(clients.sydney).catch((e) => { throw describeFailure('ap-southeast-2', e); }),
    systemProfiles(clients.melbourne).catch((e) => { throw describeFailure('ap-southeast-4', e); }),
  ]);
  const { catalog, warnings } = buildCatalog({ asOf, sydneyModels, sydneyProfiles, melbourneProfiles, previous });
  const changes = diffCatalogs(previous, catalog);
  // Only the date changed: keep the old date so an unchanged catalog is byte-identical.
  const effective = changes.length === 0 ? { ...catalog, asOf: previous.asOf } : catalog;
  return { catalog: effective, changes, report: renderCatalogReport(changes, warnings), moduleText: renderCatalogModule(effective) };
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const result = await refreshCatalog({
    sydney: new BedrockClient({ region: 'ap-southeast-2', maxAttempts: 5 }),
    melbourne: new BedrockClient({ region: 'ap-southeast-4', maxAttempts: 5 }),
  });
  console.log(result.report);
  if (check) return result.changes.length === 0 ? 0 : 1;
  if (result.changes.length > 0) {
    writeFileSync(CATALOG_MODULE, result.moduleText);
    console.log(`\nWrote ${CATALOG_MODULE}. Review, run npm test, and update the decision-table expectations if paths changed.`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(String((e as Error).message ?? e));
    process.exit(2);
  });
}
