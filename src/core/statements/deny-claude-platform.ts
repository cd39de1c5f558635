import { allActionsOf, DENIED_EVERYWHERE_PREFIXES } from '../coverage';
import { StatementJson } from '../policy-json';
import { exemptPrincipals } from './exemptions';
import { ResidencyRules } from './residency-rules';

export const DENY_CLAUDE_PLATFORM_SID = 'DenyClaudePlatformOnAws';

/**
 * Claude Platform on AWS (`aws-external-anthropic`) in every Region. AWS says
 * its data may not reside in AWS and inference may route to Anthropic's own
 * cloud, in the US or globally: no request to it keeps data in Australia,
 * whatever Region it is made in. AWS's own SCP examples deny the whole prefix.
 *
 * @see https://docs.aws.amazon.com/claude-platform/latest/userguide/data-residency.html
 */
export function denyClaudePlatform(rules: ResidencyRules): StatementJson {
  const actions = DENIED_EVERYWHERE_PREFIXES.map(allActionsOf);
  return exemptPrincipals({
    Sid: DENY_CLAUDE_PLATFORM_SID,
    Effect: 'Deny',
    Action: actions.length === 1 ? actions[0] : actions,
    Resource: '*',
  }, rules);
}
