import { ExemptionScope, ResidencyPolicies, ResidencyPolicyOptions } from '../../../src';
import { EXEMPTION_REASONS, passesExempt } from '../../../src/core/statements/exemptions';
import { resolveResidencyRules } from '../../../src/core/statements/residency-rules';
import { errorOf } from '../../helpers/errors';

const EXEMPT = ['arn:aws:iam::*:role/BreakGlass'];
/** Every statement the posture can emit: every opt-in on, and the Sid-changing options both ways. */
const CONFIGURATIONS: ResidencyPolicyOptions[] = [
  {},
  { denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true } },
  { allowClaudePlatformOnAws: true },
  { denyGlobalCrossRegionInference: false },
];

const exempted = (statement: { Condition?: Record<string, Record<string, unknown>> }) =>
  statement.Condition?.ArnNotLike?.['aws:PrincipalArn'] !== undefined;

describe('which statements exempt principals pass', () => {
  test('every statement the posture emits is classified, with a reason', () => {
    for (const options of CONFIGURATIONS) {
      for (const s of ResidencyPolicies.posture({ ...options, exemptPrincipalArns: EXEMPT }).Statement) {
        expect({ sid: s.Sid, classified: EXEMPTION_REASONS[s.Sid]?.why.length > 20 }).toEqual({ sid: s.Sid, classified: true });
      }
    }
  });

  test('by default only the administration statements carry the exemption, and the memory deny when it is on', () => {
    const doc = ResidencyPolicies.posture({
      exemptPrincipalArns: EXEMPT, denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true },
    });
    expect(doc.Statement.filter(exempted).map((s: any) => s.Sid)).toEqual([
      'DenyBedrockOutsideResidencyRegions', 'DenyBedrockOutsideAllowedRegions', 'DenyAgentCoreMemoryChanges',
    ]);
  });

  test('AWS\'s verbatim profile statements are written as AWS publishes them, with no exemption condition', () => {
    const doc = ResidencyPolicies.posture({ exemptPrincipalArns: EXEMPT });
    const profile = doc.Statement.find((s: any) => s.Sid === 'DenyUnapprovedInferenceProfiles');
    expect(Object.keys(profile.Condition)).toEqual(['Null', 'ArnNotLike']);
    expect(Object.keys(profile.Condition.ArnNotLike)).toEqual(['bedrock:InferenceProfileArn']);
  });

  test('EVERY_STATEMENT exempts from every statement, as before', () => {
    const doc = ResidencyPolicies.posture({ exemptPrincipalArns: EXEMPT, exemptionScope: ExemptionScope.EVERY_STATEMENT });
    expect(doc.Statement.every(exempted)).toBe(true);
  });

  test('a statement not in the table carries the exemption: a new statement never locks an exempt principal out by omission', () => {
    expect(passesExempt('DenySomethingAddedLater', resolveResidencyRules({ exemptPrincipalArns: EXEMPT }))).toBe(true);
    expect(passesExempt('DenyClaudePlatformOnAws', resolveResidencyRules({ exemptPrincipalArns: EXEMPT }))).toBe(true);
  });

  test('an exemption costs at most 250 characters with every opt-in control on', () => {
    const options = { denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true } };
    const size = (n: number) => ResidencyPolicies.minifiedSize(ResidencyPolicies.posture({
      ...options, exemptPrincipalArns: Array.from({ length: n }, (_, i) => `arn:aws:iam::111122223333:role/BreakGlass${String(i).padStart(4, '0')}`),
    }, { reportOversize: true }));
    expect((size(11) - size(1)) / 10).toBeLessThanOrEqual(250);
  });

  test('an unknown scope is a named error', () => {
    expect(errorOf(() => ResidencyPolicies.posture({ exemptionScope: 'NONE' as ExemptionScope })))
      .toMatch(/exemptionScope: "NONE" is not an ExemptionScope\. Use one of ADMINISTRATION, EVERY_STATEMENT/);
  });
});
