/**
 * Property: no configuration the library accepts exempts every role, or allows
 * Bedrock calls from a Region outside Australia. Configurations are generated
 * with the fail-open inputs mixed in (wildcard-only exemptions, foreign
 * Regions, acknowledgements); every one that validates is run through the
 * independent evaluator for a role it cannot have exempted, calling from abroad.
 */
import * as fc from 'fast-check';
import { ResidencyPolicies, SovereignBedrockErrors } from '../../src';
import { foundationModelArn } from './decision-table/legs';
import { simulate } from './decision-table/simulate';
import { exemptionBreadth } from '../../src/core/fail-open';
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
