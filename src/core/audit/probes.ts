import { EvaluationRequest } from '../evaluate/scp-evaluator';
import { AUSTRALIA } from '../geography';
import { SYDNEY, MELBOURNE } from '../regions';

/** One request the posture must allow or deny, as an SCP sees it. */
export interface Probe {
  readonly id: string;
  readonly description: string;
  readonly expect: 'Allowed' | 'Denied';
  readonly request: EvaluationRequest;
}

export interface ProbeOptions {
  /** Regions from which calls may originate (the posture's allowedRegions). */
  readonly allowedRegions?: readonly string[];
}

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const SONNET_4 = 'anthropic.claude-sonnet-4-20250514-v1:0';
const NOVA_PRO = 'amazon.nova-pro-v1:0';

/** The principal probes run as: a workload role, never a break-glass one. */
export function probePrincipal(account: string): string {
  return `arn:aws:iam::${account}:role/cdk-sovereign-bedrock-audit-probe`;
}

/**
 * The posture's decision table in miniature, for one account: the legs of the
 * calls that must work (on-demand in Sydney, `au.` from Sydney) and of the calls
 * that must not (`apac.`, `global.`, other geographies, other Regions, Mantle,
 * batch and agents abroad). Same legs as the test suite's decision table.
 */
export function postureProbes(account: string, options: ProbeOptions = {}): Probe[] {
  const origins = options.allowedRegions ?? AUSTRALIA.defaultOriginRegions;
  const principal = probePrincipal(account);
  const fm = (region: string, id: string) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
  const profile = (region: string, prefix: string, id: string) => `arn:aws:bedrock:${region}:${account}:inference-profile/${prefix}${id}`;
  const req = (action: string, resource: string, region: string, profileArn?: string): EvaluationRequest => ({
    action,
    resource,
    context: {
      'aws:PrincipalArn': principal,
      'aws:RequestedRegion': region,
      ...(profileArn ? { 'bedrock:InferenceProfileArn': profileArn } : {}),
    },
  });
  const au = profile(SYDNEY, 'au.', SONNET_45);
  const apac = profile(SYDNEY, 'apac.', SONNET_4);
  const global = profile(SYDNEY, 'global.', SONNET_45);
  const invoke = 'bedrock:InvokeModel';

  const probes: Probe[] = [
    { id: 'on-demand-sydney', description: 'On-demand Nova Pro in Sydney', expect: 'Allowed', request: req(invoke, fm(SYDNEY, NOVA_PRO), SYDNEY) },
    { id: 'au-profile-check', description: 'au. Sonnet 4.5 from Sydney: profile check', expect: 'Allowed', request: req(invoke, au, SYDNEY) },
    { id: 'au-leg-sydney', description: 'au. Sonnet 4.5 from Sydney: model leg in Sydney', expect: 'Allowed', request: req(invoke, fm(SYDNEY, SONNET_45), SYDNEY, au) },
    {
      id: 'au-leg-melbourne',
      description: 'au. Sonnet 4.5 from Sydney: model leg served in Melbourne',
      expect: 'Allowed',
      request: req('bedrock:InvokeModelWithResponseStream', fm(MELBOURNE, SONNET_45), MELBOURNE, au),
    },
    { id: 'apac-leg-tokyo', description: 'apac. Sonnet 4 from Sydney: leg served in Tokyo', expect: 'Denied', request: req(invoke, fm('ap-northeast-1', SONNET_4), 'ap-northeast-1', apac) },
    { id: 'apac-leg-sydney', description: 'apac. Sonnet 4 from Sydney: leg in Sydney', expect: 'Denied', request: req(invoke, fm(SYDNEY, SONNET_4), SYDNEY, apac) },
    { id: 'global-leg', description: 'global. Sonnet 4.5 from Sydney: Region-less leg', expect: 'Denied', request: req(invoke, fm('', SONNET_45), 'unspecified', global) },
    { id: 'global-leg-sydney', description: 'global. Sonnet 4.5 from Sydney: leg in Sydney', expect: 'Denied', request: req(invoke, fm(SYDNEY, SONNET_45), SYDNEY, global) },
    {
      id: 'us-leg',
      description: 'us. Sonnet 4.5 from us-east-1: leg in us-west-2',
      expect: 'Denied',
      request: req(invoke, fm('us-west-2', SONNET_45), 'us-west-2', profile('us-east-1', 'us.', SONNET_45)),
    },
    {
      id: 'app-profile-leg',
      description: 'Unvouched application profile: leg in Sydney',
      expect: 'Denied',
      request: req(invoke, fm(SYDNEY, SONNET_45), SYDNEY, `arn:aws:bedrock:${SYDNEY}:${account}:application-inference-profile/zz00audit000`),
    },
    { id: 'direct-tokyo', description: 'On-demand call in Tokyo', expect: 'Denied', request: req(invoke, fm('ap-northeast-1', NOVA_PRO), 'ap-northeast-1') },
    { id: 'direct-us-east-1', description: 'On-demand call in us-east-1', expect: 'Denied', request: req(invoke, fm('us-east-1', NOVA_PRO), 'us-east-1') },
    {
      id: 'batch-us-east-1',
      description: 'Batch inference job in us-east-1',
      expect: 'Denied',
      request: req('bedrock:CreateModelInvocationJob', `arn:aws:bedrock:us-east-1:${account}:model-invocation-job/audit`, 'us-east-1'),
    },
    {
      id: 'agent-tokyo',
      description: 'Agent invocation in Tokyo',
      expect: 'Denied',
      request: req('bedrock:InvokeAgent', `arn:aws:bedrock:ap-northeast-1:${account}:agent-alias/AUDIT00000/ALIAS00000`, 'ap-northeast-1'),
    },
    { id: 'api-key-us-east-1', description: 'Bedrock API key use in us-east-1', expect: 'Denied', request: req('bedrock:CallWithBearerToken', '*', 'us-east-1') },
    {
      id: 'mantle-us-east-1',
      description: 'Bedrock Mantle inference in us-east-1',
      expect: 'Denied',
      request: req('bedrock-mantle:CreateInference', `arn:aws:bedrock-mantle:us-east-1:${account}:project/audit`, 'us-east-1'),
    },
  ];
  // Melbourne as an origin: allowed only if the posture lists it.
  const melbourneOrigin = origins.includes(MELBOURNE);
  probes.push(
    {
      id: 'direct-melbourne',
      description: 'On-demand call in Melbourne',
      expect: melbourneOrigin ? 'Allowed' : 'Denied',
      request: req(invoke, fm(MELBOURNE, NOVA_PRO), MELBOURNE),
    },
    {
      id: 'mantle-melbourne',
      description: 'Bedrock Mantle inference in Melbourne',
      expect: melbourneOrigin ? 'Allowed' : 'Denied',
      request: req('bedrock-mantle:CreateInference', `arn:aws:bedrock-mantle:${MELBOURNE}:${account}:project/audit`, MELBOURNE),
    },
  );
  return probes;
}
