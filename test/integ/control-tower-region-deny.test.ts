/**
 * Proof that ControlTowerRegionDeny and the posture agree: Control Tower's OU
 * Region deny, rendered from the parameters the construct sends, evaluated with
 * the posture over every probe the audit derives from the chain, by the
 * library's evaluator and by the independent one (@cloud-copilot/iam-simulate). With Sydney alone allowed, both
 * evaluators deny the Melbourne leg of an au. call.
 */
import { App, Stack } from 'aws-cdk-lib';
import { ControlTowerRegionDeny, ResidencyPolicies } from '../../src';
import { analyseChain } from '../../src/core/audit/chain-analysis';
import { deriveProbes } from '../../src/core/audit/derived-probes';
import { judgeChain } from '../../src/core/audit/judge-chain';
import { regionDenyParameters, RegionDenyParameter } from '../../src/core/control-tower-region-deny';
import { EvaluationRequest } from '../../src/core/evaluate/scp-evaluator';
import { FULL_AWS_ACCESS, ouRegionDeny } from '../helpers/control-tower-scps';
import { applicableContext, iamSimulateVerdict } from '../helpers/iam-simulate-raw';

const ACCOUNT = '333333333333';
const OU_ARN = 'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef';

/** The parameters exactly as the synthesized EnabledControl carries them. */
function synthesizedParameters(): RegionDenyParameter[] {
  const stack = new Stack(new App(), 'T');
  const deny = new ControlTowerRegionDeny(stack, 'RegionDeny', { targetOuArns: [OU_ARN], exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'] });
  const params = stack.resolve(deny.enabledControls[0].parameters) as { key: string; value: string[] }[];
  return params.map((p) => ({ key: p.key, value: p.value }));
}

function levels(regionDeny: object) {
  const full = { name: 'FullAWSAccess', document: FULL_AWS_ACCESS };
  return [
    { id: 'r-ab12', policies: [full] },
    { id: 'ou-ab12-34cd56ef', policies: [full, { name: 'aws-guardrails-OuRegionDeny', document: regionDeny }, { name: 'bedrock-au-residency', document: ResidencyPolicies.posture() }] },
    { id: ACCOUNT, policies: [full] },
  ];
}

async function independent(chain: ReturnType<typeof levels>, request: EvaluationRequest) {
  const context = applicableContext(request.action, { ...request.context } as Record<string, string | string[]>);
  const verdict = await iamSimulateVerdict(chain, {
    principal: String(context['aws:PrincipalArn']), action: request.action, resource: request.resource, context,
  });
  expect([request.action, request.resource, verdict !== undefined]).toEqual([request.action, request.resource, true]);
  expect(verdict!.ignoredContextKeys).toEqual([]);
  return verdict!.decision === 'Allowed' ? 'Allowed' : 'Denied';
}

describe('ControlTowerRegionDeny and the posture agree', () => {
  test('the synthesized parameters are the core\'s', () => {
    expect(synthesizedParameters()).toEqual(regionDenyParameters({ exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'] }));
  });

  test('every derived probe is decided as the posture requires, by both evaluators', async () => {
    const chain = levels(ouRegionDeny(synthesizedParameters()));
    expect(judgeChain(chain, { account: ACCOUNT })).toMatchObject({ protection: 'PROTECTED', failures: [] });
    const all = deriveProbes(analyseChain(chain), { account: ACCOUNT });
    // AWS's own cross-Region SCP example relies on bedrock:InferenceProfileArn for batch jobs, but the
    // Service Authorization Reference does not list it there and iam-simulate drops it: those probes are
    // decided by the library's evaluator alone (judgeChain above).
    const probes = all.filter((p) => !(p.request.action === 'bedrock:CreateModelInvocationJob' && 'bedrock:InferenceProfileArn' in p.request.context));
    expect(probes.length).toBeGreaterThan(20);
    expect(all.length - probes.length).toBeLessThan(all.length / 10);
    for (const p of probes) {
      // A path that must stay open is open when any variant of it is allowed.
      const decisions = await Promise.all((p.variants ?? [p.request]).map((r) => independent(chain, r)));
      const actual = p.expect === 'Allowed'
        ? (decisions.includes('Allowed') ? 'Allowed' : 'Denied')
        : (decisions.every((d) => d === 'Denied') ? 'Denied' : 'Allowed');
      expect([p.id, actual]).toEqual([p.id, p.expect]);
    }
  });

  test('with Sydney alone allowed, both evaluators deny the Melbourne legs of au. calls', async () => {
    const chain = levels(ouRegionDeny([{ key: 'AllowedRegions', value: ['ap-southeast-2'] }]));
    const verdict = judgeChain(chain, { account: ACCOUNT });
    expect(verdict.failures.map((f) => [f.id, f.deniedBy])).toEqual([
      ['allow:au-leg:ap-southeast-2:ap-southeast-4:InvokeModel', ['aws-guardrails-OuRegionDeny/CTMULTISERVICEPV1']],
      ['allow:au-leg:ap-southeast-2:ap-southeast-4:InvokeModelWithResponseStream', ['aws-guardrails-OuRegionDeny/CTMULTISERVICEPV1']],
    ]);
    for (const f of verdict.failures) expect(await independent(chain, f.request!)).toBe('Denied');
  });

  test('a break-glass role is exempt from the Region deny (the posture still applies to it as configured)', async () => {
    const chain = levels(ouRegionDeny(synthesizedParameters()));
    const request = (principal: string): EvaluationRequest => ({
      action: 'ec2:DescribeInstances',
      resource: '*',
      context: { 'aws:PrincipalArn': principal, 'aws:RequestedRegion': 'ap-northeast-1' },
    });
    expect(await independent(chain, request('arn:aws:iam::333333333333:role/BreakGlassAdmin'))).toBe('Allowed');
    expect(await independent(chain, request('arn:aws:iam::333333333333:role/cdk-sovereign-bedrock-audit-probe'))).toBe('Denied');
  });
});
