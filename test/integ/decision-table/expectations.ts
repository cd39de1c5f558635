/**
 * What the posture is meant to decide, stated from the residency rules rather
 * than from the policy JSON, for rows generated from the model matrix. The
 * evaluator's verdict on the synthesized policies must agree leg by leg.
 */
import { Call, Leg } from './legs';
import { Decision } from './simulate';
import { PolicyVariant } from '../../helpers/synth-policies';

export interface PostureIntent {
  /** Prefixes whose routing stays in Australia and may be used. */
  readonly approvedPrefixes: readonly string[];
  /** Regions where anything Bedrock may be authorised at all. */
  readonly australianRegions: readonly string[];
  /** Regions that may originate calls. */
  readonly originRegions: readonly string[];
}

export const DEFAULT_INTENT: PostureIntent = {
  approvedPrefixes: ['au.'],
  australianRegions: ['ap-southeast-2', 'ap-southeast-4'],
  originRegions: ['ap-southeast-2'],
};

function approvedProfile(leg: Leg, intent: PostureIntent): boolean {
  if (!leg.profileArn) return false;
  const id = leg.profileArn.slice(leg.profileArn.indexOf('/') + 1);
  return intent.approvedPrefixes.some((p) => id.startsWith(p));
}

/** The inference-profile lock: a leg that carries a profile must carry an approved one. */
function profileLock(leg: Leg, intent: PostureIntent): Decision {
  return leg.profileArn && !approvedProfile(leg, intent) ? 'Denied' : 'Allowed';
}

/**
 * The Region lock: nothing outside Australia; outside the origin Regions only the
 * serving legs of approved profiles.
 */
function regionLock(leg: Leg, intent: PostureIntent): Decision {
  if (!intent.australianRegions.includes(leg.region)) return 'Denied';
  if (!intent.originRegions.includes(leg.region) && !approvedProfile(leg, intent)) return 'Denied';
  return 'Allowed';
}

export function expectedLegDecision(leg: Leg, variant: PolicyVariant, intent = DEFAULT_INTENT): Decision {
  const profile = profileLock(leg, intent);
  const region = regionLock(leg, intent);
  switch (variant) {
    case 'auOnly': return profile;
    case 'regionAllowlist': return region;
    case 'posture': return profile === 'Denied' || region === 'Denied' ? 'Denied' : 'Allowed';
  }
}

/**
 * The mission in one line, independent of legs: only on-demand calls in an
 * origin Region and `au.` profile calls from an origin Region keep data in
 * Australia, so only those may succeed under the whole posture.
 */
export function callKeepsDataInAustralia(call: Call, intent = DEFAULT_INTENT): boolean {
  if (!intent.originRegions.includes(call.origin)) return false;
  return call.path === 'on-demand' || intent.approvedPrefixes.includes(call.path);
}

/**
 * What SovereignBedrockInvoker's default identity policy grants, per leg: direct
 * calls in Sydney; the `au.` profile itself in Sydney; model legs in Sydney or
 * Melbourne that carry an `au.` profile of the caller's account in Sydney.
 * The column's decision is this AND the posture SCP.
 */
export function invokerGrants(leg: Leg): boolean {
  if (leg.action !== 'bedrock:InvokeModel' && leg.action !== 'bedrock:InvokeModelWithResponseStream') return false;
  const sydney = 'ap-southeast-2';
  const callerAccount = leg.principal.split(':')[4];
  const auProfileInSydney = (arn: string) => arn.startsWith(`arn:aws:bedrock:${sydney}:${callerAccount}:inference-profile/au.`);
  switch (leg.kind) {
    case 'direct': return leg.region === sydney;
    case 'profile': return auProfileInSydney(leg.resource);
    case 'model-source':
    case 'model-destination':
      return ['ap-southeast-2', 'ap-southeast-4'].includes(leg.region) && auProfileInSydney(leg.profileArn ?? '');
    case 'model-global': return false;
  }
}

export function expectedInvokerDecision(leg: Leg, intent = DEFAULT_INTENT): Decision {
  return invokerGrants(leg) && expectedLegDecision(leg, 'posture', intent) === 'Allowed' ? 'Allowed' : 'Denied';
}
