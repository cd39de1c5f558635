import { DESTINATIONS_FROM_SYDNEY, GLOBAL_PROFILE_PREFIX } from './inference-profiles';
import { ResidencyRules } from './statements/residency-rules';

/**
 * Plain-language warnings for allowed prefixes whose routing leaves the
 * geography. Not errors: a team may knowingly accept them, but the policy will
 * then deny the legs served abroad (the Region rules), so calls fail at random.
 */
export function profilePrefixWarnings(rules: ResidencyRules): string[] {
  const home = new Set(rules.geography.homeRegions);
  const warnings: string[] = [];
  for (const prefix of rules.allowedProfilePrefixes) {
    if (prefix === rules.geography.profilePrefix) continue;
    if (prefix === GLOBAL_PROFILE_PREFIX) {
      warnings.push(`allowedProfilePrefixes: "${prefix}" profiles may be served in any commercial Region worldwide.`);
      continue;
    }
    const abroad = (DESTINATIONS_FROM_SYDNEY[prefix] ?? []).filter((r) => !home.has(r));
    const where = abroad.length > 0 ? abroad.join(', ') : 'Regions outside the geography';
    warnings.push(
      `allowedProfilePrefixes: "${prefix}" profiles route outside ${rules.geography.name} (${where}); `
      + 'legs served there are still denied by the Region rules, so such calls can fail intermittently.',
    );
  }
  return warnings;
}
