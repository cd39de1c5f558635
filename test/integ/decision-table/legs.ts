/**
 * How one Bedrock call becomes the authorisation requests ("legs") that an SCP
 * sees (FACTS.md §1-2): a profile call is checked against the profile ARN in the
 * source Region, then against the foundation-model ARN in the source Region and
 * in every Region that may serve it, carrying `bedrock:InferenceProfileArn`; a
 * `global.` call's serving leg is Region-less with `aws:RequestedRegion` =
 * `unspecified`. An on-demand call is one request in its own Region.
 */
import * as routing from './routing.json';

export const ACCOUNT = '111122223333';
export const APP_ROLE = `arn:aws:iam::${ACCOUNT}:role/workload-app`;

export type LegKind = 'direct' | 'profile' | 'model-source' | 'model-destination' | 'model-global';

export interface Leg {
  readonly name: string;
  readonly kind: LegKind;
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly region: string;
  /** Value of `bedrock:InferenceProfileArn` on this leg, when present. */
  readonly profileArn?: string;
}

export interface Call {
  readonly label: string;
  readonly baseModelId: string;
  /** `on-demand`, or a system profile prefix such as `au.`. */
  readonly path: string;
  readonly origin: string;
  readonly action: string;
  readonly principal?: string;
}

export function foundationModelArn(region: string, modelId: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

export function systemProfileArn(region: string, prefix: string, modelId: string): string {
  return `arn:aws:bedrock:${region}:${ACCOUNT}:inference-profile/${prefix}${modelId}`;
}

/** Regions that may serve a profile call, or ['unspecified'] for global. */
export function destinations(prefix: string, origin: string): string[] {
  if (prefix === 'global.') return ['unspecified'];
  const table = (routing.destinations as Record<string, Record<string, string[]>>)[prefix];
  const list = table?.[origin];
  if (!list) throw new Error(`routing.json has no ${prefix} destinations for source ${origin}`);
  return list;
}

export function legsOf(call: Call): Leg[] {
  const principal = call.principal ?? APP_ROLE;
  const base = { principal, action: call.action };
  const label = `${call.label} [${call.action.replace('bedrock:', '')}, ${call.path} from ${call.origin}]`;
  if (call.path === 'on-demand') {
    return [{
      ...base,
      name: `${label} direct`,
      kind: 'direct',
      resource: foundationModelArn(call.origin, call.baseModelId),
      region: call.origin,
    }];
  }
  const profileArn = systemProfileArn(call.origin, call.path, call.baseModelId);
  const legs: Leg[] = [
    { ...base, name: `${label} profile check`, kind: 'profile', resource: profileArn, region: call.origin },
    {
      ...base,
      name: `${label} model leg in ${call.origin}`,
      kind: 'model-source',
      resource: foundationModelArn(call.origin, call.baseModelId),
      region: call.origin,
      profileArn,
    },
  ];
  for (const d of destinations(call.path, call.origin)) {
    if (d === call.origin) continue;
    legs.push(d === 'unspecified'
      ? {
        ...base,
        name: `${label} Region-less global leg`,
        kind: 'model-global',
        resource: foundationModelArn('', call.baseModelId),
        region: 'unspecified',
        profileArn,
      }
      : {
        ...base,
        name: `${label} model leg in ${d}`,
        kind: 'model-destination',
        resource: foundationModelArn(d, call.baseModelId),
        region: d,
        profileArn,
      });
  }
  return legs;
}

/** The request context an SCP sees for a leg. */
export function contextOf(leg: Leg): Record<string, string> {
  return {
    'aws:RequestedRegion': leg.region,
    ...(leg.profileArn ? { 'bedrock:InferenceProfileArn': leg.profileArn } : {}),
  };
}
