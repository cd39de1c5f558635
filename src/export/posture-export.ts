import { exportPostureWarnings, exportPostureWithWarnings } from '../core/export/export-posture';
import { ControlTowerRegionDenyOptions } from '../landing-zone/control-tower-region-deny';
import { ResidencyPolicyOptions } from '../policy-core';

/** Which landing-zone pipeline the posture is exported for. */
export enum PostureExportFormat {
  /** Customizations for AWS Control Tower: `policies/NAME.json` and a `manifest.yaml`. */
  CFCT = 'cfct',
  /** Landing Zone Accelerator: `service-control-policies/NAME.json` and an `organization-config.yaml` snippet. */
  LZA = 'lza',
  /** The minified policy files only: `policies/NAME.json`. */
  JSON = 'json',
}

/**
 * Where the pipeline attaches the policies, in its own terms. Strings are
 * written as given: CfCT takes OU names (not `ou-` IDs) and account IDs or
 * names; LZA takes OU names or paths (`Workloads/Prod`) as organization-config.yaml
 * names them, and account names from accounts-config.yaml.
 */
export interface PostureExportTargets {
  /**
   * Organizational units, by name or path.
   * @default - none (give at least one OU or account)
   */
  readonly organizationalUnits?: string[];

  /**
   * Accounts: 12-digit IDs (CfCT) or account names.
   * @default - none (give at least one OU or account)
   */
  readonly accounts?: string[];
}

export interface PostureExportProps {
  /** The pipeline to export for. */
  readonly format: PostureExportFormat;

  /**
   * Where the policies are attached. Required for `CFCT` and `LZA`.
   * @default - none; not used by `JSON`
   */
  readonly targets?: PostureExportTargets;

  /**
   * The posture's options, as for `ResidencyPolicies` and the SCP constructs.
   * @default - the safe defaults: au. only, calls from Sydney, Mantle covered
   */
  readonly options?: ResidencyPolicyOptions;

  /**
   * Export the profile lock and the Region lock as two policies
   * (`au-only-inference`, `region-allowlist`) instead of one (`au-bedrock-residency`).
   * Two policies use two SCP slots per target.
   * @default false
   */
  readonly split?: boolean;

  /**
   * Prepended to every policy name and file name, e.g. `acme-`. Letters,
   * digits, `-` and `_`.
   * @default - no prefix
   */
  readonly namePrefix?: string;

  /**
   * Largest minified policy, in characters. Public reports say AWS raised the
   * quota to 10,240 in May 2026: set it here if your organization has it.
   * @default 10240
   */
  readonly maxPolicySize?: number;

  /**
   * Most SCPs attached to one root, OU or account. A policy over
   * `maxPolicySize` spills over the fewest SCPs that hold its statements
   * (`NAME-part2.json`...), within this budget less `policiesAttachedElsewhere`.
   * @default 10
   */
  readonly maxPoliciesPerTarget?: number;

  /**
   * SCPs attached to every target by others (FullAWSAccess, Control Tower's
   * guardrails), which a spilled posture leaves room for.
   * @default 1
   */
  readonly policiesAttachedElsewhere?: number;

  /**
   * The Control Tower home Region, written as the manifest's `region:` line.
   * `CFCT` only.
   * @default 'ap-southeast-2'
   */
  readonly homeRegion?: string;

  /**
   * Also write `control-tower/ou-region-deny-parameters.json`: the parameters
   * of Control Tower's OU Region deny (CT.MULTISERVICE.PV.1) with both
   * Australian Regions allowed, for `aws controltower enable-control
   * --parameters file://...` on each OU. Neither pipeline can enable it itself:
   * a CfCT manifest deploys policies and stack sets, not controls, and Landing
   * Zone Accelerator's `controlTower.controls` takes no control parameters
   * (this control requires AllowedRegions). `controlIdentifier` is not used here.
   * @default - no Region deny file
   */
  readonly controlTowerRegionDeny?: ControlTowerRegionDenyOptions;
}

/** The files of an export and the warnings about them. */
export interface PostureExportResult {
  /** The files, as `toFiles` returns them. */
  readonly files: ExportedFile[];
  /**
   * Legitimate but risky choices, one line each, prefixed with the option as
   * the errors name it (`coveredServices: ...`): the same warnings the constructs raise;
   * then one line per policy that spilled over several SCPs (their names, sizes and the
   * slots they take).
   */
  readonly warnings: string[];
}

/** A file of the export, relative to the output directory. */
export interface ExportedFile {
  /** Relative path with `/` separators, e.g. `policies/au-bedrock-residency.json`. */
  readonly path: string;
  /** The file's text. Policy files are minified JSON with no trailing newline. */
  readonly content: string;
}

/**
 * The residency posture as files for pipelines that deploy SCPs themselves:
 * Customizations for Control Tower (CfCT) and Landing Zone Accelerator (LZA).
 * The policy files are byte-for-byte the documents `ResidencyPolicies` returns,
 * minified; nothing is written to disk.
 *
 * @example
 * const files = PostureExport.toFiles({
 *   format: PostureExportFormat.CFCT,
 *   targets: { organizationalUnits: ['Workloads'] },
 * });
 * // policies/au-bedrock-residency.json, manifest.yaml
 */
export class PostureExport {
  /**
   * The files of the export. Invalid props throw one error that lists every
   * problem (targets, names, options, policy size).
   */
  public static toFiles(props: PostureExportProps): ExportedFile[] {
    return exportWith(props, 'PostureExport.toFiles').files;
  }

  /**
   * The files of the export with its warnings: the ones the constructs would raise for the same
   * options (a service left out of `coveredServices`, a wildcard in an exemption's name, an
   * acknowledged account-wide exemption), and, for a policy over `maxPolicySize`, how it spilled
   * over the fewest SCPs that hold it (more policy files, all in the manifest, the warning also
   * written as a comment at its top). Only a posture the slot budget cannot hold throws, saying
   * what would fit; invalid props throw as `toFiles` does.
   */
  public static toResult(props: PostureExportProps): PostureExportResult {
    const result = exportWith(props, 'PostureExport.toResult');
    return { files: result.files, warnings: [...exportPostureWarnings(props as never), ...result.warnings] };
  }

  private constructor() {}
}

function exportWith(props: PostureExportProps, where: string): PostureExportResult {
  if (props === undefined || props === null || typeof props !== 'object') {
    exportPostureWithWarnings(props as never, where); // reports the missing props
  }
  const result = exportPostureWithWarnings({
    format: props.format,
    targets: props.targets,
    options: props.options,
    split: props.split,
    namePrefix: props.namePrefix,
    maxPolicySize: props.maxPolicySize,
    maxPoliciesPerTarget: props.maxPoliciesPerTarget,
    policiesAttachedElsewhere: props.policiesAttachedElsewhere,
    homeRegion: props.homeRegion,
    controlTowerRegionDeny: props.controlTowerRegionDeny,
  }, where);
  return { files: result.files.map((f) => ({ path: f.path, content: f.content })), warnings: [...result.warnings] };
}
