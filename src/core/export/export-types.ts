import { RegionDenyInput } from '../control-tower-region-deny';
import { ResidencyRulesInput } from '../statements/residency-rules';

/** Where the exported posture is deployed from. */
export type PostureFormat = 'cfct' | 'lza' | 'json';
export const POSTURE_FORMATS: readonly PostureFormat[] = ['cfct', 'lza', 'json'];

/**
 * Where the policies are attached, in the pipeline's own terms: CfCT and LZA
 * both take OU names (LZA also paths like `Workloads/Prod`) rather than OU IDs;
 * CfCT takes account IDs or names, LZA account names from accounts-config.yaml.
 * Strings are written as given.
 */
export interface ExportTargetsInput {
  readonly organizationalUnits?: readonly string[];
  readonly accounts?: readonly string[];
}

export interface ExportPostureInput {
  readonly format: PostureFormat;
  /** Required for `cfct` and `lza`; not used by `json`. */
  readonly targets?: ExportTargetsInput;
  /** The same options as `ResidencyPolicies` and the SCP constructs. */
  readonly options?: ResidencyRulesInput;
  /** Two policies (the profile lock and the Region lock) instead of one combined policy. */
  readonly split?: boolean;
  /** Prepended to every policy name (and file name). */
  readonly namePrefix?: string;
  /** Largest minified policy, in characters (default 10,240, the quota since 15 May 2026). */
  readonly maxPolicySize?: number;
  /** Most SCPs per target (default 10); a posture over `maxPolicySize` spills within this budget. */
  readonly maxPoliciesPerTarget?: number;
  /** SCPs attached to each target by others (default 1, FullAWSAccess). */
  readonly policiesAttachedElsewhere?: number;
  /** Control Tower home Region, the `region:` line of a CfCT manifest. */
  readonly homeRegion?: string;
  /** Also write the parameters of Control Tower's OU Region deny (both Australian Regions allowed). */
  readonly controlTowerRegionDeny?: RegionDenyInput;
}

/** A file to write, relative to the output directory. */
export interface ExportFile {
  readonly path: string;
  readonly content: string;
}
