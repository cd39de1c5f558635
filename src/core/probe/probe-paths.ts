import { ModelCatalogData } from '../catalog/catalog-data';
import { CatalogModel } from '../catalog/catalog-types';
import { AUSTRALIA } from '../geography';
import { ValidationErrors } from '../validation-errors';

/** What a path must do under the posture. */
export type ProbeExpectation = 'ALLOWED' | 'DENIED';

/** Services the probe can send a request to (the `--services` names). */
export type ProbeService = 'bedrock' | 'agentcore';

/** How the probe calls a path. */
export type ProbeCallKind = 'converse' | 'agentcore-list-actors';

/** One path the probe sends a request down. */
export interface ProbePath {
  /** Stable name, used in output, metric dimensions and `--model PATH=ID`. */
  readonly name: string;
  /** `--services` name the path belongs to. */
  readonly service: ProbeService;
  /** The service's endpoint name, as in the JSON output (`bedrock-runtime`, `bedrock-agentcore`). */
  readonly endpoint: string;
  readonly call: ProbeCallKind;
  /** Region the request is sent to (and signed for). */
  readonly region: string;
  /** Model or inference profile ID (or, for AgentCore, the resource ID looked up). */
  readonly modelId: string;
  readonly expect: ProbeExpectation;
  /** Why the posture must decide this way, in one sentence. */
  readonly why: string;
}

/** Which catalog entry a row uses: a preferred model by name, reached by its base ID or one of its profiles. */
interface ModelChoice {
  /** Catalog names in order of preference (cheapest first); the first that has the route wins. */
  readonly preferred: readonly string[];
  /** `base` (the on-demand ID) or a profile prefix. */
  readonly via: 'base' | 'au.' | 'apac.' | 'global.';
}

interface PathRow {
  readonly name: string;
  readonly service: ProbeService;
  readonly endpoint: string;
  readonly call: ProbeCallKind;
  /** `origin` (the probe's origin Region) or a fixed Region. */
  readonly region: 'origin' | string;
  readonly model: ModelChoice | { readonly fixed: string };
  readonly expect: ProbeExpectation;
  readonly why: string;
}

const SMALL_TEXT_MODELS = ['Nova Micro', 'Nova Lite', 'Titan Text Large'];
const SMALL_CLAUDE = ['Claude Haiku 4.5', 'Claude Sonnet 4.5', 'Claude Sonnet 4'];

/**
 * The design's sandbox test as data: (a) on-demand models in Sydney and (b) `au.`
 * profiles still work; (c) `apac.` and `global.` profiles and a direct call abroad
 * are denied. AgentCore is probed with a data-plane call in us-east-1 on a memory
 * that does not exist: once authorised, the service answers ResourceNotFound.
 *
 * Not probed, because the AWS SDK for JavaScript v3 has no client for them:
 * Mantle (the OpenAI-compatible `bedrock-mantle` endpoint) and Claude Platform
 * on AWS (`aws-external-anthropic`); see {@link NOT_PROBED}.
 */
export const PROBE_PATH_ROWS: readonly PathRow[] = [
  {
    name: 'on-demand-in-origin',
    service: 'bedrock',
    endpoint: 'bedrock-runtime',
    call: 'converse',
    region: 'origin',
    model: { preferred: SMALL_TEXT_MODELS, via: 'base' },
    expect: 'ALLOWED',
    why: 'an on-demand model in the origin Region is served there: the posture must let it through',
  },
  {
    name: 'au-profile',
    service: 'bedrock',
    endpoint: 'bedrock-runtime',
    call: 'converse',
    region: 'origin',
    model: { preferred: SMALL_CLAUDE, via: 'au.' },
    expect: 'ALLOWED',
    why: 'an au. profile is served only in Sydney or Melbourne: the posture must let it through, Melbourne leg included',
  },
  {
    name: 'apac-profile',
    service: 'bedrock',
    endpoint: 'bedrock-runtime',
    call: 'converse',
    region: 'origin',
    model: { preferred: SMALL_TEXT_MODELS, via: 'apac.' },
    expect: 'DENIED',
    why: 'an apac. profile can serve a call from Sydney in Tokyo, Seoul, Osaka, Mumbai, Hyderabad or Singapore',
  },
  {
    name: 'global-profile',
    service: 'bedrock',
    endpoint: 'bedrock-runtime',
    call: 'converse',
    region: 'origin',
    model: { preferred: SMALL_CLAUDE, via: 'global.' },
    expect: 'DENIED',
    why: 'a global. profile can serve a call in any commercial Region',
  },
  {
    name: 'direct-us-east-1',
    service: 'bedrock',
    endpoint: 'bedrock-runtime',
    call: 'converse',
    region: 'us-east-1',
    model: { preferred: SMALL_TEXT_MODELS, via: 'base' },
    expect: 'DENIED',
    why: 'a direct call made in us-east-1 is served there',
  },
  {
    name: 'agentcore-us-east-1',
    service: 'agentcore',
    endpoint: 'bedrock-agentcore',
    call: 'agentcore-list-actors',
    region: 'us-east-1',
    model: { fixed: 'memory/SovereignProbeNoSuchMemory-0000000000' },
    expect: 'DENIED',
    why: 'an AgentCore call made in us-east-1 is processed there',
  },
];

/** Surfaces the posture covers that the probe cannot send a request to, and why. */
export const NOT_PROBED: readonly { readonly surface: string; readonly reason: string }[] = [
  {
    surface: 'mantle',
    reason: 'Amazon Bedrock\'s OpenAI-compatible endpoint (bedrock-mantle) has no client in the AWS SDK for JavaScript v3; '
      + 'the probe sends only requests the SDK builds and signs. The posture denies bedrock-mantle outside Australia by Region like bedrock.',
  },
  {
    surface: 'claude-platform',
    reason: 'Claude Platform on AWS (aws-external-anthropic) has no client in the AWS SDK for JavaScript v3; '
      + 'the posture denies aws-external-anthropic in every Region, which the audit checks from the policies.',
  },
];

/** Every `--services` name the probe knows, probed or not. */
export const PROBE_SERVICES: readonly ProbeService[] = ['bedrock', 'agentcore'];

/** The fixed ID prefix a path can use, or the catalog's model and ID. */
function chooseModel(catalog: ModelCatalogData, choice: ModelChoice): { model: CatalogModel; id: string } | undefined {
  for (const name of choice.preferred) {
    const model = catalog.models.find((m) => m.name === name);
    if (!model) continue;
    if (choice.via === 'base' && model.onDemandInSydney) return { model, id: model.baseModelId };
    const profile = model.profiles.find((p) => p.prefix === choice.via);
    if (choice.via !== 'base' && profile) return { model, id: profile.inferenceProfileId };
  }
  return undefined;
}

export interface ProbePathOptions {
  /** The Region the probe calls from. */
  readonly originRegion: string;
  /** Services to probe. @default every one in PROBE_SERVICES */
  readonly services?: readonly ProbeService[];
  /** Model ID per path name, replacing the catalog's choice. */
  readonly modelOverrides?: Readonly<Record<string, string>>;
}

/**
 * The paths for one run, in a fixed order. Problems (an override for a path
 * that is not probed, a catalog without a model for a row) go to `errors`
 * under `prop` (the flag or prop the user wrote).
 */
export function probePaths(catalog: ModelCatalogData, options: ProbePathOptions, errors: ValidationErrors, prop = 'modelOverrides'): ProbePath[] {
  const services = options.services ?? PROBE_SERVICES;
  const rows = PROBE_PATH_ROWS.filter((r) => services.includes(r.service));
  const overrides = options.modelOverrides ?? {};
  for (const name of Object.keys(overrides)) {
    if (!rows.some((r) => r.name === name)) {
      errors.add(prop, `"${name}" is not a path of this run. Paths: ${rows.map((r) => r.name).join(', ')}`);
    }
  }
  const paths: ProbePath[] = [];
  for (const row of rows) {
    let modelId = overrides[row.name];
    if (modelId === undefined) {
      if ('fixed' in row.model) {
        modelId = row.model.fixed;
      } else {
        const chosen = chooseModel(catalog, row.model);
        if (!chosen) {
          errors.add(prop, `the model catalog has none of ${row.model.preferred.join(', ')} with a ${row.model.via} route for path ${row.name}: `
            + `give one with ${row.name}=MODEL_ID`);
          continue;
        }
        modelId = chosen.id;
      }
    }
    paths.push({
      name: row.name,
      service: row.service,
      endpoint: row.endpoint,
      call: row.call,
      region: row.region === 'origin' ? options.originRegion : row.region,
      modelId,
      expect: row.expect,
      why: row.why,
    });
  }
  return paths;
}

/** The origin Regions a probe may run from: the posture's own (Australian) Regions. */
export const PROBE_ORIGINS: readonly string[] = AUSTRALIA.homeRegions;
