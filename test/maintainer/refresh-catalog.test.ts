import { BedrockClient, ListFoundationModelsCommand, ListInferenceProfilesCommand } from '@aws-sdk/client-bedrock';
import { mockClient } from 'aws-sdk-client-mock';
import { readRecordedModels, refreshCatalog, refreshCatalogOffline, refreshServiceAuthorization, renderSarReport } from '../../maintainer/refresh-catalog';
import { diffSurface } from '../../maintainer/service-authorization';
import { SERVICE_SURFACE } from '../../src/core/audit/service-surface.generated';
import { ModelCatalogData } from '../../src/core/catalog/catalog-data';
import { ModelKind } from '../../src/core/catalog/catalog-types';
import { catalogAsOf } from '../../src/core/catalog/recorded-models';
import { renderCatalogModule } from '../../src/core/catalog/render-catalog';
import { SYDNEY_CATALOG } from '../../src/core/catalog/sydney-catalog.generated';

// One client per Region, each mocked on its own so the Regions can answer differently.
const sydney = new BedrockClient({ region: 'ap-southeast-2' });
const melbourne = new BedrockClient({ region: 'ap-southeast-4' });
const sydneyMock = mockClient(sydney);
const melbourneMock = mockClient(melbourne);

function clients() {
  return { sydney, melbourne };
}

const fm = (region: string, id: string) => ({ modelArn: `arn:aws:bedrock:${region}::foundation-model/${id}` });

/** What the live APIs would say today if nothing had changed since the catalog was written. */
function apiAnswersFor(catalog: ModelCatalogData) {
  const models = catalog.models
    .filter((m) => m.onDemandInSydney || m.profiles.length > 0)
    .map((m) => ({
      modelId: m.baseModelId,
      modelName: m.name,
      providerName: m.provider,
      outputModalities: [m.kind === ModelKind.EMBEDDING ? 'EMBEDDING' : 'TEXT'],
      inferenceTypesSupported: m.onDemandInSydney ? ['ON_DEMAND'] : ['INFERENCE_PROFILE'],
    }));
  const profiles = catalog.models.flatMap((m) => m.profiles.map((p) => ({
    inferenceProfileId: p.inferenceProfileId,
    inferenceProfileName: `${p.prefix.toUpperCase()} ${m.name}`,
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED',
    models: p.destinations[0] === '*'
      ? [{ modelArn: `arn:aws:bedrock:::foundation-model/${m.baseModelId}` }]
      : p.destinations.map((r) => fm(r, m.baseModelId)),
  })));
  return { models, profiles };
}

function answer(catalog: ModelCatalogData, extra: { models?: any[]; profiles?: any[]; melbourneMissing?: string[] } = {}) {
  const { models, profiles } = apiAnswersFor(catalog);
  const allModels = [...models, ...(extra.models ?? [])];
  const allProfiles = [...profiles, ...(extra.profiles ?? [])];
  sydneyMock.reset();
  melbourneMock.reset();
  sydneyMock.on(ListFoundationModelsCommand).resolves({ modelSummaries: allModels });
  // Paginated: the catalog must read every page.
  const paged = (list: any[]) => (input: { nextToken?: string }) => {
    const half = Math.ceil(list.length / 2);
    return input.nextToken === 'page2'
      ? { inferenceProfileSummaries: list.slice(half) }
      : { inferenceProfileSummaries: list.slice(0, half), nextToken: 'page2' };
  };
  sydneyMock.on(ListInferenceProfilesCommand).callsFake(paged(allProfiles));
  // au. profiles have Melbourne as a source too; the other geographies are not listed there.
  melbourneMock.on(ListInferenceProfilesCommand).callsFake(paged(
    allProfiles.filter((p) => p.inferenceProfileId.startsWith('au.') && !(extra.melbourneMissing ?? []).includes(p.inferenceProfileId))));
}

describe('npm run catalog:refresh (mocked Bedrock APIs)', () => {
  afterEach(() => { sydneyMock.reset(); melbourneMock.reset(); });

  test('an unchanged world gives no changes and a byte-identical module', async () => {
    answer(SYDNEY_CATALOG);
    const result = await refreshCatalog(clients(), SYDNEY_CATALOG, '2026-11-22');
    expect(result.changes).toEqual([]);
    expect(result.report).toBe('No changes to the Sydney model catalog.');
    expect(result.moduleText).toBe(renderCatalogModule(SYDNEY_CATALOG));
    expect(sydneyMock.commandCalls(ListInferenceProfilesCommand).length).toBe(2); // both pages
    expect(melbourneMock.commandCalls(ListInferenceProfilesCommand).length).toBe(2);
  });

  test('entries recorded by hand keep their source and date, and the guardrail and Data Automation profiles survive a refresh', async () => {
    answer(SYDNEY_CATALOG, {
      models: [{ modelId: 'amazon.nova-9-v1:0', modelName: 'Nova 9', providerName: 'Amazon', outputModalities: ['TEXT'], inferenceTypesSupported: ['ON_DEMAND'] }],
    });
    const result = await refreshCatalog(clients(), SYDNEY_CATALOG, '2026-12-01');
    expect(result.changes.map((c) => c.baseModelId)).toEqual(['amazon.nova-9-v1:0']);
    expect(result.catalog.apiRefreshedOn).toBe('2026-12-01');
    // A recorded entry checked later than the API refresh dates the catalog.
    expect(result.catalog.asOf).toBe(catalogAsOf(result.catalog));
    expect(result.catalog.asOf >= '2026-12-01').toBe(true);
    expect(result.catalog.routingProfiles).toEqual(SYDNEY_CATALOG.routingProfiles);
    const opus = result.catalog.models.find((m) => m.baseModelId === 'anthropic.claude-opus-4-7')!;
    expect(opus.source).toMatch(/model-card-anthropic-claude-opus-4-7/);
    expect(opus.checkedOn).toBe(SYDNEY_CATALOG.models.find((m) => m.baseModelId === 'anthropic.claude-opus-4-7')!.checkedOn);
    expect(result.moduleText).toContain("profileId: 'au.guardrail.v1:0'");
  });

  test('a new global-only model is flagged for the runbook; a model gaining au. is reported', async () => {
    answer(SYDNEY_CATALOG, {
      models: [{
        modelId: 'anthropic.claude-opus-5-v1',
        modelName: 'Claude Opus 5',
        providerName: 'Anthropic',
        outputModalities: ['TEXT'],
        inferenceTypesSupported: ['INFERENCE_PROFILE'],
      }],
      profiles: [
        { inferenceProfileId: 'global.anthropic.claude-opus-5-v1', status: 'ACTIVE', models: [{ modelArn: 'arn:aws:bedrock:::foundation-model/anthropic.claude-opus-5-v1' }] },
        {
          inferenceProfileId: 'au.anthropic.claude-opus-4-5-20251101-v1:0',
          status: 'ACTIVE',
          models: [fm('ap-southeast-2', 'anthropic.claude-opus-4-5-20251101-v1:0'), fm('ap-southeast-4', 'anthropic.claude-opus-4-5-20251101-v1:0')],
        },
      ],
    });
    const result = await refreshCatalog(clients(), SYDNEY_CATALOG, '2026-11-22');
    expect(result.catalog.apiRefreshedOn).toBe('2026-11-22');
    expect(result.changes).toEqual([
      expect.objectContaining({
        baseModelId: 'anthropic.claude-opus-4-5-20251101-v1:0',
        change: 'changed',
        detail: 'Claude Opus 4.5: gained au.: now has an Australian path',
        needsAttention: false,
      }),
      expect.objectContaining({
        baseModelId: 'anthropic.claude-opus-5-v1',
        change: 'added',
        detail: 'Claude Opus 5 (Anthropic): not on-demand in Sydney; profiles: global.: NO AUSTRALIAN PATH',
        needsAttention: true,
      }),
    ]);
    expect(result.report).toMatch(/Reachable from Sydney with no Australian path yet.*\n {2}- anthropic\.claude-opus-5-v1/);
    expect(result.moduleText).toContain("inferenceProfileId: 'au.anthropic.claude-opus-4-5-20251101-v1:0'");
  });

  test('a model that disappears from Sydney is kept, without paths, and reported', async () => {
    const without = { ...SYDNEY_CATALOG, models: SYDNEY_CATALOG.models.filter((m) => m.name !== 'Nova Micro') };
    answer(without);
    const result = await refreshCatalog(clients(), SYDNEY_CATALOG, '2026-11-22');
    const micro = result.catalog.models.find((m) => m.name === 'Nova Micro')!;
    expect(micro).toMatchObject({ onDemandInSydney: false, profiles: [], note: 'No longer listed in ap-southeast-2 as of 2026-11-22.' });
    expect(result.report).toMatch(/changed amazon\.nova-micro-v1:0: Nova Micro: on-demand in Sydney true -> false; lost apac\.: LOST ITS AUSTRALIAN PATH/);
  });

  test('an au. profile Sydney lists but Melbourne does not is a warning', async () => {
    answer(SYDNEY_CATALOG, { melbourneMissing: ['au.anthropic.claude-sonnet-4-6'] });
    const result = await refreshCatalog(clients(), SYDNEY_CATALOG, '2026-11-22');
    expect(result.changes).toEqual([]);
    expect(result.report).toMatch(/Warnings:\n {2}- au\.anthropic\.claude-sonnet-4-6 is listed in ap-southeast-2 but not in ap-southeast-4\./);
  });

  test('provisioned-only variants are ignored', async () => {
    answer(SYDNEY_CATALOG, {
      models: [{ modelId: 'anthropic.claude-3-haiku-20240307-v1:0:200k', modelName: 'Claude 3 Haiku', inferenceTypesSupported: ['PROVISIONED'] }],
    });
    expect((await refreshCatalog(clients(), SYDNEY_CATALOG, '2026-11-22')).changes).toEqual([]);
  });

  test('access denied names the Region and the permissions needed', async () => {
    sydneyMock.on(ListFoundationModelsCommand).rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }));
    sydneyMock.on(ListInferenceProfilesCommand).resolves({ inferenceProfileSummaries: [] });
    melbourneMock.on(ListInferenceProfilesCommand).resolves({ inferenceProfileSummaries: [] });
    await expect(refreshCatalog(clients(), SYDNEY_CATALOG, '2026-11-22')).rejects.toThrow(
      'ap-southeast-2: AccessDeniedException: the credentials need bedrock:ListFoundationModels and bedrock:ListInferenceProfiles (User is not authorized)');
  });
});

describe('npm run catalog:refresh -- --offline', () => {
  test('the committed catalog already holds every recorded entry: nothing to write', () => {
    const result = refreshCatalogOffline();
    expect(result.changes).toEqual([]);
    expect(result.moduleText).toBe(renderCatalogModule(SYDNEY_CATALOG));
    for (const r of readRecordedModels()) expect(SYDNEY_CATALOG.models).toContainEqual(r);
  });

  test('a recorded entry the catalog lacks is added and reported, and dates the catalog', () => {
    const without = { ...SYDNEY_CATALOG, models: SYDNEY_CATALOG.models.filter((m) => m.baseModelId !== 'anthropic.claude-fable-5-2') };
    const result = refreshCatalogOffline(without);
    expect(result.changes).toEqual([expect.objectContaining({ baseModelId: 'anthropic.claude-fable-5-2', change: 'added', needsAttention: true })]);
    expect(result.report).toMatch(/Reachable from Sydney with no Australian path yet[\s\S]*anthropic\.claude-fable-5-2/);
    expect(() => refreshCatalogOffline(SYDNEY_CATALOG, [{ ...readRecordedModels()[0], source: '' }])).toThrow(/needs the https source/);
  });

  test('when the live APIs list a recorded model, the API answer wins', async () => {
    const fable = SYDNEY_CATALOG.models.find((m) => m.baseModelId === 'anthropic.claude-fable-5-2')!;
    answer({
      ...SYDNEY_CATALOG,
      models: SYDNEY_CATALOG.models.map((m) => (m === fable ? {
        ...fable,
        profiles: [
          { prefix: 'au.', inferenceProfileId: 'au.anthropic.claude-fable-5-2', destinations: ['ap-southeast-2', 'ap-southeast-4'] },
        ],
      } : m)),
    });
    const result = await refreshCatalog(clients(), SYDNEY_CATALOG, '2026-12-20');
    expect(result.changes).toEqual([expect.objectContaining({ baseModelId: 'anthropic.claude-fable-5-2', detail: expect.stringMatching(/gained au\..*: now has an Australian path/) })]);
    sydneyMock.reset();
    melbourneMock.reset();
  });
});

describe('the Service Authorization Reference part (offline)', () => {
  test('the installed data and the committed extracts agree: no changes', () => {
    const sar = refreshServiceAuthorization();
    expect(sar.lines).toEqual([]);
    expect(sar.stale).toEqual([]);
    expect(renderSarReport(sar)).toMatch(/no changes\.$/);
  });

  test('a new prefix, action and condition key print as a diff, and an unclassified prefix is flagged', () => {
    const before = { ...SERVICE_SURFACE, categoryPrefixes: SERVICE_SURFACE.categoryPrefixes.filter((p) => p !== 'nova-act') };
    const registry = SERVICE_SURFACE.services['agent-registry'];
    const after = {
      ...SERVICE_SURFACE,
      services: {
        ...SERVICE_SURFACE.services,
        'agent-registry': { ...registry, actions: { ...registry.actions, ImaginedSearch: ['registry'] }, conditionKeys: [...registry.conditionKeys, 'agent-registry:Imagined'] },
      },
    };
    expect(diffSurface(before, after, ['bedrock-imagined'])).toEqual([
      '+ prefix nova-act',
      '! prefix bedrock-imagined is not classified in src/core/surface/ai-surface.ts: classify it (the test fails until then)',
      '+ action agent-registry:ImaginedSearch',
      '+ condition key agent-registry:Imagined',
    ]);
  });
});
