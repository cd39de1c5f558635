import { ExportFile } from './export-types';
import { RegionDenyInput, regionDenyParameters, validateRegionDenyInput } from '../control-tower-region-deny';
import { ValidationErrors } from '../validation-errors';

/** Where the Region deny parameters are written, whatever the format. */
export const REGION_DENY_PARAMETERS_FILE = 'control-tower/ou-region-deny-parameters.json';

/**
 * Neither pipeline can enable Control Tower's OU Region deny with its
 * parameters: a CfCT manifest deploys SCPs, RCPs and stack sets, not controls;
 * Landing Zone Accelerator's `controlTower.controls` entries take an
 * identifier, deployment targets and Regions but no parameters, and this
 * control's AllowedRegions is mandatory. So the export writes the control's
 * parameters as a file for `aws controltower enable-control --parameters file://...`,
 * run per OU (or deploy the `ControlTowerRegionDeny` construct instead).
 *
 * @see https://docs.aws.amazon.com/controltower/latest/APIReference/API_EnableControl.html
 */
export function regionDenyExportFiles(input: RegionDenyInput | undefined, errors: ValidationErrors): ExportFile[] {
  if (input === undefined || input === null) return [];
  const scoped = new ValidationErrors();
  validateRegionDenyInput(input, scoped);
  for (const m of scoped.all) {
    const at = m.indexOf(': ');
    errors.add(`controlTowerRegionDeny.${m.slice(0, at)}`, m.slice(at + 2));
  }
  if (scoped.count > 0) return [];
  return [{ path: REGION_DENY_PARAMETERS_FILE, content: `${JSON.stringify(regionDenyParameters(input), null, 2)}\n` }];
}

