import { Construct } from 'constructs';
import { collectErrors, isToken } from './internal';
import { ResidencyScp, ResidencyScpSpec } from './residency-scp';
import { AuOnlyInferenceOptions, ResidencyScpBaseProps } from './residency-scp-props';
import { coverageWarnings } from '../core/statements/coverage-warnings';
import { auOnlyInferenceDescription } from '../core/statements/descriptions';
import { auOnlyInferenceDocument } from '../core/statements/documents';
import { resolveResidencyRules } from '../core/statements/residency-rules';
import { validateResidencyRulesInput } from '../core/statements/validate-residency-rules';

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
  private static spec(props: AuOnlyInferenceScpProps): ResidencyScpSpec {
    const rules = resolveResidencyRules(props);
    return {
      kind: 'AuOnlyInferenceScp',
      document: auOnlyInferenceDocument(rules),
      defaultDescription: auOnlyInferenceDescription(rules),
      errors: collectErrors((e) => validateResidencyRulesInput(props, e, isToken)),
      warnings: coverageWarnings(rules),
    };
  }

  constructor(scope: Construct, id: string, props: AuOnlyInferenceScpProps) {
    super(scope, id, props, AuOnlyInferenceScp.spec(props));
  }
}
