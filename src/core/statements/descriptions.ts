import { ResidencyRules } from './residency-rules';

/**
 * Default Organizations descriptions of the three policies, shared by the
 * constructs and the landing-zone export so a policy reads the same however it
 * was deployed.
 */
export function auOnlyInferenceDescription(_rules: ResidencyRules): string {
  return 'Denies Amazon Bedrock calls carried by inference, guardrail or Data Automation profiles other than au.* (Sydney and Melbourne only).';
}

export function regionAllowlistDescription(rules: ResidencyRules): string {
  return `Denies Amazon Bedrock outside ${rules.allowedOriginRegions.join(', ')}; legs of au.* inference profiles may run in Sydney and Melbourne. `
    + `Covers ${rules.coveredPrefixes.join(', ')}.${deniedEverywhere(rules, ' Denies ', ' and ', ' everywhere.')}`;
}

export function residencyPostureDescription(rules: ResidencyRules): string {
  return `Keeps Amazon Bedrock in Australia: only au.* profiles, calls only from ${rules.allowedOriginRegions.join(', ')}, nothing served outside Sydney and Melbourne. `
    + `Covers ${rules.coveredPrefixes.join(', ')}.${deniedEverywhere(rules, ' No ', ' or ', '.')}`;
}

/** `' Denies Claude Platform on AWS and Amazon Nova Act everywhere.'`, or '' when neither is denied. */
function deniedEverywhere(rules: ResidencyRules, before: string, joiner: string, after: string): string {
  const names = [...(rules.denyClaudePlatform ? ['Claude Platform on AWS'] : []), ...(rules.denyNovaAct ? ['Amazon Nova Act'] : [])];
  return names.length === 0 ? '' : `${before}${names.join(joiner)}${after}`;
}
