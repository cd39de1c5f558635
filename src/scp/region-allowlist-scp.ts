import { Construct } from 'constructs';
import { collectErrors, isToken } from './internal';
import { ResidencyScp, ResidencyScpSpec } from './residency-scp';
import { RegionAllowlistOptions, ResidencyScpBaseProps } from './residency-scp-props';
import { coverageWarnings } from '../core/statements/coverage-warnings';
import { regionAllowlistDescription } from '../core/statements/descriptions';
import { regionAllowlistDocument } from '../core/statements/documents';
import { resolveResidencyRules } from '../core/statements/residency-rules';
import { validateResidencyRulesInput } from '../core/statements/validate-residency-rules';

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
  private static spec(props: RegionAllowlistScpProps): ResidencyScpSpec {
    const rules = resolveResidencyRules(props);
    return {
      kind: 'RegionAllowlistScp',
      document: regionAllowlistDocument(rules),
      defaultDescription: regionAllowlistDescription(rules),
      errors: collectErrors((e) => validateResidencyRulesInput(props, e, isToken)),
      warnings: coverageWarnings(rules),
    };
  }

  constructor(scope: Construct, id: string, props: RegionAllowlistScpProps) {
    super(scope, id, props, RegionAllowlistScp.spec(props));
  }
}
