/**
 * Turns an AWS Organizations error into a sentence a user can act on. Access
 * denied is the common failure, and the SDK's message for it names neither the
 * action nor where the caller should have run, so both are added here.
 *
 * @param permission the IAM action behind the call, e.g. `organizations:ListRoots`
 * @param remedy what to do about a denial, in the caller's terms (audit, deployment)
 */
export function explainOrganizationsError(permission: string, e: unknown, remedy: string): string {
  const err = e as { name?: string; message?: string };
  const name = err?.name ?? 'Error';
  if (name === 'AccessDeniedException') {
    return `${permission} was denied (${err.message ?? 'access denied'}). ${remedy}`;
  }
  if (name === 'AWSOrganizationsNotInUseException') return 'this account is not a member of an organization';
  return `${permission} failed: ${name}: ${err?.message ?? String(e)}`;
}
