import { governedPrefixOf } from './governed-sources';
import { TrafficKey } from './traffic-types';
import { profileKeyActions, resourceArn, SERVICE_SURFACE } from '../audit/service-surface';
import { PROFILE_RESOURCE_TYPES } from '../coverage';
import { EvaluationRequest } from '../evaluate/scp-evaluator';
import { GLOBAL_PROFILE_PREFIX, SYSTEM_PROFILE_PREFIXES } from '../inference-profiles';
import { UNSPECIFIED_REGION } from '../regions';

/**
 * The authorisation requests a logged call made, rebuilt from its event, as an
 * SCP sees them:
 *
 * - an on-demand model call: one request on the foundation model (or the
 *   provisioned, custom or imported model) in the Region it was made in;
 * - a call through a system inference profile: the profile check in the source
 *   Region (no `bedrock:InferenceProfileArn`), the model leg in the source Region,
 *   and the model leg in the Region that served it (`additionalEventData.inferenceRegion`),
 *   both carrying `bedrock:InferenceProfileArn`; a `global.` profile's serving leg is
 *   the Region-less model ARN with `aws:RequestedRegion` = `unspecified`;
 * - an application inference profile: the same legs; the model it wraps is not in
 *   the event, so the model legs name a placeholder model ID (SCP statements on
 *   Regions and profile ARNs decide them alike);
 * - a request naming a guardrail or Data Automation profile: a request on that profile;
 * - any other call of the surface: one request in its Region, on a resource of a
 *   type the Service Authorization Reference lists for the action.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html
 */
export interface ReconstructedRequest extends EvaluationRequest {
  /** What the request is, for people: `profile check`, `model leg in ap-northeast-1`... */
  readonly leg: string;
}

/** ID used for the model behind an application inference profile, which the event does not name. */
export const UNKNOWN_WRAPPED_MODEL = 'model-behind-application-profile';

/**
 * CloudTrail event names that are not IAM action names: Converse and
 * StartAsyncInvoke are authorised as `bedrock:InvokeModel`, ConverseStream as
 * `bedrock:InvokeModelWithResponseStream`; Mantle's OpenAI- and
 * Anthropic-compatible operations as `bedrock-mantle:CreateInference`.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_bedrock-mantle.html
 */
const ACTION_OF_EVENT: Readonly<Record<string, string>> = {
  'bedrock:Converse': 'bedrock:InvokeModel',
  'bedrock:ConverseStream': 'bedrock:InvokeModelWithResponseStream',
  'bedrock:StartAsyncInvoke': 'bedrock:InvokeModel',
};
const MANTLE_INFERENCE = 'bedrock-mantle:CreateInference';

/** The IAM action an event was authorised as. */
export function actionOf(prefix: string, eventName: string): string {
  const named = `${prefix}:${eventName}`;
  if (ACTION_OF_EVENT[named]) return ACTION_OF_EVENT[named];
  const known = SERVICE_SURFACE.services[prefix]?.actions[eventName] !== undefined;
  if (!known && prefix === 'bedrock-mantle' && /^(Create|Stream)/.test(eventName)) return MANTLE_INFERENCE;
  return named;
}

export type ModelReference =
  | { readonly kind: 'system-profile'; readonly prefix: string; readonly profileArn: string; readonly baseModelId: string }
  | { readonly kind: 'application-profile'; readonly profileArn: string }
  | { readonly kind: 'model'; readonly resource: string }
  | { readonly kind: 'routing-profile'; readonly resource: string };

/** What a Bedrock `modelId` names: a bare ID or an ARN of a profile or model. */
export function modelReference(modelId: string, region: string, account: string): ModelReference {
  if (modelId.startsWith('arn:')) {
    const m = /^arn:aws[a-z-]*:bedrock:([^:]*):([^:]*):([a-z-]+)\/(.+)$/.exec(modelId);
    if (m) {
      const [, , , type, id] = m;
      if (type === 'inference-profile') {
        const prefix = SYSTEM_PROFILE_PREFIXES.find((p) => id.startsWith(p));
        if (prefix) return { kind: 'system-profile', prefix, profileArn: modelId, baseModelId: id.slice(prefix.length) };
      }
      if (type === 'application-inference-profile') return { kind: 'application-profile', profileArn: modelId };
      if ((PROFILE_RESOURCE_TYPES as readonly string[]).includes(type)) return { kind: 'routing-profile', resource: modelId };
    }
    return { kind: 'model', resource: modelId };
  }
  const prefix = SYSTEM_PROFILE_PREFIXES.find((p) => modelId.startsWith(p));
  const routing = prefix && ROUTING_PROFILE_IDS.find(([, pattern]) => pattern.test(modelId.slice(prefix.length)));
  if (routing) return { kind: 'routing-profile', resource: `arn:aws:bedrock:${region}:${account}:${routing[0]}/${modelId}` };
  if (prefix) {
    return { kind: 'system-profile', prefix, profileArn: `arn:aws:bedrock:${region}:${account}:inference-profile/${modelId}`, baseModelId: modelId.slice(prefix.length) };
  }
  return { kind: 'model', resource: `arn:aws:bedrock:${region}::foundation-model/${modelId}` };
}

/** Bare IDs of guardrail and Data Automation profiles (`apac.guardrail.v1:0`), by what follows the prefix. */
const ROUTING_PROFILE_IDS: readonly [string, RegExp][] = [
  ['guardrail-profile', /^guardrail\./],
  ['data-automation-profile', /^data-automation/],
];

const fm = (region: string, id: string) => `arn:aws:bedrock:${region}::foundation-model/${id}`;

/** A resource of the action's first non-profile resource type (by the Service Authorization Reference), or `*`. */
function genericResource(prefix: string, action: string, region: string, account: string): string {
  const types = SERVICE_SURFACE.services[prefix]?.actions[action.slice(prefix.length + 1)] ?? [];
  const type = types.find((t) => !(PROFILE_RESOURCE_TYPES as readonly string[]).includes(t));
  return (type && resourceArn(prefix, type, region, account, 'replayed')) ?? '*';
}

/** The requests of one call. */
export function reconstructRequests(key: TrafficKey, prefixes?: readonly string[]): ReconstructedRequest[] {
  const prefix = governedPrefixOf(key.eventSource, prefixes) ?? key.eventSource.split('.')[0];
  const action = actionOf(prefix, key.eventName);
  const region = key.sourceRegion;
  const base = { 'aws:PrincipalArn': key.principalArn };
  const at = (r: string, extra: Record<string, string> = {}) => ({ ...base, 'aws:RequestedRegion': r, ...extra });
  const one = (resource: string, extra: Record<string, string> = {}): ReconstructedRequest[] => [
    { leg: `request in ${region}`, action, resource, context: at(region, extra) },
  ];

  if (prefix === 'bedrock-mantle') {
    return one(genericResource(prefix, action, region, key.accountId), key.modelId ? { 'bedrock-mantle:Model': key.modelId } : {});
  }
  if (prefix !== 'bedrock' || !key.modelId) return one(genericResource(prefix, action, region, key.accountId));

  const ref = modelReference(key.modelId, region, key.accountId);
  if (ref.kind === 'routing-profile') return one(ref.resource);
  if (ref.kind === 'model') return one(ref.resource);
  // Only actions whose model legs carry the profile key are routed through the profile.
  if (!profileKeyActions().has(action)) return one(ref.profileArn);

  const model = ref.kind === 'system-profile' ? ref.baseModelId : UNKNOWN_WRAPPED_MODEL;
  const key_ = { 'bedrock:InferenceProfileArn': ref.profileArn };
  const legs: ReconstructedRequest[] = [
    { leg: `profile check in ${region}`, action, resource: ref.profileArn, context: at(region) },
    { leg: `model leg in ${region}`, action, resource: fm(region, model), context: at(region, key_) },
  ];
  const isGlobal = ref.kind === 'system-profile' && ref.prefix === GLOBAL_PROFILE_PREFIX;
  if (isGlobal) {
    legs.push({ leg: 'Region-less global model leg', action, resource: fm('', model), context: at(UNSPECIFIED_REGION, key_) });
  } else if (key.inferenceRegion && key.inferenceRegion !== region) {
    legs.push({ leg: `model leg in ${key.inferenceRegion}`, action, resource: fm(key.inferenceRegion, model), context: at(key.inferenceRegion, key_) });
  }
  return legs;
}
