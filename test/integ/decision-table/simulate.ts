/**
 * Runs one request through @cloud-copilot/iam-simulate (AGPL, test-only) with an
 * organization hierarchy root → OU → account, every level carrying
 * FullAWSAccess, the policies under test attached to the OU, and an identity
 * policy that allows everything unless another is given: the SCPs are then the
 * only thing that can deny.
 */
import { ACCOUNT } from './legs';
import { iamSimulateVerdict } from '../../helpers/iam-simulate-raw';

export type Decision = 'Allowed' | 'Denied';

export interface SimRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly context: Record<string, string | string[]>;
}

export interface NamedPolicy {
  readonly name: string;
  readonly policy: unknown;
}

const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const FULL_AWS_ACCESS: NamedPolicy = { name: 'FullAWSAccess', policy: ALLOW_ALL };
export const ADMIN_IDENTITY_POLICY: NamedPolicy = { name: 'AdministratorAccess', policy: ALLOW_ALL };

export interface SimOutcome {
  readonly decision: Decision;
  /** The evaluator's own result, e.g. ExplicitlyDenied. */
  readonly raw: string;
  /** Context keys the evaluator dropped as unknown for the action: must be empty. */
  readonly ignoredContextKeys: string[];
}

export async function simulate(
  request: SimRequest, scps: readonly NamedPolicy[], identityPolicies: readonly NamedPolicy[] = [ADMIN_IDENTITY_POLICY],
): Promise<SimOutcome> {
  // The caller's own account: SCPs govern principals, and a foundation model has
  // no resource policy, so the request is same-account.
  const account = /^arn:aws:iam::(\d{12}):/.exec(request.principal)?.[1] ?? ACCOUNT;
  const asLevel = (p: NamedPolicy) => ({ name: p.name, document: p.policy });
  const verdict = await iamSimulateVerdict([
    { id: 'r-ab12', policies: [asLevel(FULL_AWS_ACCESS)] },
    { id: 'ou-ab12-34cd56ef', policies: [FULL_AWS_ACCESS, ...scps].map(asLevel) },
    { id: account, policies: [asLevel(FULL_AWS_ACCESS)] },
  ], request, identityPolicies.map(asLevel));
  if (!verdict) throw new Error(`iam-simulate rejected ${request.action} on ${request.resource}`);
  return {
    decision: verdict.decision === 'Allowed' ? 'Allowed' : 'Denied',
    raw: verdict.decision,
    ignoredContextKeys: verdict.ignoredContextKeys,
  };
}
