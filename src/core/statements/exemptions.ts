import { withCondition, StatementJson } from '../policy-json';
import { PRINCIPAL_ARN_KEY, ResidencyRules } from './residency-rules';

/**
 * Lets break-glass principals through a deny statement: the statement then
 * applies only when `aws:PrincipalArn` matches none of the patterns. An
 * `ArnNotLike` on a key the request always carries is safe: SCPs see the
 * calling principal's ARN on every request.
 */
export function exemptPrincipals(statement: StatementJson, rules: ResidencyRules): StatementJson {
  if (rules.exemptPrincipalArns.length === 0) return statement;
  return {
    ...statement,
    Condition: withCondition(statement.Condition, 'ArnNotLike', PRINCIPAL_ARN_KEY, rules.exemptPrincipalArns),
  };
}
