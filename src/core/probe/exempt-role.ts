import { wildcardMatch } from '../evaluate/wildcard';
import { ValidationErrors } from '../validation-errors';
import { IsUnresolved } from '../validators';

/**
 * Refuses exempt patterns that match the probe's role: `aws:PrincipalArn` of a
 * role session is the role's ARN. An account or partition not known at synth
 * time is assumed to match (fail closed); a pattern not known at synth time cannot be judged.
 */
export function checkRoleNotExempt(
  roleName: string, patterns: readonly string[] | undefined, where: { account?: string; partition?: string },
  errors: ValidationErrors, isUnresolved: IsUnresolved,
): void {
  if (isUnresolved(roleName)) {
    errors.add('roleName', 'must be known at synth time: it is checked against exemptPrincipalArns');
    return;
  }
  if (!/^[\w+=,.@-]{1,64}$/.test(roleName)) errors.add('roleName', `"${roleName}" is not an IAM role name (up to 64 of A-Z a-z 0-9 + = , . @ _ -)`);
  const { account, partition } = where;
  (patterns ?? []).forEach((pattern, i) => {
    if (isUnresolved(pattern)) {
      errors.add(`exemptPrincipalArns[${i}]`, 'is not known at synth time, so the probe cannot check that its role is not exempt. Pass the posture\'s patterns as strings');
      return;
    }
    const parts = pattern.split(':');
    if (parts.length < 6 || parts[0] !== 'arn') return;
    const [, p, service, , acct] = parts;
    const resource = parts.slice(5).join(':');
    const matches = (partition === undefined || wildcardMatch(p, partition))
      && wildcardMatch(service, 'iam')
      && (account === undefined || wildcardMatch(acct, account))
      && wildcardMatch(resource, `role/${roleName}`);
    if (matches) {
      errors.add(`exemptPrincipalArns[${i}]`, `"${pattern}" matches the probe's role ${roleName}: an exempt role is never denied by the posture, so the probe would prove nothing. `
        + 'Give the probe a roleName that no exempt pattern matches');
    }
  });
}
