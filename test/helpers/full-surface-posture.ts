/**
 * A hand-written posture that covers the whole 2026 surface the audit judges:
 * every Region-bound prefix kept in Sydney and Melbourne, Claude Platform on AWS
 * and Amazon Nova Act denied everywhere, SageMaker endpoint invocation
 * (Bedrock Marketplace) kept in Sydney and Melbourne, only `au.` inference, guardrail and data-automation
 * profiles. The audit must read it PROTECTED; near misses of it must not.
 */
const AU = ['ap-southeast-2', 'ap-southeast-4'];
const REGION_BOUND = ['bedrock:*', 'bedrock-mantle:*', 'bedrock-agentcore:*', 'bedrock-websearch:*', 'agent-registry:*'];
const AU_PROFILES = 'arn:aws:bedrock:*:*:inference-profile/au.*';

export const PROFILE_LEG_ACTIONS = [
  'bedrock:ApplyGuardrail', 'bedrock:InvokeDataAutomation', 'bedrock:InvokeDataAutomationAsync',
  'bedrock:InvokeBlueprintOptimizationAsync', 'bedrock:InvokeBlueprintRecommendationAsync',
];

export function fullSurfaceStatements(exemptPrincipalArns: string[] = []): any[] {
  const exempt = exemptPrincipalArns.length > 0 ? { ArnNotLike: { 'aws:PrincipalArn': exemptPrincipalArns } } : {};
  const withExempt = (c: Record<string, Record<string, unknown>>) => {
    const out: Record<string, Record<string, unknown>> = { ...c };
    for (const [op, keys] of Object.entries(exempt)) out[op] = { ...(out[op] ?? {}), ...keys };
    return out;
  };
  return [
    {
      Sid: 'DenyUnapprovedInferenceProfiles',
      Effect: 'Deny',
      Action: 'bedrock:*',
      Resource: '*',
      Condition: withExempt({ Null: { 'bedrock:InferenceProfileArn': 'false' }, ArnNotLike: { 'bedrock:InferenceProfileArn': [AU_PROFILES] } }),
    },
    {
      Sid: 'DenyOutsideAustralia',
      Effect: 'Deny',
      Action: [...REGION_BOUND, 'sagemaker:InvokeEndpoint*'],
      Resource: '*',
      Condition: withExempt({ StringNotEquals: { 'aws:RequestedRegion': AU } }),
    },
    {
      Sid: 'DenyOriginOutsideSydney',
      Effect: 'Deny',
      Action: REGION_BOUND,
      Resource: '*',
      Condition: withExempt({ StringNotEquals: { 'aws:RequestedRegion': ['ap-southeast-2'] }, ArnNotLike: { 'bedrock:InferenceProfileArn': [AU_PROFILES] } }),
    },
    { Sid: 'DenyClaudePlatform', Effect: 'Deny', Action: ['aws-external-anthropic:*', 'nova-act:*'], Resource: '*', ...(exemptPrincipalArns.length ? { Condition: exempt } : {}) },
    {
      Sid: 'DenyForeignProfiles',
      Effect: 'Deny',
      Action: PROFILE_LEG_ACTIONS,
      NotResource: [
        'arn:aws:bedrock:*:*:guardrail-profile/au.*', 'arn:aws:bedrock:*:*:data-automation-profile/au.*',
        'arn:aws:bedrock:*:*:guardrail/*', 'arn:aws:bedrock:*:*:data-automation-project/*', 'arn:aws:bedrock:*:*:blueprint/*',
      ],
      ...(exemptPrincipalArns.length ? { Condition: exempt } : {}),
    },
  ];
}

export function fullSurfacePosture(exemptPrincipalArns: string[] = []): any {
  return { Version: '2012-10-17', Statement: fullSurfaceStatements(exemptPrincipalArns) };
}
