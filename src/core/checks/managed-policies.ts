import { IntrinsicContext, UNKNOWN, resolveStringList } from './intrinsics';
import { AWS_MANAGED_POLICY_DOCUMENTS, AwsManagedPolicyDocument, MANAGED_POLICIES_SOURCE } from './managed-policies.generated';
import { TemplateResource, locationOf } from './template';

export { MANAGED_POLICIES_SOURCE };

/**
 * How the checks treat each AWS managed policy they know (the documents are in
 * `managed-policies.generated.ts`, with their version and reference page).
 *
 * - `grant`: the document is read as if it were inline, so every grant rule
 *   judges it; the finding names the policy and the advice below is its fix.
 * - `broad`: `AdministratorAccess` and `PowerUserAccess` grant every Bedrock,
 *   Mantle, AgentCore and Claude Platform action on every resource. Landing
 *   zones attach them to many permission sets and roles on purpose, and their
 *   holders' residency rests on the SCPs, not on the grant. Expanding them would
 *   draw a handful of errors per principal, so they are reported once per
 *   policy instead: one warning of rule AuBedrock13 that lists every principal
 *   holding it (the validation report groups identical findings).
 */
export type ManagedPolicyTreatment = 'grant' | 'broad';

export interface KnownManagedPolicy extends AwsManagedPolicyDocument {
  readonly treatment: ManagedPolicyTreatment;
  /** What to attach or write instead, for the finding's fix. */
  readonly advice: string;
}

const INVOKER_ADVICE = 'Replace it with a customer managed or inline policy that names Australian resources only: SovereignBedrockInvoker (or grantInvoke) writes one for Bedrock models and au. inference profiles.';

const ADVICE: Readonly<Record<string, { treatment?: ManagedPolicyTreatment; advice: string }>> = {
  AdministratorAccess: { treatment: 'broad', advice: 'Keep it for administrators only, behind the residency SCPs (AuBedrockPosture); give application roles a scoped policy such as SovereignBedrockInvoker writes.' },
  PowerUserAccess: { treatment: 'broad', advice: 'Keep it for builders only, behind the residency SCPs (AuBedrockPosture); give application roles a scoped policy such as SovereignBedrockInvoker writes.' },
  AmazonBedrockFullAccess: { advice: `Detach AmazonBedrockFullAccess. ${INVOKER_ADVICE} For console users, pair AmazonBedrockReadOnly with that policy.` },
  AmazonBedrockLimitedAccess: { advice: `Detach AmazonBedrockLimitedAccess. ${INVOKER_ADVICE} For console users, pair AmazonBedrockReadOnly with that policy.` },
  AmazonBedrockReadOnly: { advice: 'AmazonBedrockReadOnly grants no invocation; nothing to change.' },
  AmazonBedrockMarketplaceAccess: { advice: 'Grant Bedrock Marketplace endpoints in Australian Regions only, in a customer managed policy.' },
  AmazonBedrockMantleFullAccess: { advice: 'Detach AmazonBedrockMantleFullAccess; grant bedrock-mantle:CreateInference on arn:aws:bedrock-mantle:ap-southeast-2:ACCOUNT:project/ID (or pin the grant with aws:RequestedRegion) in a customer managed policy.' },
  AmazonBedrockMantleInferenceAccess: { advice: 'Detach AmazonBedrockMantleInferenceAccess; grant bedrock-mantle:CreateInference on Mantle projects in ap-southeast-2 or ap-southeast-4 in a customer managed policy.' },
  AmazonBedrockMantleReadOnly: { advice: 'AmazonBedrockMantleReadOnly grants no inference, but it does grant bedrock-mantle:CallWithBearerToken (Mantle API keys) in every Region: grant that in a customer managed policy pinned with aws:RequestedRegion instead.' },
  BedrockAgentCoreFullAccess: { advice: 'Detach BedrockAgentCoreFullAccess; grant bedrock-agentcore actions on arn:aws:bedrock-agentcore:ap-southeast-2:ACCOUNT:... resources (or pin the grant with aws:RequestedRegion) in a customer managed policy.' },
  AmazonBedrockAgentCoreMemoryBedrockModelInferenceExecutionRolePolicy: { advice: `Give the memory execution role a customer managed policy instead. ${INVOKER_ADVICE}` },
  BedrockAgentCoreRuntimeInstancesInstanceRolePolicy: { advice: 'Grant bedrock-agentcore:PutSystemLogEvents on capacity providers in Australian Regions only, in a customer managed policy.' },
  AmazonBedrockWebSearchFullAccess: { advice: 'Detach it: Bedrock web search is not served in Australia. Leave web search out of residency-bound workloads.' },
  AmazonBedrockWebSearchReadOnly: { advice: 'Detach it: Bedrock web search is not served in Australia. Leave web search out of residency-bound workloads.' },
  AmazonBedrockExternalWebSearchFullAccess: { advice: 'Detach it: Bedrock web search is not served in Australia and this policy also fetches content from outside AWS.' },
  AmazonBedrockExternalWebSearchReadOnly: { advice: 'Detach it: Bedrock web search is not served in Australia and this policy also fetches content from outside AWS.' },
  AnthropicFullAccess: { advice: 'Detach it: Claude Platform on AWS is operated by Anthropic and may process data outside AWS and outside Australia. Use Claude through Amazon Bedrock with an au. inference profile.' },
  AnthropicInferenceAccess: { advice: 'Detach it: Claude Platform on AWS may process data outside Australia. Use Claude through Amazon Bedrock with an au. inference profile.' },
  AnthropicLimitedAccess: { advice: 'Detach it: Claude Platform on AWS may process data outside Australia. Use Claude through Amazon Bedrock with an au. inference profile.' },
  AnthropicReadOnlyAccess: { advice: 'AnthropicReadOnlyAccess sends no prompt; nothing to change.' },
  AnthropicSelfHostedEnvironmentAccess: { advice: 'Detach it: Claude Platform on AWS may process data outside Australia. Use Claude through Amazon Bedrock with an au. inference profile.' },
};

const GENERIC_ADVICE = 'Replace it with a customer managed policy that names Australian resources only.';

/** Every AWS managed policy the checks know, with how they treat it. */
export const KNOWN_MANAGED_POLICIES: readonly KnownManagedPolicy[] = AWS_MANAGED_POLICY_DOCUMENTS.map((p) => ({
  ...p,
  treatment: ADVICE[p.name]?.treatment ?? 'grant',
  advice: ADVICE[p.name]?.advice ?? GENERIC_ADVICE,
}));

export function knownManagedPolicy(name: string): KnownManagedPolicy | undefined {
  return KNOWN_MANAGED_POLICIES.find((p) => p.name === name);
}

/** Names of AWS managed policies that may concern the surface the checks judge, though the checks do not know them. */
const RELEVANT_NAME = /bedrock|mantle|agentcore|anthropic|claude|nova/i;

export interface ManagedPolicyAttachment {
  /** `Properties/ManagedPolicyArns/0`, `Properties/ManagedPolicies/1`. */
  readonly location: string;
  /** The ARN as written, for messages. */
  readonly display: string;
  /** The AWS managed policy's name, when the ARN is one (`arn:PARTITION:iam::aws:policy/...`). */
  readonly awsManagedName?: string;
  /** Its document, when the checks know it. */
  readonly known?: KnownManagedPolicy;
  /** An AWS managed policy the checks do not know whose name suggests Bedrock, Mantle, AgentCore or Claude. */
  readonly unknownButRelevant: boolean;
}

/** Where each resource type lists the managed policies it attaches. */
const ATTACHMENT_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'ManagedPolicyArns',
  'AWS::IAM::User': 'ManagedPolicyArns',
  'AWS::IAM::Group': 'ManagedPolicyArns',
  'AWS::SSO::PermissionSet': 'ManagedPolicies',
};

/**
 * The managed policies a role, user, group or IAM Identity Center permission set
 * attaches, read through intrinsics: CDK writes AWS managed policy ARNs as
 * `Fn::Join` with `AWS::Partition`, which resolves to `aws`.
 */
export function managedPolicyAttachments(resource: TemplateResource, ctx: IntrinsicContext): ManagedPolicyAttachment[] {
  const property = ATTACHMENT_PROPERTY[resource.type];
  if (!property) return [];
  const at = locationOf('Properties', property);
  return resolveStringList(resource.properties[property], ctx).map(({ index, value }) => {
    const m = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(value.text);
    const awsManagedName = m && !m[1].includes(UNKNOWN) ? m[1] : undefined;
    const known = awsManagedName ? knownManagedPolicy(awsManagedName) : undefined;
    return {
      location: locationOf(at, index),
      display: value.display,
      awsManagedName,
      known,
      unknownButRelevant: awsManagedName !== undefined && !known && RELEVANT_NAME.test(awsManagedName),
    };
  });
}
