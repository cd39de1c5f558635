import { GLOBAL_PROFILE_PREFIX, SYSTEM_PROFILE_PREFIXES } from '../inference-profiles';
import { ModelCatalogData } from './catalog-data';
import { CatalogModel, CatalogProfile, ModelKind } from './catalog-types';

/** The fields of `ListFoundationModels` summaries the catalog uses (SDK-free shape). */
export interface FoundationModelSummaryLike {
  readonly modelId?: string;
  readonly modelName?: string;
  readonly providerName?: string;
  readonly inferenceTypesSupported?: string[];
  readonly outputModalities?: string[];
}

/** The fields of `ListInferenceProfiles` summaries the catalog uses (SDK-free shape). */
export interface InferenceProfileSummaryLike {
  readonly inferenceProfileId?: string;
  readonly inferenceProfileName?: string;
  readonly status?: string;
  readonly models?: { readonly modelArn?: string }[];
}

export interface CatalogInputs {
  readonly asOf: string;
  /** `ListFoundationModels` in ap-southeast-2. */
  readonly sydneyModels: readonly FoundationModelSummaryLike[];
  /** `ListInferenceProfiles` (system-defined) in ap-southeast-2. */
  readonly sydneyProfiles: readonly InferenceProfileSummaryLike[];
  /** `ListInferenceProfiles` (system-defined) in ap-southeast-4. */
  readonly melbourneProfiles: readonly InferenceProfileSummaryLike[];
  /** The catalog being replaced: keeps names, notes and order stable. */
  readonly previous: ModelCatalogData;
}

export interface BuiltCatalog {
  readonly catalog: ModelCatalogData;
  /** Things a maintainer should look at that are not catalog changes. */
  readonly warnings: string[];
}

function kindOf(outputModalities: readonly string[] = []): ModelKind {
  if (outputModalities.includes('EMBEDDING')) return ModelKind.EMBEDDING;
  if (outputModalities.includes('VIDEO')) return ModelKind.VIDEO;
  if (outputModalities.includes('IMAGE')) return ModelKind.IMAGE;
  if (outputModalities.includes('SPEECH') || outputModalities.includes('AUDIO')) return ModelKind.SPEECH;
  return ModelKind.TEXT;
}

/** Region of `arn:aws:bedrock:REGION::foundation-model/ID`; '' for a Region-less (global) ARN. */
function regionOfModelArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}

function splitProfileId(id: string): { prefix: string; base: string } | undefined {
  const prefix = SYSTEM_PROFILE_PREFIXES.find((p) => id.startsWith(p));
  return prefix ? { prefix, base: id.slice(prefix.length) } : undefined;
}

function destinationsOf(prefix: string, profile: InferenceProfileSummaryLike): string[] {
  const regions = (profile.models ?? []).map((m) => regionOfModelArn(m.modelArn ?? ''));
  if (prefix === GLOBAL_PROFILE_PREFIX || regions.includes('')) return ['*'];
  return [...new Set(regions)].sort();
}

/**
 * Builds the Sydney catalog from the live API answers. Models the APIs no
 * longer list from Sydney are kept, without paths, so that a lookup by name
 * still explains "no Australian path" rather than "unknown model".
 */
export function buildCatalog(inputs: CatalogInputs): BuiltCatalog {
  const warnings: string[] = [];
  const previous = new Map(inputs.previous.models.map((m) => [m.baseModelId, m]));
  const profilesByBase = new Map<string, CatalogProfile[]>();
  const profileNames = new Map<string, string>();

  for (const p of inputs.sydneyProfiles) {
    if (!p.inferenceProfileId || (p.status && p.status !== 'ACTIVE')) continue;
    const split = splitProfileId(p.inferenceProfileId);
    if (!split) continue;
    const list = profilesByBase.get(split.base) ?? [];
    list.push({ prefix: split.prefix, inferenceProfileId: p.inferenceProfileId, destinations: destinationsOf(split.prefix, p) });
    profilesByBase.set(split.base, list);
    if (p.inferenceProfileName) profileNames.set(split.base, p.inferenceProfileName);
  }
  const melbourneIds = new Set(inputs.melbourneProfiles.map((p) => p.inferenceProfileId));
  for (const [, profiles] of profilesByBase) {
    for (const p of profiles) {
      if (p.prefix === 'au.' && !melbourneIds.has(p.inferenceProfileId)) {
        warnings.push(`${p.inferenceProfileId} is listed in ap-southeast-2 but not in ap-southeast-4.`);
      }
    }
  }

  const seen = new Map<string, CatalogModel>();
  for (const s of inputs.sydneyModels) {
    if (!s.modelId) continue;
    const types = s.inferenceTypesSupported ?? [];
    // Provisioned-only variants (e.g. `...:0:200k`) are not callable on demand or through a profile.
    if (!types.includes('ON_DEMAND') && !types.includes('INFERENCE_PROFILE')) continue;
    const prev = previous.get(s.modelId);
    seen.set(s.modelId, {
      name: prev?.name ?? s.modelName ?? s.modelId,
      provider: prev?.provider ?? s.providerName ?? 'Unknown',
      baseModelId: s.modelId,
      kind: prev?.kind ?? kindOf(s.outputModalities),
      onDemandInSydney: types.includes('ON_DEMAND'),
      profiles: sortProfiles(profilesByBase.get(s.modelId) ?? []),
      ...(prev?.note ? { note: prev.note } : {}),
      ...provenance(prev),
    });
  }
  // Profiles whose base model ListFoundationModels did not list from Sydney.
  for (const [base, profiles] of profilesByBase) {
    if (seen.has(base)) continue;
    const prev = previous.get(base);
    seen.set(base, {
      name: prev?.name ?? (profileNames.get(base) ?? base).replace(/^(AU|APAC|Global|GLOBAL|US|EU|JP|CA)\s+/, ''),
      provider: prev?.provider ?? 'Unknown',
      baseModelId: base,
      kind: prev?.kind ?? ModelKind.TEXT,
      onDemandInSydney: false,
      profiles: sortProfiles(profiles),
      ...(prev?.note ? { note: prev.note } : {}),
      ...provenance(prev),
    });
  }

  const models: CatalogModel[] = [];
  for (const prev of inputs.previous.models) {
    const now = seen.get(prev.baseModelId);
    if (now) {
      models.push(now);
      seen.delete(prev.baseModelId);
    } else {
      const hadPath = prev.onDemandInSydney || prev.profiles.length > 0;
      models.push({
        ...prev,
        onDemandInSydney: false,
        profiles: [],
        note: hadPath ? `No longer listed in ap-southeast-2 as of ${inputs.asOf}.` : prev.note,
      });
    }
  }
  const added = [...seen.values()].sort((a, b) => `${a.provider} ${a.name}`.localeCompare(`${b.provider} ${b.name}`));
  return {
    catalog: {
      asOf: inputs.asOf,
      apiRefreshedOn: inputs.asOf,
      source: inputs.previous.source,
      models: [...models, ...added],
      // Not listed by any API the refresh reads: kept as maintained by hand.
      routingProfiles: inputs.previous.routingProfiles,
    },
    warnings,
  };
}

/** A hand-recorded entry keeps its source and date (an AWS page stays a valid source once the APIs list the model). */
function provenance(prev: CatalogModel | undefined): Pick<CatalogModel, 'source' | 'checkedOn'> {
  return {
    ...(prev?.source ? { source: prev.source } : {}),
    ...(prev?.checkedOn ? { checkedOn: prev.checkedOn } : {}),
  };
}

const PREFIX_ORDER = ['au.', 'apac.', 'jp.', 'us.', 'eu.', 'ca.', 'us-gov.', 'global.'];
function sortProfiles(profiles: CatalogProfile[]): CatalogProfile[] {
  return [...profiles].sort((a, b) => PREFIX_ORDER.indexOf(a.prefix) - PREFIX_ORDER.indexOf(b.prefix));
}
