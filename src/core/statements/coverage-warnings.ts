import { DEFAULT_COVERED_PREFIXES } from '../coverage';
import { profilePrefixWarnings } from '../profile-warnings';
import { ResidencyRules, SERVICE_SIDE_DEFAULTS, ServiceSideRules } from './residency-rules';

/** A synth-time warning: a stable ID (for acknowledging it) and the message. */
export interface ResidencyWarning {
  readonly id: string;
  readonly message: string;
}

const SERVICE_SIDE_REASONS: Record<keyof ServiceSideRules, string> = {
  denyDataSharingWithModelProviders: 'accounts and Mantle projects may then set a data retention mode that shares prompts with the model provider',
  denyStructuredDataQueries: 'Knowledge Bases over structured data stores use cross-Region inference in a geography AWS does not document for Sydney',
  denyAgentRegistry: 'AWS Agent Registry semantic search from Sydney may be processed in any commercial Region',
  denyAgentCorePolicyGeneration: 'AgentCore Policy generation uses cross-Region inference AWS routes',
  denyBuiltInEvaluators: 'AgentCore Evaluations built-in evaluators use cross-Region inference AWS routes',
  denyAgentCoreMemoryChanges: 'AgentCore Memory built-in strategies use cross-Region inference AWS routes',
};

/**
 * Warnings for every option that leaves a path of the 2026 surface open: each
 * is legitimate for someone, none may happen quietly.
 */
export function coverageWarnings(rules: ResidencyRules): ResidencyWarning[] {
  const warnings: ResidencyWarning[] = profilePrefixWarnings(rules)
    .map((message) => ({ id: 'cdk-sovereign-bedrock:profile-routes-abroad', message }));
  for (const prefix of DEFAULT_COVERED_PREFIXES) {
    if (rules.coveredPrefixes.includes(prefix)) continue;
    warnings.push({
      id: 'cdk-sovereign-bedrock:service-not-covered',
      message: `coveredServices: ${prefix}:* is not covered, so its calls may be made and served in any Region.`,
    });
  }
  if (!rules.denyClaudePlatform) {
    warnings.push({
      id: 'cdk-sovereign-bedrock:claude-platform-leaves-aws',
      message: 'allowClaudePlatformOnAws: Claude Platform on AWS may process data outside AWS (Anthropic\'s own cloud, US or global); '
        + 'nothing in this posture keeps those prompts in Australia.',
    });
  }
  if (!rules.denyNovaAct) {
    warnings.push({
      id: 'cdk-sovereign-bedrock:nova-act-allowed',
      message: 'allowNovaAct: AWS documents no Australian Region for Amazon Nova Act; its acts (natural-language tasks) are processed wherever AWS serves it.',
    });
  }
  if (!rules.denySageMakerInferenceAbroad) {
    warnings.push({
      id: 'cdk-sovereign-bedrock:sagemaker-inference-abroad',
      message: 'denySageMakerInferenceAbroad is false: Bedrock Marketplace models on SageMaker endpoints outside Australia can be invoked with sagemaker:InvokeEndpoint, without any bedrock: action.',
    });
  }
  for (const key of Object.keys(SERVICE_SIDE_DEFAULTS) as (keyof ServiceSideRules)[]) {
    if (SERVICE_SIDE_DEFAULTS[key] && !rules.serviceSide[key]) {
      warnings.push({
        id: 'cdk-sovereign-bedrock:service-side-inference-allowed',
        message: `serviceSideInference.${key} is false: ${SERVICE_SIDE_REASONS[key]}, and no SCP can see where.`,
      });
    }
  }
  return warnings;
}
