import { reconstructRequests } from './reconstruct-requests';
import { TrafficDecision, TrafficKey } from './traffic-types';
import { resolveResidencyPath } from '../catalog/residency-path';
import { SYDNEY_CATALOG } from '../catalog/sydney-catalog.generated';
import { evaluateScpChain, PolicyLevel } from '../evaluate/scp-evaluator';
import { exportPosture } from '../export/export-posture';
import { AUSTRALIA } from '../geography';
import { profilePrefixOf } from '../inference-profiles';
import { ResidencyRulesInput, resolveResidencyRules } from '../statements/residency-rules';

/** The posture the replay judges: its SCP documents, as the library builds them, and its options in words. */
export interface ReplayPosture {
  readonly levels: readonly PolicyLevel[];
  readonly description: Record<string, unknown>;
  /** The organization's management account, which SCPs never govern. */
  readonly managementAccountId?: string;
}

const FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/**
 * Builds the posture from the same options `ResidencyPolicies`, `PostureExport`
 * and `export` take (validated the same way: invalid options throw one error
 * listing every problem). The replay attaches it next to FullAWSAccess, so only
 * its deny statements can decide.
 */
export function replayPosture(options: ResidencyRulesInput = {}, where = 'TrafficReplay', managementAccountId?: string): ReplayPosture {
  const files = exportPosture({ format: 'json', options, split: true }, where);
  const rules = resolveResidencyRules(options);
  return {
    managementAccountId,
    levels: [{
      id: 'posture',
      policies: [
        { name: 'FullAWSAccess', document: FULL_AWS_ACCESS },
        ...files.map((f) => ({ name: f.path.replace(/^.*\//, '').replace(/\.json$/, ''), document: f.content })),
      ],
    }],
    description: {
      policies: files.map((f) => f.path.replace(/^.*\//, '').replace(/\.json$/, '')),
      allowedOriginRegions: rules.allowedOriginRegions,
      residencyRegions: rules.geography.homeRegions,
      allowedProfilePrefixes: rules.allowedProfilePrefixes,
      allowedApplicationInferenceProfileArns: rules.allowedApplicationProfileArns,
      exemptPrincipalArns: rules.exemptPrincipalArns,
      coveredServices: rules.coveredPrefixes,
      claudePlatformOnAws: rules.denyClaudePlatform ? 'denied' : 'allowed',
      globalCrossRegionInference: 'denied',
      serviceSideInference: rules.serviceSide,
      longTermApiKeys: rules.denyLongTermApiKeys ? 'denied' : 'not denied',
      managementAccountId: managementAccountId ?? null,
    },
  };
}

export interface Judgement {
  readonly decision: TrafficDecision;
  /** Sid of the first deny statement that matched, or null. */
  readonly statement: string | null;
  /** The leg that statement denied, for people. */
  readonly deniedLeg: string | null;
}

/**
 * SCPs never apply to service-linked roles or to AWS service principals
 * (`userIdentity.type` AWSService, reported by their service name). Any other
 * caller is judged, including one whose ARN the event does not give: its
 * placeholder matches no exemption, so the posture's denies apply (fail closed).
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
 */
function scpsApply(principal: string): boolean {
  if (principal === 'AWSService' || /^[a-z0-9.-]+\.amazonaws\.com$/.test(principal)) return false;
  return !/:role\/aws-service-role\//.test(principal);
}

/** The posture's decision on a call: DENIED when any of its requests is explicitly denied. */
export function judge(key: TrafficKey, posture: ReplayPosture, prefixes?: readonly string[]): Judgement {
  if (!scpsApply(key.principalArn) || key.accountId === posture.managementAccountId) return { decision: 'ALLOWED', statement: null, deniedLeg: null };
  for (const request of reconstructRequests(key, prefixes)) {
    const result = evaluateScpChain(posture.levels, request);
    if (result.decision === 'ExplicitlyDenied') {
      const by = result.deniedBy[0];
      return { decision: 'DENIED', statement: by.slice(by.indexOf('/') + 1), deniedLeg: request.leg };
    }
  }
  return { decision: 'ALLOWED', statement: null, deniedLeg: null };
}

/** `au.`, `apac.`... for a system profile, `application` for an application profile, else null. */
export function profilePrefixColumn(modelId: string | null): string | null {
  if (!modelId) return null;
  if (/:application-inference-profile\//.test(modelId)) return 'application';
  if (modelId.startsWith('arn:') && !/:(inference-profile|guardrail-profile|data-automation-profile)\//.test(modelId)) return null;
  return profilePrefixOf(modelId) ?? null;
}

export function servedRegionOf(key: TrafficKey): string {
  return key.inferenceRegion ?? key.sourceRegion;
}

export function isAustralian(region: string): boolean {
  return AUSTRALIA.homeRegions.includes(region);
}

/** A guardrail or Data Automation profile: the same profile with the au. prefix, when the catalog lists one. */
function routingAlternative(model: string): { alternative: string | null; note: string | null } | undefined {
  const m = /(?:^|:)(guardrail-profile|data-automation-profile)\/(.+)$/.exec(model) ?? /^()([a-z-]+\.(?:guardrail|data-automation)[^/]*)$/.exec(model);
  if (!m) return undefined;
  const id = m[2];
  const prefix = profilePrefixOf(id);
  const rest = prefix ? id.slice(prefix.length) : id;
  const au = SYDNEY_CATALOG.routingProfiles.find((p) => p.staysInAustralia && p.profileId === `${AUSTRALIA.profilePrefix}${rest}`);
  if (au && au.profileId !== id) return { alternative: au.profileId, note: null };
  if (au) return { alternative: au.profileId, note: `already the Australian profile: use it from ${AUSTRALIA.defaultOriginRegions.join(' or ')}` };
  return { alternative: null, note: `no Australian ${m[1] || 'routing profile'} for ${id} in the catalog` };
}

/**
 * The Australian way to make the same call, from the Sydney model catalog:
 * the `au.` profile or on-demand ID to use instead, or null with the reason.
 */
export function australianAlternative(key: TrafficKey, now?: Date): { alternative: string | null; note: string | null } {
  const model = key.modelId;
  if (!model) {
    return { alternative: null, note: `no model in the request: make the call in ${AUSTRALIA.defaultOriginRegions.join(' or ')}` };
  }
  if (/:application-inference-profile\//.test(model)) {
    return { alternative: null, note: 'an application inference profile: the event does not say which profile it wraps (GetInferenceProfile does); recreate it over an au. profile' };
  }
  if (key.eventSource.startsWith('aws-external-anthropic')) {
    return { alternative: null, note: `Claude Platform on AWS may process data outside AWS, in the US or globally: call ${model} through Amazon Bedrock with an au. inference profile instead` };
  }
  if (!key.eventSource.startsWith('bedrock.')) {
    return { alternative: null, note: `${key.eventSource} model "${model}": the Sydney catalog lists Bedrock model IDs only; make the call in an Australian Region where the service offers the model` };
  }
  const routing = routingAlternative(model);
  if (routing !== undefined) return routing;
  // The model's own safe path, whatever profile the call named.
  const id = model.startsWith('arn:') ? model.slice(model.indexOf('/') + 1) : model;
  const prefix = profilePrefixOf(id);
  const path = resolveResidencyPath(SYDNEY_CATALOG, prefix ? id.slice(prefix.length) : id, now);
  if (path.invokeModelId && path.invokeModelId !== id) return { alternative: path.invokeModelId, note: null };
  if (path.invokeModelId) return { alternative: path.invokeModelId, note: `already the Australian path: call it from ${AUSTRALIA.defaultOriginRegions.join(' or ')}` };
  if (!path.model) return { alternative: null, note: `"${id}" is not in the Sydney model catalog (refreshed ${SYDNEY_CATALOG.asOf}): no Australian path known` };
  const similar = path.alternatives.length > 0 ? ` Similar models with one: ${path.alternatives.join(', ')}.` : '';
  return { alternative: null, note: `no Australian path for ${path.model.name}.${similar}` };
}
