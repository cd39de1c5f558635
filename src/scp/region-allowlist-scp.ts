import { Construct } from 'constructs';
import { ResidencyScp } from './residency-scp';
import { RegionAllowlistOptions, ResidencyScpBaseProps } from './residency-scp-props';
import { registerScpKind } from './scp-kinds';

export interface RegionAllowlistScpProps extends ResidencyScpBaseProps, RegionAllowlistOptions {}

/**
 * Denies Amazon Bedrock (and Bedrock Mantle) outside the allowed Regions
 * (default: Sydney), without breaking `au.` inference profiles: their Melbourne
 * legs are authorised with `aws:RequestedRegion = ap-southeast-4`, so legs of
 * allowed profiles are exempt there. Nothing Bedrock is authorised outside
 * Australia at all, and `global.` legs (`unspecified`) never are.
 *
 * @example
 * new RegionAllowlistScp(this, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
 */
export class RegionAllowlistScp extends ResidencyScp {
  constructor(scope: Construct, id: string, props: RegionAllowlistScpProps) {
    super(scope, id, props);
  }
}

registerScpKind(RegionAllowlistScp, 'RegionAllowlistScp');
