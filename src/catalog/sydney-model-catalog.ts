import { CatalogModel, CatalogRoutingProfile, ResidencyPath } from '../core/catalog/catalog-types';
import { resolveResidencyPath } from '../core/catalog/residency-path';
import { SYDNEY_CATALOG } from '../core/catalog/sydney-catalog.generated';

/**
 * Amazon Bedrock models as seen from ap-southeast-2, with the path (if any)
 * that keeps a Sydney call in Australia. Dated: see `AS_OF`, and regenerate
 * with `npm run catalog:refresh` when AWS launches models.
 *
 * @example
 * SydneyModelCatalog.resolve('Claude Opus 4.5').reason;
 * // "Claude Opus 4.5 is reachable from Sydney only through global.* (any commercial Region worldwide): no Australian path."
 * SydneyModelCatalog.resolve('anthropic.claude-sonnet-4-5-20250929-v1:0').invokeModelId;
 * // "au.anthropic.claude-sonnet-4-5-20250929-v1:0"
 */
export class SydneyModelCatalog {
  /**
   * The newest date the catalog was checked against AWS: its last full refresh
   * from the Bedrock APIs, or a later entry recorded from an AWS model card
   * (each such entry carries its own `checkedOn` and `source`).
   */
  public static readonly AS_OF: string = SYDNEY_CATALOG.asOf;

  /** Every model in the catalog. */
  public static models(): CatalogModel[] {
    return [...SYDNEY_CATALOG.models];
  }

  /**
   * Finds a model by base model ID, profile ID (`au.`, `apac.`, `global.`...), ARN or name.
   * @returns the catalog entry, or undefined when unknown
   */
  public static find(model: string): CatalogModel | undefined {
    return resolveResidencyPath(SYDNEY_CATALOG, model).model;
  }

  /**
   * Guardrail and Data Automation profiles usable from Sydney, with where they
   * route: `au.guardrail.v1:0` stays in Sydney; Data Automation has no
   * Australian profile.
   */
  public static routingProfiles(): CatalogRoutingProfile[] {
    return [...SYDNEY_CATALOG.routingProfiles];
  }

  /** The residency-safe path for a model, with the model ID to hand to the SDK, or the reason there is none. */
  public static resolve(model: string): ResidencyPath {
    return resolveResidencyPath(SYDNEY_CATALOG, model);
  }

  private constructor() {}
}
