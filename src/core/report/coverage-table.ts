/**
 * The coverage table the evidence report prints: every path by which a prompt
 * could be processed outside Australia under the default posture, what denies
 * it, or why no SCP can see it and what mitigates that. It is the table of
 * docs/coverage.md, with its service rows taken from the AI surface
 * classification (`surface/ai-surface.ts`): every prefix denied everywhere and
 * every partly governed one has a row of its own, with the table's reason and
 * AWS source. A test checks that every statement named here is in the posture.
 */
import { PROFILE_RESOURCE_TYPES, REGION_BOUND_PREFIXES, SERVICE_SIDE_INFERENCE_SOURCES, allActionsOf } from '../coverage';
import { AUSTRALIA } from '../geography';
import { AI_SURFACE, SurfaceEntry } from '../surface/ai-surface';

/** `DENIED`: a statement denies it; `WORKS`: an Australian path that stays open; `INVISIBLE`: no SCP can see it; `OPT_IN`: denied only with an option. */
export type CoverageStatus = 'DENIED' | 'WORKS' | 'INVISIBLE' | 'OPT_IN';

export interface CoverageRow {
  readonly path: string;
  readonly status: CoverageStatus;
  /** Statement IDs of the default posture that decide it. */
  readonly statements: readonly string[];
  /** What to do where the posture cannot decide, or what the option does. */
  readonly mitigation?: string;
  /** The AWS documentation the row rests on. */
  readonly source?: string;
}

const list = (items: readonly string[]) => items.join(', ');

/** The coverage table, default posture. */
export function coverageTable(): readonly CoverageRow[] {
  const au = AUSTRALIA.profilePrefix;
  return [
    { path: 'On-demand model call in Sydney', status: 'WORKS', statements: [] },
    { path: `${au} inference profile from Sydney (served in Sydney or Melbourne)`, status: 'WORKS', statements: [] },
    {
      path: 'apac., global., us., eu., jp. ... inference profiles, and application profiles the posture does not list',
      status: 'DENIED',
      statements: ['DenyUnapprovedInferenceProfiles', 'DenyGlobalCrossRegionInference', 'DenyBedrockOutsideResidencyRegions'],
      source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html',
    },
    {
      path: `Any call to ${list(REGION_BOUND_PREFIXES.map(allActionsOf))} made or served outside ${AUSTRALIA.homeRegions.join(' and ')}`,
      status: 'DENIED',
      statements: ['DenyBedrockOutsideResidencyRegions'],
    },
    {
      path: `Calls made in Melbourne (not an allowed origin by default), other than the legs of ${au} profiles`,
      status: 'DENIED',
      statements: ['DenyBedrockOutsideAllowedRegions'],
    },
    ...surfaceRows(),
    {
      path: 'A call that names a resource ARN in a Region outside Australia (or a Region-less one), whatever Region the request says',
      status: 'DENIED',
      statements: ['DenyResourcesOutsideResidencyRegions'],
    },
    {
      path: 'A bedrock:InferenceProfileArn value that is not an ARN',
      status: 'DENIED',
      statements: ['DenyInferenceProfileArnNotAnArn'],
    },
    {
      path: `Guardrail and Data Automation profiles (${list(PROFILE_RESOURCE_TYPES.filter((t) => t !== 'inference-profile'))}) other than ${au}, `
        + 'including apac.data-automation-v1, the only Data Automation profile from Sydney',
      status: 'DENIED',
      statements: ['DenyUnapprovedGuardrailAndDataAutomationProfiles'],
      mitigation: 'Bedrock Data Automation is unavailable from Sydney under this posture until AWS offers an au. profile.',
      source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/bda-cris.html',
    },
    { path: `Guardrails in Sydney, and the ${au}guardrail.v1:0 guardrail profile`, status: 'WORKS', statements: [] },
    {
      path: 'Data retention set to provider_data_share (account or Mantle project), or any mode AWS adds later',
      status: 'DENIED',
      statements: ['DenyDataSharingWithModelProviders', 'DenyMantleDataSharingWithModelProviders'],
      source: SERVICE_SIDE_INFERENCE_SOURCES.dataRetention,
    },
    {
      path: 'Knowledge base over a structured data store: GenerateQuery',
      status: 'DENIED',
      statements: ['DenyServiceSideCrossRegionInference'],
      source: SERVICE_SIDE_INFERENCE_SOURCES.structuredKnowledgeBases,
    },
    {
      path: 'Knowledge base over a structured data store: Retrieve, RetrieveAndGenerate',
      status: 'INVISIBLE',
      statements: [],
      mitigation: 'Do not create knowledge bases with a structured (SQL) store in accounts under this posture; catch them in review or with a shift-left rule.',
      source: SERVICE_SIDE_INFERENCE_SOURCES.structuredKnowledgeBases,
    },
    {
      path: 'AWS Agent Registry semantic search, and AgentCore Policy generation',
      status: 'DENIED',
      statements: ['DenyServiceSideCrossRegionInference'],
      source: SERVICE_SIDE_INFERENCE_SOURCES.registry,
    },
    {
      path: 'AgentCore Evaluations with built-in evaluators (on-demand Evaluate)',
      status: 'DENIED',
      statements: ['DenyBuiltInEvaluators'],
      source: SERVICE_SIDE_INFERENCE_SOURCES.evaluations,
    },
    {
      path: 'AgentCore Evaluations with built-in evaluators in online or batch evaluation configurations',
      status: 'INVISIBLE',
      statements: [],
      mitigation: `Use custom evaluators on ${au} models.`,
      source: SERVICE_SIDE_INFERENCE_SOURCES.evaluations,
    },
    {
      path: 'AgentCore Memory with built-in strategies (extraction and consolidation run service-side)',
      status: 'OPT_IN',
      statements: ['DenyAgentCoreMemoryChanges'],
      mitigation: `Create memories only through a reviewed pipeline with strategies overridden to ${au} profiles; turn the control on and exempt that pipeline.`,
      source: SERVICE_SIDE_INFERENCE_SOURCES.agentCore,
    },
    {
      path: 'Abuse-detection storage of a cross-Region call (stored where the call was served)',
      status: 'DENIED',
      statements: ['DenyUnapprovedInferenceProfiles', 'DenyBedrockOutsideResidencyRegions'],
      mitigation: `Only ${au} legs are allowed, so it stays in Australia; keep the allowed profile prefixes at ${au}`,
      source: SERVICE_SIDE_INFERENCE_SOURCES.abuseDetection,
    },
    {
      path: 'Long-term Bedrock and Mantle API keys',
      status: 'OPT_IN',
      statements: ['DenyLongTermBedrockApiKeys', 'DenyLongTermMantleApiKeys', 'DenyCreatingLongTermBedrockApiKeys'],
      mitigation: 'Allowed by default; the API-key controls deny their use and creation.',
    },
    {
      path: 'Break-glass and Control Tower roles',
      status: 'INVISIBLE',
      statements: [],
      mitigation: 'Exempt from every statement by design: keep the list short and alarm on their Bedrock use with the detections.',
    },
    {
      path: 'Calls made from the management account',
      status: 'INVISIBLE',
      statements: [],
      mitigation: 'Service control policies never apply there: keep Bedrock workloads out of the management account.',
      source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html',
    },
  ];
}

/** A row per prefix the classification denies everywhere, and per partly governed prefix. */
function surfaceRows(): CoverageRow[] {
  const entries = AI_SURFACE as readonly SurfaceEntry[];
  return [
    ...entries.filter((e) => e.treatment === 'DENIED_EVERYWHERE').map((e): CoverageRow => ({
      path: `${e.name} (${allActionsOf(e.prefix)}), from any Region`,
      status: 'DENIED',
      statements: ['DenyServicesWithoutAustralianProcessing'],
      mitigation: e.reason,
      source: e.source,
    })),
    ...entries.filter((e) => e.partialActions !== undefined).map((e): CoverageRow => ({
      path: `${e.name}: ${e.prefix}:${e.partialActions} outside ${AUSTRALIA.homeRegions.join(' and ')}`,
      status: 'DENIED',
      statements: ['DenyBedrockOutsideResidencyRegions'],
      mitigation: e.partial,
      source: e.source,
    })),
  ];
}
