/** What a model produces, used to suggest like-for-like alternatives. */
export enum ModelKind {
  /** Text and chat generation. */
  TEXT = 'TEXT',
  /** Embeddings. */
  EMBEDDING = 'EMBEDDING',
  /** Image generation. */
  IMAGE = 'IMAGE',
  /** Video generation or understanding. */
  VIDEO = 'VIDEO',
  /** Speech-to-speech. */
  SPEECH = 'SPEECH',
}

/** A system inference profile usable with ap-southeast-2 as the source Region. */
export interface CatalogProfile {
  /** Geography prefix with its dot: `au.`, `apac.`, `global.`. */
  readonly prefix: string;
  /** The ID to pass to the SDK, e.g. `au.anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  readonly inferenceProfileId: string;
  /** Regions a Sydney call may be served in; `['*']` for global (any commercial Region). */
  readonly destinations: string[];
}

/** One Bedrock model as seen from ap-southeast-2. */
export interface CatalogModel {
  /** Human name, e.g. `Claude Sonnet 4.5`. */
  readonly name: string;
  /** Model provider, e.g. `Anthropic`. */
  readonly provider: string;
  /** Base (foundation) model ID, e.g. `anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  readonly baseModelId: string;
  /** What the model produces. */
  readonly kind: ModelKind;
  /** Callable on-demand by its base ID in ap-southeast-2. */
  readonly onDemandInSydney: boolean;
  /** System inference profiles usable from Sydney. */
  readonly profiles: CatalogProfile[];
  /**
   * Anything the APIs do not say (for example "Sydney is a destination, not a source").
   * @default - none
   */
  readonly note?: string;
  /**
   * Where the entry comes from, when not from the catalog's own refresh (an AWS model card URL).
   * @default - the catalog's source
   */
  readonly source?: string;
  /**
   * The date the entry was checked against its source (YYYY-MM-DD).
   * @default - the catalog's date
   */
  readonly checkedOn?: string;
}

/**
 * A profile that is not a model profile but routes across Regions by the
 * prefix of its ID: a guardrail profile or a Data Automation profile.
 */
export interface CatalogRoutingProfile {
  /** `guardrail-profile` or `data-automation-profile`. */
  readonly resourceType: string;
  /** The profile ID, e.g. `au.guardrail.v1:0`. */
  readonly profileId: string;
  /** Regions a call from Sydney may be processed in. */
  readonly destinations: string[];
  /** Whether every destination is in Australia. */
  readonly staysInAustralia: boolean;
  /** The AWS page the entry was read from. */
  readonly source: string;
  /** The date the entry was checked (YYYY-MM-DD). */
  readonly checkedOn: string;
  /**
   * Anything else worth knowing.
   * @default - none
   */
  readonly note?: string;
}

/** How a model can be called from Sydney while keeping data in Australia. */
export enum ResidencyPathKind {
  /** Base model ID, on-demand in ap-southeast-2: served in Sydney, no profile involved. */
  ON_DEMAND_IN_SYDNEY = 'ON_DEMAND_IN_SYDNEY',
  /** Through an `au.` inference profile: served in Sydney or Melbourne only. */
  AU_INFERENCE_PROFILE = 'AU_INFERENCE_PROFILE',
  /** No path keeps data in Australia. */
  NONE = 'NONE',
}

/** The answer to "can I call this from Sydney and keep data in Australia, and how?" */
export interface ResidencyPath {
  /** What was asked about, as given. */
  readonly requested: string;
  /**
   * The catalog entry it matched.
   * @default - not in the catalog
   */
  readonly model?: CatalogModel;
  /** The residency-safe path, or NONE. */
  readonly kind: ResidencyPathKind;
  /**
   * The exact model ID to pass to the SDK (`modelId`), when a safe path exists.
   * @default - no safe path
   */
  readonly invokeModelId?: string;
  /** Regions the call can be served in on this path (empty for NONE). */
  readonly servedIn: string[];
  /** One sentence a person can act on. */
  readonly reason: string;
  /** Residency-safe alternatives, as `Name (model ID)`, most similar first (NONE only). */
  readonly alternatives: string[];
}
