import { Construct } from 'constructs';
import { collectErrors, isToken } from './internal';
import { ResidencyScp, ResidencyScpSpec } from './residency-scp';
import { AuOnlyInferenceOptions, RegionAllowlistOptions, ResidencyScpBaseProps } from './residency-scp-props';
import { coverageWarnings } from '../core/statements/coverage-warnings';
import { residencyPostureDescription } from '../core/statements/descriptions';
import { residencyPostureDocument } from '../core/statements/documents';
import { resolveResidencyRules } from '../core/statements/residency-rules';
import { validateResidencyRulesInput } from '../core/statements/validate-residency-rules';

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
  private static spec(props: AuBedrockResidencyScpProps): ResidencyScpSpec {
    const rules = resolveResidencyRules(props);
    return {
      kind: 'AuBedrockResidencyScp',
      document: residencyPostureDocument(rules),
      defaultDescription: residencyPostureDescription(rules),
      errors: collectErrors((e) => validateResidencyRulesInput(props, e, isToken)),
      warnings: coverageWarnings(rules),
    };
  }

  constructor(scope: Construct, id: string, props: AuBedrockResidencyScpProps) {
    super(scope, id, props, AuBedrockResidencyScp.spec(props));
  }
}
