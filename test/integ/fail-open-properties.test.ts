/**
 * Property: no configuration the library accepts exempts every role, or allows
 * Bedrock calls from a Region outside Australia. Configurations are generated
 * with the fail-open inputs mixed in (wildcard-only exemptions, foreign
 * Regions, acknowledgements); every one that validates is run through the
 * independent evaluator for a role it cannot have exempted, calling from abroad.
 */
import { App, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { AuBedrockResidencyScp, ResidencyPolicies, SovereignBedrockErrors } from '../../src';
import { foundationModelArn } from './decision-table/legs';
import { simulate } from './decision-table/simulate';
import { exemptionBreadth } from '../../src/core/fail-open';
import { PRINCIPAL_CORPUS } from '../../src/core/principal-corpus';
import { COMMERCIAL_REGIONS } from '../../src/core/regions';

const HOME = ['ap-southeast-2', 'ap-southeast-4'];
const ABROAD = COMMERCIAL_REGIONS.filter((r) => !HOME.includes(r));
/** Literal name characters of generated patterns; the witness role is named with a character outside them. */
const LITERALS = 'abcXYZ019-_';
const WITNESS_ACCOUNT = '999988887777';
const WITNESS_ROLE = `arn:aws:iam::${WITNESS_ACCOUNT}:role/qqq`;

const wildcardOnly = fc.array(fc.constantFrom('*', '?', '/'), { minLength: 1, maxLength: 4 }).map((a) => a.join(''))
  .filter((n) => !n.startsWith('/') && !n.endsWith('/') && !n.includes('//'));
const literalName = fc.array(fc.constantFrom(...LITERALS.split(''), '*', '?'), { minLength: 1, maxLength: 12 }).map((a) => a.join(''))
  .filter((n) => /[^*?]/.test(n));
const account = fc.constantFrom('*', '111122223333', '444455556666', '11112222333?');
const pattern = fc.tuple(account, fc.constantFrom('role', 'user'), fc.oneof(wildcardOnly, literalName))
  .map(([a, kind, name]) => `arn:aws:iam::${a}:${kind}/${name}`);

const config = fc.record({
  exemptPrincipalArns: fc.uniqueArray(pattern, { maxLength: 5 }),
  allowedRegions: fc.uniqueArray(fc.oneof(fc.constantFrom(...HOME), fc.constantFrom(...ABROAD)), { minLength: 1, maxLength: 3 }),
  acknowledge: fc.boolean(),
}).map(({ exemptPrincipalArns, allowedRegions, acknowledge }) => ({
  exemptPrincipalArns,
  allowedRegions,
  // Acknowledge every account-wide pattern, as a careless caller would.
  acknowledgedAccountWideExemptions: acknowledge ? exemptPrincipalArns.filter((p) => exemptionBreadth(p) !== 'named') : undefined,
}));

function accepted(options: object): any | undefined {
  try {
    return ResidencyPolicies.posture(options);
  } catch (e) {
    if (SovereignBedrockErrors.isValidationError(e)) return undefined;
    throw e;
  }
}

describe('no accepted configuration fails open (property-based)', () => {
  test('accepted configurations exempt no account-wide pattern unacknowledged, none across accounts, and allow only Australian origins', () => {
    let acceptedCount = 0;
    let refusedCount = 0;
    fc.assert(fc.property(config, (o) => {
      const doc = accepted(o);
      if (!doc) {
        refusedCount++;
        return true;
      }
      acceptedCount++;
      const acks = o.acknowledgedAccountWideExemptions ?? [];
      return o.allowedRegions.every((r) => HOME.includes(r))
        && o.exemptPrincipalArns.every((p) => exemptionBreadth(p) === 'named' || (exemptionBreadth(p) === 'one-account' && acks.includes(p)));
    }), { seed: 1414, numRuns: 400 });
    // The generator reaches both sides of the rule.
    expect(acceptedCount).toBeGreaterThan(20);
    expect(refusedCount).toBeGreaterThan(20);
  });

  test('for every accepted configuration, a role no pattern names is denied Bedrock from abroad (independent evaluator)', async () => {
    await fc.assert(fc.asyncProperty(config, fc.constantFrom(...ABROAD), async (o, region) => {
      const policy = accepted(o);
      fc.pre(policy !== undefined);
      const outcome = await simulate({
        principal: WITNESS_ROLE,
        action: 'bedrock:InvokeModel',
        resource: foundationModelArn(region, 'amazon.nova-pro-v1:0'),
        context: { 'aws:RequestedRegion': region },
      }, [{ name: 'posture', policy }]);
      expect(outcome.ignoredContextKeys).toEqual([]);
      return outcome.decision === 'Denied';
    }), { seed: 1415, numRuns: 60 });
  });
});

/**
 * An accepted wildcard exemption exempts no ordinary principal: for each
 * narrow form the library accepts, the independent evaluator denies Bedrock
 * from abroad to workload roles of the corpus, and allows it to the role the
 * exemption was written for.
 */
describe('accepted wildcard exemptions exempt no corpus workload role (independent evaluator)', () => {
  const ACCOUNT = '111122223333';
  const EXEMPTIONS = [
    'arn:aws:iam::*:role/BreakGlass*',
    'arn:aws:iam::*:role/break-glass/*',
    'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BreakGlass_*',
    'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_BreakGlass_*',
  ];
  const WORKLOADS = [
    'workload', 'MyApp-Prod-Role', 'cdk-hnb659fds-deploy-role-111122223333-ap-southeast-2',
    'aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_1a2b3c4d5e6f7a8b',
    'aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_AdministratorAccess_c0ffee0123456789',
  ];
  const INTENDED = ['BreakGlassAdmin', 'break-glass/ops', 'aws-reserved/sso.amazonaws.com/AWSReservedSSO_BreakGlass_0123456789abcdef',
    'aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_BreakGlass_0123456789abcdef'];
  // An administration call in us-east-1: the Region rules deny it, and an exempt principal passes them
  // (by default exempt principals pass the administration statements, not the prompt paths abroad).
  const call = (role: string) => ({
    principal: `arn:aws:iam::${ACCOUNT}:role/${role}`,
    action: 'bedrock:ListFoundationModels',
    resource: '*',
    context: { 'aws:RequestedRegion': 'us-east-1' },
  });

  test('every corpus workload role of the table is a workload in the library\'s corpus', () => {
    for (const w of WORKLOADS) expect(PRINCIPAL_CORPUS.some((p) => p.name === w && p.tier === 'workload')).toBe(true);
  });

  test.each(EXEMPTIONS.map((e, i) => [e, INTENDED[i]]))('%s: workloads denied, %s allowed', async (exemption, intended) => {
    const policy = accepted({ exemptPrincipalArns: [exemption] });
    expect(policy).toBeDefined();
    for (const role of WORKLOADS) {
      const outcome = await simulate(call(role), [{ name: 'posture', policy }]);
      expect(outcome.ignoredContextKeys).toEqual([]);
      expect([role, outcome.decision]).toEqual([role, 'Denied']);
    }
    expect((await simulate(call(intended), [{ name: 'posture', policy }])).decision).toBe('Allowed');
  });

  test('the refused forms would have exempted the corpus workloads (so the refusal is not vacuous)', async () => {
    for (const refused of ['arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*', 'arn:aws:iam::*:role/*a*']) {
      expect(accepted({ exemptPrincipalArns: [refused] })).toBeUndefined();
      const open = accepted({ exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass'] });
      // The same policy with the refused pattern spliced in, as a hand-written SCP would carry it.
      const spliced = JSON.parse(JSON.stringify(open).split('arn:aws:iam::*:role/BreakGlass').join(refused));
      const outcome = await simulate(call(WORKLOADS[3]), [{ name: 'posture', policy: spliced }]);
      expect(outcome.decision).toBe('Allowed');
    }
  });
});

describe('no accepted configuration exempts a corpus workload it does not name (property-based)', () => {
  const workloads = PRINCIPAL_CORPUS.filter((p) => p.tier === 'workload' && p.kind === 'role').map((p) => p.name);

  test('a workload role of the corpus is denied Bedrock from abroad unless a pattern names it exactly (independent evaluator)', async () => {
    let checked = 0;
    await fc.assert(fc.asyncProperty(config, fc.constantFrom(...workloads), fc.constantFrom(...ABROAD), async (o, role, region) => {
      const policy = accepted(o);
      fc.pre(policy !== undefined);
      const arn = `arn:aws:iam::${WITNESS_ACCOUNT}:role/${role}`;
      // Exact names are deliberate; an acknowledged account-wide pattern is too.
      fc.pre(!o.exemptPrincipalArns.some((p) => p === `arn:aws:iam::*:role/${role}` || p === arn)
        && !(o.acknowledgedAccountWideExemptions ?? []).some((a) => a.includes(WITNESS_ACCOUNT)));
      checked++;
      const outcome = await simulate({
        principal: arn,
        action: 'bedrock:InvokeModel',
        resource: foundationModelArn(region, 'amazon.nova-pro-v1:0'),
        context: { 'aws:RequestedRegion': region },
      }, [{ name: 'posture', policy }]);
      return outcome.decision === 'Denied';
    }), { seed: 1822, numRuns: 50 });
    expect(checked).toBeGreaterThan(12);
  });
});

/**
 * Property: a token never changes the verdict. Each element of a generated
 * configuration is wrapped as a caller might (Lazy.string, an Fn.join of its
 * pieces split at a random point, Fn.sub); the construct then refuses exactly
 * the problems it refuses for the literal configuration.
 */
describe('tokens cannot bypass the checks (property-based)', () => {
  const OU = 'ou-ab12-34cd56ef';
  const wrap = (how: number, at: number, v: string): string => {
    const cut = at % (v.length + 1);
    switch (how % 3) {
      case 0: return Lazy.string({ produce: () => v });
      case 1: return Fn.join('', [v.slice(0, cut), v.slice(cut)]);
      default: return Fn.sub(v);
    }
  };
  const verdict = (props: object): string[] => {
    try {
      new AuBedrockResidencyScp(new Stack(new App(), 'T'), 'Scp', { targetIds: [OU], ...props });
      return [];
    } catch (e) {
      if (!SovereignBedrockErrors.isValidationError(e)) throw e;
      return e.problems.map((p) => `${p.prop}: ${p.message}`).sort();
    }
  };

  test('the tokenized configuration gets the literal configuration\'s verdict, problem for problem', () => {
    let refused = 0;
    fc.assert(fc.property(config, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 12, maxLength: 12 }), (o, cuts) => {
      const literal = verdict(o);
      let k = 0;
      const tok = (v: string) => {
        const [how, at] = cuts[k++ % cuts.length];
        return wrap(how, at, v);
      };
      const tokenized = verdict({
        exemptPrincipalArns: o.exemptPrincipalArns.map(tok),
        allowedRegions: o.allowedRegions.map(tok),
        acknowledgedAccountWideExemptions: o.acknowledgedAccountWideExemptions?.map(tok),
      });
      if (literal.length > 0) refused++;
      expect(tokenized).toEqual(literal);
    }), { seed: 1823, numRuns: 80 });
    expect(refused).toBeGreaterThan(10);
  });
});
