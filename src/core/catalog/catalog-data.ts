import { CatalogModel, CatalogRoutingProfile } from './catalog-types';

/**
 * A dated catalog. Internal: the library's users read it through
 * `SydneyModelCatalog`; the maintainer command writes it.
 */
export interface ModelCatalogData {
  /**
   * The newest date the catalog was checked against AWS (YYYY-MM-DD): the last
   * full refresh from the live APIs, or a later entry recorded from an AWS
   * model page, whichever is later. Always `catalogAsOf(this)`.
   */
  readonly asOf: string;
  /** Date of the last full refresh from the live APIs (YYYY-MM-DD). */
  readonly apiRefreshedOn: string;
  /** Where the data came from. */
  readonly source: string;
  /** The models, in a stable order. */
  readonly models: CatalogModel[];
  /** Guardrail and Data Automation profiles usable from Sydney, maintained by hand from AWS's pages. */
  readonly routingProfiles: CatalogRoutingProfile[];
}
