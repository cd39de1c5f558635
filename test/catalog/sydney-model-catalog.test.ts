import { readFileSync } from 'fs';
import { join } from 'path';
import { ModelKind, ResidencyPathKind, SydneyModelCatalog } from '../../src';
import { renderCatalogModule } from '../../src/core/catalog/render-catalog';
import { resolveResidencyPath } from '../../src/core/catalog/residency-path';
import { SYDNEY_CATALOG } from '../../src/core/catalog/sydney-catalog.generated';

describe('SydneyModelCatalog.resolve', () => {
  test('a model on-demand in Sydney is called by its base ID', () => {
    const p = SydneyModelCatalog.resolve('amazon.nova-pro-v1:0');
    expect(p.kind).toBe(ResidencyPathKind.ON_DEMAND_IN_SYDNEY);
    expect(p.invokeModelId).toBe('amazon.nova-pro-v1:0');
    expect(p.servedIn).toEqual(['ap-southeast-2']);
  });

  test('a profile-only Claude with an au. profile is called through it', () => {
    const p = SydneyModelCatalog.resolve('anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(p.kind).toBe(ResidencyPathKind.AU_INFERENCE_PROFILE);
    expect(p.invokeModelId).toBe('au.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(p.servedIn).toEqual(['ap-southeast-2', 'ap-southeast-4']);
  });

  test('Claude Fable 5.1 and 5.2: global only from Sydney, no Australian path, each from its AWS model card', () => {
    for (const name of ['Claude Fable 5.1', 'Claude Fable 5.2']) {
      const p = SydneyModelCatalog.resolve(name);
      expect({ name, kind: p.kind }).toEqual({ name, kind: ResidencyPathKind.NONE });
      expect(p.reason).toMatch(/only through global\.\*.*no Australian path.*Unverified/);
      expect(p.model?.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/bedrock\/latest\/userguide\/model-card-anthropic-claude-fable-5-[12]\.html$/);
      expect(p.alternatives.length).toBeGreaterThan(0);
    }
    expect(SydneyModelCatalog.resolve('global.anthropic.claude-fable-5-2').kind).toBe(ResidencyPathKind.NONE);
  });

  test('AS_OF agrees with the entries: the newest of the API refresh and every entry checked by hand', () => {
    const dates = [SYDNEY_CATALOG.apiRefreshedOn, ...SYDNEY_CATALOG.models.map((m) => m.checkedOn ?? ''), ...SYDNEY_CATALOG.routingProfiles.map((r) => r.checkedOn)]
      .filter((d) => d !== '').sort();
    expect(SydneyModelCatalog.AS_OF).toBe(dates[dates.length - 1]);
    for (const m of SYDNEY_CATALOG.models) if (m.checkedOn) expect(m.checkedOn <= SydneyModelCatalog.AS_OF).toBe(true);
  });

  test('on-demand wins over apac. for Claude 3 Haiku', () => {
    expect(SydneyModelCatalog.resolve('Claude 3 Haiku').invokeModelId).toBe('anthropic.claude-3-haiku-20240307-v1:0');
  });

  test('Claude Opus 4.5: global only, no Australian path, Opus 4.6 suggested', () => {
    const p = SydneyModelCatalog.resolve('Claude Opus 4.5');
    expect(p.kind).toBe(ResidencyPathKind.NONE);
    expect(p.invokeModelId).toBeUndefined();
    expect(p.reason).toBe('Claude Opus 4.5 is reachable from Sydney only through global.* (any commercial Region worldwide): no Australian path.');
    expect(p.alternatives[0]).toBe('Claude Opus 4.7 (au.anthropic.claude-opus-4-7)');
    expect(p.alternatives).toContain('Claude Opus 4.6 (au.anthropic.claude-opus-4-6-v1)');
  });

  test('Claude Opus 4.7 resolves to its au. profile, by name, base ID and profile ID, with its source and date', () => {
    for (const asked of ['Claude Opus 4.7', 'anthropic.claude-opus-4-7', 'au.anthropic.claude-opus-4-7']) {
      const p = SydneyModelCatalog.resolve(asked);
      expect({ asked, kind: p.kind, id: p.invokeModelId, servedIn: p.servedIn }).toEqual({
        asked, kind: ResidencyPathKind.AU_INFERENCE_PROFILE, id: 'au.anthropic.claude-opus-4-7', servedIn: ['ap-southeast-2', 'ap-southeast-4'],
      });
    }
    const m = SydneyModelCatalog.find('Claude Opus 4.7')!;
    expect(m.source).toBe('https://docs.aws.amazon.com/bedrock/latest/userguide/model-card-anthropic-claude-opus-4-7.html');
    expect(m.checkedOn).toMatch(/^2026-\d\d-\d\d$/);
  });

  test('guardrail and Data Automation profiles: au.guardrail.v1:0 stays in Sydney; Data Automation has no Australian path', () => {
    const byId = new Map(SydneyModelCatalog.routingProfiles().map((p) => [p.profileId, p]));
    expect(byId.get('au.guardrail.v1:0')).toMatchObject({ resourceType: 'guardrail-profile', destinations: ['ap-southeast-2'], staysInAustralia: true });
    expect(byId.get('apac.guardrail.v1:0')).toMatchObject({ staysInAustralia: false });
    const bda = SydneyModelCatalog.routingProfiles().filter((p) => p.resourceType === 'data-automation-profile');
    expect(bda.length).toBeGreaterThan(0);
    expect(bda.every((p) => !p.staysInAustralia)).toBe(true);
    for (const p of SydneyModelCatalog.routingProfiles()) {
      expect(p.staysInAustralia).toBe(p.destinations.every((r) => ['ap-southeast-2', 'ap-southeast-4'].includes(r)));
      expect(p.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  test('apac.-only Claude 3.7 names the foreign Regions', () => {
    expect(SydneyModelCatalog.resolve('anthropic.claude-3-7-sonnet-20250219-v1:0').reason).toBe(
      'Claude 3.7 Sonnet is reachable from Sydney only through apac.* (Tokyo (ap-northeast-1), Seoul (ap-northeast-2), Osaka (ap-northeast-3), '
      + 'Mumbai (ap-south-1), Hyderabad (ap-south-2), Singapore (ap-southeast-1), Sydney (ap-southeast-2), Melbourne (ap-southeast-4)): no Australian path.');
  });

  test('a model not in Sydney at all, with the catalog note', () => {
    const p = SydneyModelCatalog.resolve('meta.llama3-3-70b-instruct-v1:0');
    expect(p.reason).toMatch(/^Llama 3\.3 70B Instruct is not available from ap-southeast-2 at all, on-demand or through an inference profile: no Australian path\. us\. profiles only/);
    expect(p.alternatives.length).toBeGreaterThan(0);
  });

  test('alternatives are like for like: an embedding model suggests embeddings', () => {
    const p = SydneyModelCatalog.resolve('cohere.embed-v4:0');
    expect(p.kind).toBe(ResidencyPathKind.NONE);
    for (const a of p.alternatives) {
      const id = a.slice(a.indexOf('(') + 1, -1);
      expect(SydneyModelCatalog.find(id)?.kind).toBe(ModelKind.EMBEDDING);
    }
  });

  test('asking for a foreign profile of a model that has an Australian path says which ID to use', () => {
    const p = SydneyModelCatalog.resolve('global.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(p.kind).toBe(ResidencyPathKind.NONE);
    expect(p.reason).toBe('global.anthropic.claude-sonnet-4-5-20250929-v1:0 names the global. profile of Claude Sonnet 4.5, which can serve a Sydney call '
      + 'in any commercial Region worldwide. Use au.anthropic.claude-sonnet-4-5-20250929-v1:0 instead, served in Sydney (ap-southeast-2), Melbourne (ap-southeast-4).');
    expect(p.alternatives).toEqual(['Claude Sonnet 4.5 (au.anthropic.claude-sonnet-4-5-20250929-v1:0)']);
  });

  test('apac. ID of an on-demand model points at the on-demand ID', () => {
    expect(SydneyModelCatalog.resolve('apac.amazon.nova-pro-v1:0').reason).toMatch(/which can serve a Sydney call in Tokyo \(ap-northeast-1\).* Use amazon\.nova-pro-v1:0 instead, served in Sydney/);
  });

  test('au. ID of a model without an au. profile', () => {
    expect(SydneyModelCatalog.resolve('au.amazon.nova-pro-v1:0').reason).toBe('Nova Pro has no au. inference profile. Use amazon.nova-pro-v1:0 (on-demand in Sydney).');
  });

  test('ARNs and names resolve to the same model', () => {
    const arns = [
      'arn:aws:bedrock:ap-southeast-2:123456789012:inference-profile/au.anthropic.claude-haiku-4-5-20251001-v1:0',
      'arn:aws:bedrock:ap-southeast-2::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0',
      'claude haiku 4.5',
    ];
    for (const a of arns) expect(SydneyModelCatalog.resolve(a).invokeModelId).toBe('au.anthropic.claude-haiku-4-5-20251001-v1:0');
  });

  test('unknown models say how old the catalog is, how to refresh it, and what input is accepted', () => {
    const p = SydneyModelCatalog.resolve('anthropic.claude-9');
    expect(p.model).toBeUndefined();
    expect(p.reason).toMatch(/"anthropic\.claude-9" is not in the Sydney model catalog\. The catalog was last checked against AWS on 2026-12-04 \(\d+ days ago\) \(last full refresh from the Bedrock APIs on 2026-04-12\); a model launched since is unknown to it\. Upgrade cdk-sovereign-bedrock, or run `npm run catalog:refresh`.* Use a base model ID/);
    const at = resolveResidencyPath(SYDNEY_CATALOG, 'anthropic.claude-9', new Date('2027-01-01T10:00:00Z'));
    expect(at.reason).toContain('on 2026-12-04 (28 days ago) (last full refresh from the Bedrock APIs on 2026-04-12)');
  });
});

describe('the catalog data', () => {
  test('matches the seed matrix for every Claude', () => {
    const table: Record<string, [boolean, string[]]> = {
      'Claude 3 Haiku': [true, ['apac.']],
      'Claude 3 Sonnet': [true, ['apac.']],
      'Claude 3.5 Sonnet': [false, ['apac.']],
      'Claude 3.5 Sonnet v2': [false, ['apac.']],
      'Claude 3.7 Sonnet': [false, ['apac.']],
      'Claude Sonnet 4': [false, ['apac.', 'global.']],
      'Claude Sonnet 4.5': [false, ['au.', 'global.']],
      'Claude Haiku 4.5': [false, ['au.', 'global.']],
      'Claude Opus 4.5': [false, ['global.']],
      'Claude Opus 4.6': [false, ['au.', 'global.']],
      'Claude Sonnet 4.6': [false, ['au.', 'global.']],
    };
    for (const [name, [onDemand, prefixes]] of Object.entries(table)) {
      const m = SydneyModelCatalog.find(name)!;
      expect({ name, onDemand: m.onDemandInSydney, prefixes: m.profiles.map((p) => p.prefix) }).toEqual({ name, onDemand, prefixes });
    }
  });

  test('every au. profile stays in Sydney and Melbourne; every profile ID is prefix + base ID', () => {
    for (const m of SydneyModelCatalog.models()) {
      for (const p of m.profiles) {
        expect(p.inferenceProfileId).toBe(`${p.prefix}${m.baseModelId}`);
        if (p.prefix === 'au.') expect(p.destinations).toEqual(['ap-southeast-2', 'ap-southeast-4']);
        if (p.prefix === 'global.') expect(p.destinations).toEqual(['*']);
      }
    }
  });

  test('base model IDs and names are unique', () => {
    const models = SydneyModelCatalog.models();
    expect(new Set(models.map((m) => m.baseModelId)).size).toBe(models.length);
    expect(new Set(models.map((m) => m.name.toLowerCase())).size).toBe(models.length);
  });

  test('the generated module is exactly what the renderer writes', () => {
    const file = readFileSync(join(__dirname, '..', '..', 'src', 'core', 'catalog', 'sydney-catalog.generated.ts'), 'utf8');
    expect(renderCatalogModule(SYDNEY_CATALOG)).toBe(file);
  });
});
