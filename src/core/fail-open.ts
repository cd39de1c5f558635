/**
 * Configurations that would quietly open the posture, refused at synth time
 * (and by the CLI export). Each rule is precise so that ordinary
 * configurations (a break-glass role, a break-glass path, Sydney and
 * Melbourne origins) never trip it. docs/refusals.md lists them for users.
 */
import { Geography } from './geography';
import { PRINCIPAL_ARN } from './identifiers';
import { describeRegion, isKnownRegion } from './regions';
import { ValidationErrors } from './validation-errors';
import { IsUnresolved } from './validators';

/** How much of the principals of an account an `aws:PrincipalArn` pattern exempts. */
export type ExemptionBreadth =
  /** Names particular roles or users (or a path of them): the ordinary break-glass case. */
  | 'named'
  /** Every role (or every user) of one account, named by its 12-digit ID. */
  | 'one-account'
  /** Every role (or every user) of every account the account part matches. */
  | 'every-account';

/**
 * The rule: a pattern `arn:aws:iam::ACCOUNT:role/NAME` (or `user/NAME`) is
 * account-wide when NAME, with every `*`, `?` and `/` removed, is empty.
 * Such a NAME (`*`, `?*`, `??*`, `????????`, or stars around a slash) selects roles by nothing
 * but the length or depth of their names, so any role anyone creates matches
 * it (`aws:PrincipalArn` is matched with ArnLike, whose `*` spans `/`). It is
 * `one-account` when ACCOUNT is a literal 12-digit ID, `every-account` when it
 * has a wildcard. Patterns of another shape (`...:root`, tokens, malformed
 * ARNs, refused elsewhere) are `named`.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
export function exemptionBreadth(pattern: string): ExemptionBreadth {
  if (typeof pattern !== 'string' || !PRINCIPAL_ARN.test(pattern)) return 'named';
  const m = /^arn:aws:iam::([^:]*):(role|user)\/(.*)$/.exec(pattern);
  if (!m) return 'named';
  const [, account, , name] = m;
  if (name.replace(/[*?/]/g, '') !== '') return 'named';
  return /^\d{12}$/.test(account) ? 'one-account' : 'every-account';
}

const NAMED_FORMS = 'Name the exempt roles (arn:aws:iam::*:role/BreakGlass) or a path of them (arn:aws:iam::*:role/break-glass/*)';

/**
 * Refuses exemption patterns that cover every role or user of an account. One
 * account's worth may be acknowledged, pattern by pattern, in
 * `acknowledgedProp`; a pattern covering every account never can be (the
 * policy would restrict no role anywhere). Acknowledged patterns that are not
 * account-wide exemptions of `prop` are refused too, so a stale
 * acknowledgement cannot pre-approve a later edit.
 */
export function checkExemptionBreadth(
  prop: string, patterns: readonly string[] | undefined | null,
  acknowledgedProp: string | undefined, acknowledged: readonly string[] | undefined | null,
  errors: ValidationErrors, isUnresolved: IsUnresolved,
): void {
  const list = Array.isArray(patterns) && !isUnresolved(patterns) ? patterns : [];
  const acks = Array.isArray(acknowledged) && !isUnresolved(acknowledged) ? acknowledged.filter((a) => typeof a === 'string') : [];
  list.forEach((pattern, i) => {
    if (typeof pattern !== 'string' || isUnresolved(pattern)) return;
    const kind = what(pattern);
    switch (exemptionBreadth(pattern)) {
      case 'every-account':
        errors.add(`${prop}[${i}]`, `"${pattern}" exempts every ${kind} in every account it matches, so the policy would restrict none of them. `
          + `${NAMED_FORMS}. This cannot be acknowledged: to leave accounts unrestricted, do not attach the policy to them`);
        break;
      case 'one-account':
        if (!acks.includes(pattern)) {
          errors.add(`${prop}[${i}]`, `"${pattern}" exempts every ${kind} in account ${pattern.split(':')[4]}, so the policy would restrict none of them there. `
            + `${NAMED_FORMS}. If the whole account really must be exempt, do not attach the policy to it`
            + (acknowledgedProp ? `, or list the pattern in ${acknowledgedProp} as well` : ' (this cannot be acknowledged here)'));
        }
        break;
      default:
    }
  });
  if (acknowledgedProp === undefined || acknowledged === undefined || acknowledged === null || isUnresolved(acknowledged)) return;
  if (!Array.isArray(acknowledged)) return; // reported by the list check of acknowledgedProp
  acknowledged.forEach((ack, i) => {
    if (typeof ack !== 'string' || isUnresolved(ack)) return;
    if (!list.includes(ack)) {
      errors.add(`${acknowledgedProp}[${i}]`, `"${ack}" is not in ${prop}: acknowledge only the account-wide patterns you exempt`);
    } else if (exemptionBreadth(ack) !== 'one-account') {
      errors.add(`${acknowledgedProp}[${i}]`, `"${ack}" is not an exemption of every role or user of one account, so there is nothing to acknowledge; remove it`);
    }
  });
}

function what(pattern: string): string {
  return pattern.includes(':user/') ? 'IAM user' : 'IAM role';
}

/** The acknowledged account-wide exemptions that are in use, for a synth-time warning. */
export function acknowledgedAccountWideExemptions(
  patterns: readonly string[] | undefined, acknowledged: readonly string[] | undefined,
): string[] {
  return (acknowledged ?? []).filter((a) => (patterns ?? []).includes(a) && exemptionBreadth(a) === 'one-account');
}

/**
 * Refuses origin Regions outside the geography on the Australian constructs:
 * an allowed origin abroad lets calls be made, and served, there. Unknown
 * Regions are left to the Region check, so each element gets one message.
 */
export function checkRegionsInGeography(
  prop: string, regions: readonly string[] | undefined | null, geography: Geography,
  errors: ValidationErrors, isUnresolved: IsUnresolved, purpose: string,
): void {
  if (!Array.isArray(regions) || isUnresolved(regions)) return;
  const home = geography.homeRegions.map(describeRegion).join(' and ');
  regions.forEach((region, i) => {
    if (typeof region !== 'string' || isUnresolved(region) || !isKnownRegion(region)) return;
    if (!geography.homeRegions.includes(region)) {
      errors.add(`${prop}[${i}]`, `"${region}" is outside ${geography.name}: ${purpose}. Use ${home} only`);
    }
  });
}
