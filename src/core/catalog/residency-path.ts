import { AUSTRALIA } from '../geography';
import { GLOBAL_PROFILE_PREFIX, SYSTEM_PROFILE_PREFIXES } from '../inference-profiles';
import { describeRegion, SYDNEY } from '../regions';
import { ModelCatalogData } from './catalog-data';
import { CatalogModel, CatalogProfile, ResidencyPath, ResidencyPathKind } from './catalog-types';

interface ParsedRequest {
  readonly model?: CatalogModel;
  /** A system profile prefix the caller named explicitly. */
  readonly prefix?: string;
}

function stripArn(input: string): string {
  // foundation-model/ID, inference-profile/ID: the ID is everything after the first slash.
  return input.startsWith('arn:') ? input.slice(input.indexOf('/') + 1) : input;
}

function parse(catalog: ModelCatalogData, input: string): ParsedRequest {
  const id = stripArn(input.trim());
  const prefix = SYSTEM_PROFILE_PREFIXES.find((p) => id.startsWith(p));
  const base = prefix ? id.slice(prefix.length) : id;
  const lower = id.toLowerCase();
  const model = catalog.models.find((m) => m.baseModelId === base)
    ?? catalog.models.find((m) => m.name.toLowerCase() === lower);
  return { model, prefix };
}

function auProfile(model: CatalogModel): CatalogProfile | undefined {
  return model.profiles.find((p) => p.prefix === AUSTRALIA.profilePrefix);
}

function where(regions: readonly string[]): string {
  return regions.includes('*') ? 'any commercial Region worldwide' : regions.map(describeRegion).join(', ');
}

/** The safe path of a model, ignoring any prefix the caller asked for. */
function modelPath(model: CatalogModel): { kind: ResidencyPathKind; invokeModelId?: string; servedIn: string[] } {
  if (model.onDemandInSydney) {
    return { kind: ResidencyPathKind.ON_DEMAND_IN_SYDNEY, invokeModelId: model.baseModelId, servedIn: [SYDNEY] };
  }
  const au = auProfile(model);
  if (au) return { kind: ResidencyPathKind.AU_INFERENCE_PROFILE, invokeModelId: au.inferenceProfileId, servedIn: [...AUSTRALIA.homeRegions] };
  return { kind: ResidencyPathKind.NONE, servedIn: [] };
}

/** Like-for-like models that do have an Australian path: same provider and kind, then same kind; newest first. */
export function alternativesFor(catalog: ModelCatalogData, model: CatalogModel | undefined, limit = 3): string[] {
  const safe = [...catalog.models].reverse().filter((m) => m !== model && modelPath(m).kind !== ResidencyPathKind.NONE);
  const kind = model?.kind;
  const ranked = [
    ...safe.filter((m) => m.provider === model?.provider && m.kind === kind),
    ...safe.filter((m) => m.provider !== model?.provider && m.kind === kind),
  ];
  return ranked.slice(0, limit).map((m) => `${m.name} (${modelPath(m).invokeModelId})`);
}

function noPathReason(model: CatalogModel): string {
  const routes = model.profiles.map((p) => `${p.prefix}* (${where(p.destinations)})`);
  const base = routes.length === 0
    ? `${model.name} is not available from ap-southeast-2 at all, on-demand or through an inference profile: no Australian path.`
    : `${model.name} is reachable from Sydney only through ${routes.join(' or ')}: no Australian path.`;
  return model.note ? `${base} ${model.note}` : base;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How old the catalog is and how to bring it up to date: a model AWS launched
 * after the last refresh is unknown to it, not necessarily unavailable.
 */
export function catalogAge(catalog: ModelCatalogData, now: Date = new Date()): string {
  const days = Math.floor((now.getTime() - Date.parse(`${catalog.asOf}T00:00:00Z`)) / DAY_MS);
  const age = Number.isFinite(days) && days >= 0 ? ` (${days} day${days === 1 ? '' : 's'} ago)` : '';
  const api = catalog.apiRefreshedOn === catalog.asOf ? '' : ` (last full refresh from the Bedrock APIs on ${catalog.apiRefreshedOn})`;
  return `The catalog was last checked against AWS on ${catalog.asOf}${age}${api}; a model launched since is unknown to it. `
    + 'Upgrade cdk-sovereign-bedrock, or run `npm run catalog:refresh` in its repository with credentials for ap-southeast-2 and ap-southeast-4.';
}

/**
 * Resolves a model (base ID, profile ID, ARN or catalog name) to the path that
 * keeps a Sydney call in Australia, or explains why there is none.
 */
export function resolveResidencyPath(catalog: ModelCatalogData, requested: string, now: Date = new Date()): ResidencyPath {
  const { model, prefix } = parse(catalog, requested);
  if (!model) {
    return {
      requested,
      kind: ResidencyPathKind.NONE,
      servedIn: [],
      alternatives: [],
      reason: `"${requested}" is not in the Sydney model catalog. ${catalogAge(catalog, now)} `
        + 'Use a base model ID (amazon.nova-pro-v1:0), an au. profile ID or a catalog name ("Claude Sonnet 4.5").',
    };
  }
  const path = modelPath(model);
  if (prefix && prefix !== AUSTRALIA.profilePrefix) {
    const profile = model.profiles.find((p) => p.prefix === prefix);
    const routing = prefix === GLOBAL_PROFILE_PREFIX || !profile
      ? (prefix === GLOBAL_PROFILE_PREFIX ? 'any commercial Region worldwide' : 'Regions outside Australia')
      : where(profile.destinations);
    const instead = path.invokeModelId
      ? ` Use ${path.invokeModelId} instead, served in ${where(path.servedIn)}.`
      : ` ${noPathReason(model)}`;
    return {
      requested,
      model,
      kind: ResidencyPathKind.NONE,
      servedIn: [],
      reason: `${requested} names the ${prefix} profile of ${model.name}, which can serve a Sydney call in ${routing}.${instead}`,
      alternatives: path.invokeModelId ? [`${model.name} (${path.invokeModelId})`] : alternativesFor(catalog, model),
    };
  }
  if (prefix === AUSTRALIA.profilePrefix && !auProfile(model)) {
    return {
      requested,
      model,
      kind: ResidencyPathKind.NONE,
      servedIn: [],
      reason: `${model.name} has no au. inference profile.${path.invokeModelId ? ` Use ${path.invokeModelId} (on-demand in Sydney).` : ` ${noPathReason(model)}`}`,
      alternatives: path.invokeModelId ? [`${model.name} (${path.invokeModelId})`] : alternativesFor(catalog, model),
    };
  }
  if (path.kind === ResidencyPathKind.NONE) {
    return { requested, model, ...path, reason: noPathReason(model), alternatives: alternativesFor(catalog, model) };
  }
  const reason = path.kind === ResidencyPathKind.ON_DEMAND_IN_SYDNEY
    ? `${model.name} is on-demand in ap-southeast-2: served in Sydney, no inference profile involved.`
    : `${model.name} is reachable from Sydney through ${path.invokeModelId}, served only in Sydney or Melbourne.`;
  return { requested, model, ...path, reason, alternatives: [] };
}
