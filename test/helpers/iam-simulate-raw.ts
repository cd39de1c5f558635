/**
 * The independent evaluator's raw verdict on an SCP chain, for agreement tests:
 * 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied', or undefined when
 * iam-simulate rejects the input (invalid policy for its validator).
 */
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';

const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

export interface RawLevel { readonly id: string; readonly policies: readonly { readonly name: string; readonly document: unknown }[] }

export interface RawVerdict {
  readonly decision: string;
  /** Context keys iam-simulate dropped as not applicable to the action. */
  readonly ignoredContextKeys: string[];
}

export async function iamSimulateVerdict(
  levels: readonly RawLevel[], request: { principal: string; action: string; resource: string; context: Record<string, string | string[]> },
  identityPolicies: readonly { name: string; document: unknown }[] = [{ name: 'admin', document: ALLOW_ALL }],
): Promise<RawVerdict | undefined> {
  const account = request.principal.split(':')[4];
  const simulation = (resource: string) => ({
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource, accountId: account },
      // AWS puts the caller's ARN in every request context; the evaluator does not add it itself.
      contextVariables: { 'aws:PrincipalArn': request.principal, ...request.context },
    },
    identityPolicies: identityPolicies.map((p) => ({ name: p.name, policy: p.document })),
    serviceControlPolicies: levels.map((l) => ({ orgIdentifier: l.id, policies: l.policies.map((p) => ({ name: p.name, policy: p.document })) })),
    resourceControlPolicies: [],
  });
  // iam-simulate's ARN validation rejects Region-less ARNs (the foundation-model
  // ARN of global legs, AgentCore's built-in evaluators): validate the same
  // request with the ARN in a Region (and, if its type needs one, an account),
  // then evaluate the real ARN unchecked.
  const regionless = /^arn:aws:[a-z-]+:::/.exec(request.resource);
  let checked = await runSimulation(simulation(regionless ? request.resource.replace(/^(arn:aws:[a-z-]+:)::/, '$1ap-southeast-2::') : request.resource), {});
  if (checked.resultType === 'error' && regionless) {
    checked = await runSimulation(simulation(request.resource.replace(/^(arn:aws:[a-z-]+:)::/, `$1ap-southeast-2:${account}:`)), {});
  }
  if (checked.resultType === 'error') return undefined;
  const ignored = checked.resultType === 'single' ? checked.result.ignoredContextKeys ?? [] : checked.results.flatMap((r) => r.ignoredContextKeys ?? []);
  const decision = regionless ? runUnsafeSimulation(simulation(request.resource), {}) : checked.overallResult;
  return { decision, ignoredContextKeys: ignored };
}
