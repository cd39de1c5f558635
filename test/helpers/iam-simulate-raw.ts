/**
 * The independent evaluator's raw verdict on an SCP chain, for agreement tests:
 * 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied', or undefined when
 * iam-simulate rejects the input (invalid policy for its validator).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { runSimulation, runUnsafeSimulation } from '@cloud-copilot/iam-simulate';

/** The Service Authorization Reference data (the package exports no paths into it). */
const IAM_DATA = join(__dirname, '..', '..', 'node_modules', '@cloud-copilot', 'iam-data', 'data');

const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

export interface RawLevel { readonly id: string; readonly policies: readonly { readonly name: string; readonly document: unknown }[] }

export interface RawVerdict {
  readonly decision: string;
  /** Context keys iam-simulate dropped as not applicable to the action. */
  readonly ignoredContextKeys: string[];
}

type Request = { principal: string; action: string; resource: string; context: Record<string, string | string[]> };
type Identity = readonly { name: string; document: unknown }[];

/**
 * Verdicts already computed in this test file. The evaluator is deterministic, and
 * the decision table asks the same question more than once (a leg under the posture,
 * then as part of its whole call); each answer is still checked where it is asked.
 */
const verdicts = new Map<string, Promise<RawVerdict | undefined>>();

export function iamSimulateVerdict(levels: readonly RawLevel[], request: Request, identityPolicies: Identity = [{ name: 'admin', document: ALLOW_ALL }]): Promise<RawVerdict | undefined> {
  const key = JSON.stringify([levels, request, identityPolicies]);
  let verdict = verdicts.get(key);
  if (!verdict) {
    verdict = evaluate(levels, request, identityPolicies);
    verdicts.set(key, verdict);
  }
  // A copy, so a caller that edits its verdict cannot change another's.
  return verdict.then((v) => v && { ...v, ignoredContextKeys: [...v.ignoredContextKeys] });
}

async function evaluate(levels: readonly RawLevel[], request: Request, identityPolicies: Identity): Promise<RawVerdict | undefined> {
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
  // iam-simulate's ARN validation rejects Region-less ARNs of Regional services (the
  // foundation-model ARN of global legs, AgentCore's built-in evaluators, the audit's
  // `unspecified` probes): validate the same request with the ARN in a Region (and,
  // if its type needs one, an account), then evaluate the real ARN unchecked. IAM's
  // own ARNs have no Region and validate as they are.
  let checked = await runSimulation(simulation(request.resource), {});
  let substituted = false;
  if (checked.resultType === 'error' && /^arn:aws:[a-z-]+::/.test(request.resource)) {
    substituted = true;
    checked = await runSimulation(simulation(request.resource.replace(/^(arn:aws:[a-z-]+:):/, '$1ap-southeast-2:')), {});
    if (checked.resultType === 'error' && /^arn:aws:[a-z-]+:::/.test(request.resource)) {
      checked = await runSimulation(simulation(request.resource.replace(/^(arn:aws:[a-z-]+:)::/, `$1ap-southeast-2:${account}:`)), {});
    }
  }
  if (checked.resultType === 'error') return undefined;
  const ignored = checked.resultType === 'single' ? checked.result.ignoredContextKeys ?? [] : checked.results.flatMap((r) => r.ignoredContextKeys ?? []);
  const decision = substituted ? runUnsafeSimulation(simulation(request.resource), {}) : checked.overallResult;
  return { decision, ignoredContextKeys: ignored };
}

/**
 * The request context as AWS would send it for this action: global `aws:` keys,
 * and of the service's own keys only those the Service Authorization Reference
 * lists for the action (on the action or on its resource types). A probe that
 * carries every key a chain mentions is then evaluated by iam-simulate on the
 * same terms, and `ignoredContextKeys` can still be required to be empty.
 */
export function applicableContext(action: string, context: Record<string, string | string[]>): Record<string, string | string[]> {
  const [prefix, name] = action.split(':');
  const read = (kind: string) => JSON.parse(readFileSync(join(IAM_DATA, kind, `${prefix}.json`), 'utf8'));
  const actions = read('actions') as Record<string, { conditionKeys?: string[]; resourceTypes?: { name: string; conditionKeys?: string[] }[] }>;
  const resourceTypes = read('resourceTypes') as Record<string, { conditionKeys?: string[] }>;
  const a = actions[name.toLowerCase()];
  const keys = new Set<string>([
    ...(a?.conditionKeys ?? []),
    ...(a?.resourceTypes ?? []).flatMap((r) => [...(r.conditionKeys ?? []), ...(resourceTypes[r.name]?.conditionKeys ?? [])]),
  ].map((k) => k.toLowerCase()));
  return Object.fromEntries(Object.entries(context).filter(([k]) => k.toLowerCase().startsWith('aws:') || keys.has(k.toLowerCase())));
}
