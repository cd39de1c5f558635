/**
 * Proof that ControlTowerRegionDeny and the posture agree: Control Tower's OU
 * Region deny, rendered from the parameters the construct sends, evaluated with
 * the posture over every probe by the library's evaluator and by the
 * independent one (@cloud-copilot/iam-simulate). With Sydney alone allowed, both
 * evaluators deny the Melbourne leg of an au. call.
 */
import { App, Stack } from 'aws-cdk-lib';
import { ControlTowerRegionDeny, ResidencyPolicies } from '../../src';
import { judgeAccount, postureProbes, regionDenyParameters, RegionDenyParameter } from '../../src/core';
import { FULL_AWS_ACCESS, ouRegionDeny } from '../helpers/control-tower-scps';
import { iamSimulateVerdict } from '../helpers/iam-simulate-raw';

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

async function independent(chain: ReturnType<typeof levels>, probe: ReturnType<typeof postureProbes>[number]) {
  const context = { ...probe.request.context } as Record<string, string | string[]>;
  const verdict = await iamSimulateVerdict(chain, {
    principal: String(context['aws:PrincipalArn']), action: probe.request.action, resource: probe.request.resource, context,
  });
  expect(verdict).toBeDefined();
  expect(verdict!.ignoredContextKeys).toEqual([]);
  return verdict!.decision === 'Allowed' ? 'Allowed' : 'Denied';
}

describe('ControlTowerRegionDeny and the posture agree', () => {
  const probes = postureProbes(ACCOUNT);

  test('the synthesized parameters are the core\'s', () => {
    expect(synthesizedParameters()).toEqual(regionDenyParameters({ exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'] }));
  });

  test('every probe is decided as the posture requires, by both evaluators', async () => {
    const chain = levels(ouRegionDeny(synthesizedParameters()));
    expect(judgeAccount(chain, probes)).toEqual({ protection: 'PROTECTED', failures: [] });
    for (const p of probes) expect([p.id, await independent(chain, p)]).toEqual([p.id, p.expect]);
  });

  test('with Sydney alone allowed, both evaluators deny the Melbourne leg of au. calls', async () => {
    const chain = levels(ouRegionDeny([{ key: 'AllowedRegions', value: ['ap-southeast-2'] }]));
    const verdict = judgeAccount(chain, probes);
    expect(verdict.failures.map((f) => [f.id, f.deniedBy])).toEqual([['au-leg-melbourne', ['aws-guardrails-OuRegionDeny/CTMULTISERVICEPV1']]]);
    expect(await independent(chain, probes.find((p) => p.id === 'au-leg-melbourne')!)).toBe('Denied');
  });

  test('a break-glass role is exempt from the Region deny (the posture still applies to it as configured)', async () => {
    const chain = levels(ouRegionDeny(synthesizedParameters()));
    const tokyo = probes.find((p) => p.id === 'direct-tokyo')!;
    const breakGlass = { ...tokyo, request: { ...tokyo.request, action: 'ec2:DescribeInstances', resource: '*', context: { ...tokyo.request.context, 'aws:PrincipalArn': 'arn:aws:iam::333333333333:role/BreakGlassAdmin' } } };
    const workload = { ...breakGlass, request: { ...breakGlass.request, context: tokyo.request.context } };
    expect(await independent(chain, breakGlass)).toBe('Allowed');
    expect(await independent(chain, workload)).toBe('Denied');
  });
});
