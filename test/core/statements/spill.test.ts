import { residencyPostureStatements } from '../../../src/core/statements/documents';
import { resolveResidencyRules } from '../../../src/core/statements/residency-rules';
import { planSpill } from '../../../src/core/statements/spill';

const arns = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::111122223333:role/BreakGlass${String(i).padStart(4, '0')}`);
const apps = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:bedrock:ap-southeast-2:111122223333:application-inference-profile/app${String(i).padStart(8, '0')}`);

describe('planSpill', () => {
  test('fits: no advice, the budget recorded', () => {
    const plan = planSpill(resolveResidencyRules({}), residencyPostureStatements, 10240, 9);
    expect(plan).toMatchObject({ fits: true, advice: '', slotBudget: 9 });
    expect(plan.documents).toHaveLength(1);
  });

  test('over the budget: the advice names the largest count of exemptions that fits, and it does fit', () => {
    const rules = resolveResidencyRules({ exemptPrincipalArns: arns(150) });
    const plan = planSpill(rules, residencyPostureStatements, 10240, 1);
    expect(plan.fits).toBe(false);
    const n = Number(/the first (\d+) of its 150 exemptions \(drop (\d+)\)/.exec(plan.advice)![1]);
    expect(planSpill({ ...rules, exemptPrincipalArns: arns(n) }, residencyPostureStatements, 10240, 1).fits).toBe(true);
    expect(planSpill({ ...rules, exemptPrincipalArns: arns(n + 1) }, residencyPostureStatements, 10240, 1).fits).toBe(false);
  });

  test('application profiles are counted the same way', () => {
    const plan = planSpill(resolveResidencyRules({ allowedApplicationInferenceProfileArns: apps(200) }), residencyPostureStatements, 10240, 1);
    expect(plan.advice).toMatch(/with \d+ of its 200 allowed application inference profiles/);
  });

  test('a statement larger than an SCP is named, with no list to shorten', () => {
    const plan = planSpill(resolveResidencyRules({}), residencyPostureStatements, 600, 9);
    expect(plan.tooLarge.length).toBeGreaterThan(0);
    expect(plan.advice).toMatch(/statement \w+ is \d+ characters as a policy of its own.*never cut in two: no list of the options can be shortened/);
  });
});
