import { Construct } from 'constructs';
import { ResidencyScp } from './residency-scp';
import { AuOnlyInferenceOptions, RegionAllowlistOptions, ResidencyScpBaseProps } from './residency-scp-props';
import { registerScpKind } from './scp-kinds';

export interface AuBedrockResidencyScpProps extends ResidencyScpBaseProps, AuOnlyInferenceOptions, RegionAllowlistOptions {}

/**
 * The whole Australian Bedrock posture in one SCP slot: the statements of
 * `AuOnlyInferenceScp` and `RegionAllowlistScp` together. Use it where
 * `FullAWSAccess` and Control Tower's guardrails leave few of the 5 (or 10)
 * SCP slots per target.
 *
 * @example
 * new AuBedrockResidencyScp(this, 'Posture', {
 *   targetIds: ['ou-ab12-34cd56ef'],
 *   exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass'],
 * });
 */
export class AuBedrockResidencyScp extends ResidencyScp {
  constructor(scope: Construct, id: string, props: AuBedrockResidencyScpProps) {
    super(scope, id, props);
  }
}

registerScpKind(AuBedrockResidencyScp, 'AuBedrockResidencyScp');
