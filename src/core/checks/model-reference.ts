import { parseArnPattern } from './arn-pattern';
import { FindingSeverity } from './findings';
import { hasWildcard } from './glob';
import { IntrinsicContext, ResolvedString, UNKNOWN, isFullyUnknown } from './intrinsics';
import { MODEL_RESOURCE_TYPES } from './resource-coverage';
import { ResidencyPath, ResidencyPathKind } from '../catalog/catalog-types';
import { resolveResidencyPath } from '../catalog/residency-path';
import { SYDNEY_CATALOG } from '../catalog/sydney-catalog.generated';
import { AUSTRALIA } from '../geography';
import { DESTINATIONS_FROM_SYDNEY, GLOBAL_PROFILE_PREFIX, profilePrefixOf } from '../inference-profiles';
import { SYDNEY, describeRegion } from '../regions';

/** Why a model reference is not residency-safe, or cannot be shown to be. */
export interface ModelProblem {
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly fix?: string;
}

const APP_PROFILE_TYPE = 'AWS::Bedrock::ApplicationInferenceProfile';

function fixFrom(path: ResidencyPath): string | undefined {
  if (path.invokeModelId) return `Use ${path.invokeModelId} (${path.kind === ResidencyPathKind.ON_DEMAND_IN_SYDNEY ? 'on-demand in Sydney' : 'served in Sydney or Melbourne only'}).`;
  if (path.alternatives.length > 0) return `Use a model with an Australian path: ${path.alternatives.join(', ')}.`;
  return undefined;
}

/**
 * A base model called on-demand where the resource runs. The checks assume
 * that is Sydney (the Region this library's posture lets calls start from);
 * the catalog says whether the model is on-demand there.
 */
function judgeOnDemandInSydney(shown: string, modelId: string): ModelProblem | undefined {
  const path = resolveResidencyPath(SYDNEY_CATALOG, modelId);
  if (!path.model) {
    return { severity: 'warning', message: `cannot verify ${shown}: ${path.reason}`, fix: 'Name a model from the Sydney model catalog, or refresh the catalog (npm run catalog:refresh).' };
  }
  if (path.kind === ResidencyPathKind.ON_DEMAND_IN_SYDNEY) return undefined;
  if (path.kind === ResidencyPathKind.AU_INFERENCE_PROFILE) {
    return { severity: 'error', message: `${shown} is not on-demand in ap-southeast-2: ${path.reason}`, fix: fixFrom(path) };
  }
  return { severity: 'error', message: `${shown}: ${path.reason}`, fix: fixFrom(path) };
}

function profileRouting(prefix: string): string {
  if (prefix === GLOBAL_PROFILE_PREFIX) return 'any commercial Region worldwide';
  const destinations = DESTINATIONS_FROM_SYDNEY[prefix];
  return destinations ? destinations.map(describeRegion).join(', ') : 'Regions outside Australia';
}

function judgeProfileId(shown: string, profileId: string): ModelProblem | undefined {
  const prefix = profilePrefixOf(profileId);
  if (prefix === AUSTRALIA.profilePrefix) return undefined;
  if (prefix === undefined) {
    return { severity: 'warning', message: `cannot verify ${shown}: "${profileId}" has no system inference-profile prefix` };
  }
  const path = resolveResidencyPath(SYDNEY_CATALOG, profileId);
  const reason = path.model
    ? path.reason
    : `${profileId} is routed by the ${prefix} system inference profile: a Sydney call can be served in ${profileRouting(prefix)}.`;
  return { severity: 'error', message: `${shown}: ${reason}`, fix: fixFrom(path) };
}

function judgeArn(shown: string, text: string, value: ResolvedString, ctx: IntrinsicContext): ModelProblem | undefined {
  const arn = parseArnPattern(text);
  const slash = arn ? arn.resource.indexOf('/') : -1;
  if (!arn || slash < 0) return { severity: 'warning', message: `cannot verify ${shown}: not a Bedrock model or inference-profile ARN` };
  const type = arn.resource.slice(0, slash);
  const id = arn.resource.slice(slash + 1);
  if (type === 'inference-profile') return judgeProfileId(shown, id);
  if (type === 'application-inference-profile') {
    if (value.refs.some((r) => ctx.resourceTypes[r] === APP_PROFILE_TYPE)) return undefined; // checked where it is defined
    return {
      severity: 'warning',
      message: `cannot verify ${shown}: an application inference profile's ARN does not say which model or system profile it wraps (it may wrap a global. profile)`,
      fix: 'Define the application inference profile in the same app (AuBedrock4 then checks what it copies from), or name an au. profile or a model on-demand in Sydney.',
    };
  }
  if (!MODEL_RESOURCE_TYPES.includes(type)) {
    return { severity: 'warning', message: `cannot verify ${shown}: "${type}" is not a model or inference-profile resource` };
  }
  const region = arn.region;
  if (region.includes(UNKNOWN)) {
    const byId = type === 'foundation-model' ? judgeOnDemandInSydney(shown, id) : undefined;
    if (byId) return byId;
    return {
      severity: 'warning',
      message: `cannot verify ${shown}: its Region is a deploy-time value`,
      fix: 'Give the stack an explicit env (region: ap-southeast-2) or write the Region into the ARN.',
    };
  }
  if (region === '') {
    return { severity: 'error', message: `${shown} is the Region-less form used for the model leg of a global. cross-Region call: it can be served in any commercial Region worldwide` };
  }
  if (hasWildcard(region) || !AUSTRALIA.homeRegions.includes(region)) {
    return { severity: 'error', message: `${shown} is a ${type} in ${hasWildcard(region) ? `every Region matching "${region}"` : describeRegion(region)}, outside Australia` };
  }
  if (region === SYDNEY && type === 'foundation-model') return judgeOnDemandInSydney(shown, id);
  // Melbourne (the catalog covers Sydney only), or a provisioned or custom model in Australia: served where its ARN says.
  return undefined;
}

/**
 * Whether a model named by a Bedrock resource (an agent's foundation model, a
 * knowledge base's embedding model, a prompt variant's model) keeps data in
 * Australia: an `au.` profile ID or ARN, a foundation model in Australia, or a
 * bare base model ID that the Sydney catalog lists as on-demand.
 */
export function judgeModelReference(value: ResolvedString, ctx: IntrinsicContext): ModelProblem | undefined {
  const shown = `"${value.display}"`;
  if (isFullyUnknown(value)) {
    if (value.refs.some((r) => ctx.resourceTypes[r] === APP_PROFILE_TYPE)) return undefined;
    return { severity: 'warning', message: `cannot verify ${shown}: the model is a deploy-time value` };
  }
  const text = value.text.trim();
  if (text.startsWith('arn:')) return judgeArn(shown, text, value, ctx);
  if (text.includes(UNKNOWN)) return { severity: 'warning', message: `cannot verify ${shown}: part of the model ID is a deploy-time value` };
  if (profilePrefixOf(text) !== undefined) return judgeProfileId(shown, text);
  return judgeOnDemandInSydney(shown, text);
}
