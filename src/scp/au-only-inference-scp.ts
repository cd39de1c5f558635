import { Construct } from 'constructs';
import { ResidencyScp } from './residency-scp';
import { AuOnlyInferenceOptions, ResidencyScpBaseProps } from './residency-scp-props';
import { registerScpKind } from './scp-kinds';

export interface AuOnlyInferenceScpProps extends ResidencyScpBaseProps, AuOnlyInferenceOptions {}

/**
 * Denies Amazon Bedrock whenever an inference profile other than an `au.` one
 * (or an application profile you vouch for) carries the call: `apac.`,
 * `global.`, `us.`, `eu.`, `jp.`, `ca.`, `us-gov.`. On-demand calls to base
 * model IDs are not affected; pair with `RegionAllowlistScp` (or use
 * `AuBedrockResidencyScp`) to pin where those run.
 *
 * @example
 * new AuOnlyInferenceScp(this, 'AuOnly', { targetIds: ['ou-ab12-34cd56ef'] });
 */
export class AuOnlyInferenceScp extends ResidencyScp {
  constructor(scope: Construct, id: string, props: AuOnlyInferenceScpProps) {
    super(scope, id, props);
  }
}

registerScpKind(AuOnlyInferenceScp, 'AuOnlyInferenceScp');
