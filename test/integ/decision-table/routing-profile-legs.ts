/**
 * Requests generated from the catalog's guardrail and Data Automation profiles:
 * for every action that accepts the profile type (Service Authorization
 * Reference), the profile resource in its source Region and in every
 * destination Region, each carrying either the destination Region or the
 * source Region in `aws:RequestedRegion` (AWS does not document which), so the
 * posture is proven to hold either way.
 */
import { ACCOUNT, APP_ROLE } from './legs';
import { Decision } from './simulate';
import { SYDNEY_CATALOG } from '../../../src/core/catalog/sydney-catalog.generated';
import { PROFILE_GATES, RESOURCE_SCOPED_CONTENT_ACTIONS } from '../../../src/core/statements/service-authorization.generated';
import { PolicyVariant } from '../../helpers/synth-policies';

const SYDNEY = 'ap-southeast-2';
const RESIDENCY_REGIONS = [SYDNEY, 'ap-southeast-4'];

/** Whether the action sends content and always names a resource: the resource-Region statement judges its resource. */
function judgedByResourceRegion(action: string): boolean {
  return RESOURCE_SCOPED_CONTENT_ACTIONS.some((a) => (a.endsWith('*') ? action.startsWith(a.slice(0, -1)) : action === a));
}

export interface RoutingLeg {
  readonly name: string;
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly region: string;
  readonly profileId: string;
}

export function routingProfileLegs(): RoutingLeg[] {
  const legs: RoutingLeg[] = [];
  for (const p of SYDNEY_CATALOG.routingProfiles) {
    const gate = PROFILE_GATES.find((g) => g.profileType === p.resourceType);
    if (!gate) throw new Error(`no gate for ${p.resourceType}`);
    for (const action of gate.actions) {
      for (const served of [...new Set([SYDNEY, ...p.destinations])]) {
        for (const region of [...new Set([served, SYDNEY])]) {
          legs.push({
            name: `${p.profileId} ${action.replace('bedrock:', '')} served in ${served}, aws:RequestedRegion ${region}`,
            principal: APP_ROLE,
            action,
            resource: `arn:aws:bedrock:${served}:${ACCOUNT}:${p.resourceType}/${p.profileId}`,
            region,
            profileId: p.profileId,
          });
        }
      }
    }
  }
  return legs;
}

/**
 * The intent, from the residency rules: the profile lock lets only `au.`
 * profiles through; the Region lock lets nothing through outside Australia
 * and, outside Sydney, nothing that is not a leg of an `au.` inference profile
 * (these legs carry no inference-profile key); and it denies content sent to a
 * resource outside Sydney and Melbourne, whatever Region the leg carries.
 */
export function expectedRoutingLegDecision(leg: RoutingLeg, variant: PolicyVariant): Decision {
  const profile: Decision = leg.profileId.startsWith('au.') ? 'Allowed' : 'Denied';
  const served = leg.resource.split(':')[3];
  const resourceAbroad = !RESIDENCY_REGIONS.includes(served) && judgedByResourceRegion(leg.action);
  const region: Decision = leg.region === SYDNEY && !resourceAbroad ? 'Allowed' : 'Denied';
  switch (variant) {
    case 'auOnly': return profile;
    case 'regionAllowlist': return region;
    case 'posture': return profile === 'Allowed' && region === 'Allowed' ? 'Allowed' : 'Denied';
  }
}

/** An invoker granted one guardrail may apply the `au.` guardrail profile in Sydney, nothing else here. */
export function expectedInvokerRoutingDecision(leg: RoutingLeg): Decision {
  const granted = leg.action === 'bedrock:ApplyGuardrail'
    && leg.resource === `arn:aws:bedrock:${SYDNEY}:${ACCOUNT}:guardrail-profile/au.guardrail.v1:0`;
  return granted && expectedRoutingLegDecision(leg, 'posture') === 'Allowed' ? 'Allowed' : 'Denied';
}

