import { allActionsOf, DeniedEverywherePrefix } from '../coverage';
import { StatementJson } from '../policy-json';
import { exemptPrincipals } from './exemptions';
import { ResidencyRules } from './residency-rules';
import { surfaceEntry } from '../surface/ai-surface';

export const DENY_SERVICES_EVERYWHERE_SID = 'DenyServicesWithoutAustralianProcessing';
/** @deprecated the statement now covers every denied-everywhere service: use DENY_SERVICES_EVERYWHERE_SID */
export const DENY_CLAUDE_PLATFORM_SID = DENY_SERVICES_EVERYWHERE_SID;

/**
 * Whether each service the AI surface table denies everywhere is denied by
 * these rules. A `Record` over the table's prefixes: a new denied-everywhere
 * entry does not compile until it has its option here.
 */
const DENIED_BY: Record<DeniedEverywherePrefix, (rules: ResidencyRules) => boolean> = {
  'aws-external-anthropic': (r) => r.denyClaudePlatform,
  'nova-act': (r) => r.denyNovaAct,
};

/** The denied-everywhere prefixes these rules leave denied. */
export function deniedEverywherePrefixes(rules: ResidencyRules): DeniedEverywherePrefix[] {
  return (Object.keys(DENIED_BY) as DeniedEverywherePrefix[])
    .filter((prefix) => surfaceEntry(prefix)?.treatment === 'DENIED_EVERYWHERE' && DENIED_BY[prefix](rules));
}

/**
 * Services with no Australian processing, in every Region, whole prefix:
 *
 * - Claude Platform on AWS (`aws-external-anthropic`): AWS says its data may
 *   not reside in AWS and inference may route to Anthropic's own cloud, in the
 *   US or globally. AWS's own SCP examples deny the whole prefix, as here.
 * - Amazon Nova Act (`nova-act`): AWS documents no Australian Region for it, so
 *   it fails closed until AWS documents one.
 *
 * Undefined when every one of them is allowed by an option.
 *
 * @see https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html
 * @see https://docs.aws.amazon.com/nova-act/latest/userguide/what-is-nova-act.html
 */
export function denyServicesEverywhere(rules: ResidencyRules): StatementJson | undefined {
  const actions = deniedEverywherePrefixes(rules).map(allActionsOf);
  if (actions.length === 0) return undefined;
  return exemptPrincipals({
    Sid: DENY_SERVICES_EVERYWHERE_SID,
    Effect: 'Deny',
    Action: actions.length === 1 ? actions[0] : actions,
    Resource: '*',
  }, rules);
}
