/**
 * Runs one request through @cloud-copilot/iam-simulate (AGPL, test-only) with an
 * organization hierarchy root → OU → account, every level carrying
 * FullAWSAccess, the policies under test attached to the OU, and an identity
 * policy that allows everything unless another is given: the SCPs are then the
 * only thing that can deny.
 */
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import { ACCOUNT } from './legs';

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

/** A Region-less foundation-model ARN (global legs), which the evaluator's ARN validation rejects. */
function isRegionless(resource: string): boolean {
  return /^arn:aws:bedrock:::/.test(resource);
}

export async function simulate(
  request: SimRequest, scps: readonly NamedPolicy[], identityPolicies: readonly NamedPolicy[] = [ADMIN_IDENTITY_POLICY],
): Promise<SimOutcome> {
  // The caller's own account: SCPs govern principals, and a foundation model has
  // no resource policy, so the request is same-account.
  const account = /^arn:aws:iam::(\d{12}):/.exec(request.principal)?.[1] ?? ACCOUNT;
  const simulation = (resource: string) => ({
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource, accountId: account },
      // AWS puts the caller's ARN in every request context; the evaluator does not add it itself.
      contextVariables: { 'aws:PrincipalArn': request.principal, ...request.context },
    },
    identityPolicies: [...identityPolicies],
    serviceControlPolicies: [
      { orgIdentifier: 'r-ab12', policies: [FULL_AWS_ACCESS] },
      { orgIdentifier: 'ou-ab12-34cd56ef', policies: [FULL_AWS_ACCESS, ...scps] },
      { orgIdentifier: account, policies: [FULL_AWS_ACCESS] },
    ],
    resourceControlPolicies: [],
  });

  // Validate the request (action, ARN shape, context keys) through the checked
  // entry point. For Region-less ARNs validate with the same ARN in a Region,
  // then evaluate the real ARN unchecked.
  const checkedResource = isRegionless(request.resource)
    ? request.resource.replace('arn:aws:bedrock:::', 'arn:aws:bedrock:ap-southeast-2::')
    : request.resource;
  const checked = await runSimulation(simulation(checkedResource), {});
  if (checked.resultType === 'error') {
    throw new Error(`iam-simulate rejected ${request.action} on ${request.resource}: ${JSON.stringify(checked.errors)}`);
  }
  const ignored = checked.resultType === 'single'
    ? checked.result.ignoredContextKeys ?? []
    : checked.results.flatMap((r) => r.ignoredContextKeys ?? []);
  const raw = isRegionless(request.resource)
    ? runUnsafeSimulation(simulation(request.resource), {})
    : checked.overallResult;
  return { decision: raw === 'Allowed' ? 'Allowed' : 'Denied', raw, ignoredContextKeys: ignored };
}
