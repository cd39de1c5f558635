import { StatementJson } from '../policy-json';
import { exemptPrincipals } from './exemptions';
import { ResidencyRules } from './residency-rules';
import { PROFILE_GATES } from './service-authorization.generated';

export const DENY_UNAPPROVED_ROUTING_PROFILES_SID = 'DenyUnapprovedGuardrailAndDataAutomationProfiles';

/** `arn:aws:bedrock:*:*:guardrail-profile/au.*`: every profile of the type with an approved prefix. */
export function routingProfileArnPattern(profileType: string, prefix: string): string {
  return `arn:aws:bedrock:*:*:${profileType}/${prefix}*`;
}

/**
 * Guardrail profiles and Data Automation profiles route a call across Regions
 * by the prefix of their ID, like inference profiles, but their legs carry no
 * `bedrock:InferenceProfileArn` and `ApplyGuardrail` takes no condition key at
 * all, so the profile rule cannot see them. And whether their destination legs
 * carry the destination Region in `aws:RequestedRegion` is not documented.
 *
 * So this statement decides on the resource alone, and fails closed: for the
 * actions that accept these profile types (from the Service Authorization
 * Reference, only those that always name a resource), it denies every resource
 * that is NOT one of the other resource types those actions accept (guardrails,
 * blueprints, projects...) or an approved profile (`au.` by default). A profile
 * with any other prefix, including one AWS has not invented yet, is denied in
 * every Region, whatever Region its legs carry. `au.guardrail.v1:0` and plain
 * guardrails keep working.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region-support.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/guardrail-profiles-permissions.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/bda-cris.html
 */
export function denyUnapprovedRoutingProfiles(rules: ResidencyRules): StatementJson {
  const actions = [...new Set(PROFILE_GATES.flatMap((g) => g.actions))].sort();
  const notResource = [...new Set(PROFILE_GATES.flatMap((g) => [
    ...g.otherResourcePatterns,
    ...rules.allowedProfilePrefixes.map((p) => routingProfileArnPattern(g.profileType, p)),
  ]))].sort();
  return exemptPrincipals({
    Sid: DENY_UNAPPROVED_ROUTING_PROFILES_SID,
    Effect: 'Deny',
    Action: actions,
    NotResource: notResource,
  }, rules);
}
