import { ControlTowerRoles, ResidencyPolicies } from '../src';
import { errorOf } from './helpers/errors';

const breakGlass = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::111122223333:role/BreakGlass${String(i).padStart(4, '0')}`);
const EVERY_OPT_IN = { denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true } };

describe('ResidencyPolicies: every exit is checked', () => {
  const big = { exemptPrincipalArns: [...ControlTowerRoles.arnPatterns(), ...breakGlass(60)], ...EVERY_OPT_IN };

  test('a document over the quota is refused, naming its size and the way out', () => {
    expect(errorOf(() => ResidencyPolicies.posture(big))).toMatch(
      /^ResidencyPolicies\.posture: invalid props \(1 problem\):\n {2}- limits\.maxPolicySize: the minified document is \d+ characters, \d+ over the SCP quota of 10240: Organizations refuses it\. Use ResidencyPolicies\.postureDocuments\(\) for the SCPs that hold it/);
    expect(errorOf(() => ResidencyPolicies.regionAllowlist({}, { maxPolicySize: 1000 }))).toMatch(/limits\.maxPolicySize: the minified document is \d+ characters/);
  });

  test('reportOversize returns it with a process warning', () => {
    const emitted: unknown[] = [];
    const spy = jest.spyOn(process, 'emitWarning').mockImplementation(((w: unknown, o: unknown) => { emitted.push([w, o]); }) as any);
    try {
      const doc = ResidencyPolicies.posture(big, { reportOversize: true });
      expect(ResidencyPolicies.minifiedSize(doc)).toBeGreaterThan(10240);
    } finally { spy.mockRestore(); }
    expect(emitted).toEqual([[expect.stringMatching(/over the SCP quota of 10240/), { code: ResidencyPolicies.OVERSIZE_WARNING_CODE }]]);
  });

  test('postureDocuments: Control Tower\'s roles, every opt-in and 30 break-glass roles of 45 characters take at most two SCPs', () => {
    const exemptPrincipalArns = [...ControlTowerRoles.arnPatterns(), ...breakGlass(30)];
    const docs = ResidencyPolicies.postureDocuments({ exemptPrincipalArns, ...EVERY_OPT_IN });
    expect(breakGlass(1)[0]).toHaveLength(45);
    expect(docs.length).toBeLessThanOrEqual(2);
    expect(docs.every((d) => ResidencyPolicies.minifiedSize(d) <= 10240)).toBe(true);
  });

  test('postureDocuments spills the 60-role posture and holds every statement once', () => {
    const docs = ResidencyPolicies.postureDocuments(big);
    expect(docs.length).toBe(2);
    const whole = ResidencyPolicies.posture(big, { reportOversize: true }).Statement;
    expect(docs.flatMap((d) => d.Statement)).toHaveLength(whole.length);
    expect(docs.flatMap((d) => d.Statement)).toEqual(expect.arrayContaining(whole));
  });

  test('a spent slot budget is refused with what would fit', () => {
    expect(errorOf(() => ResidencyPolicies.postureDocuments(big, { policiesAttachedElsewhere: 9 }))).toMatch(
      /limits\.maxPoliciesPerTarget: the posture needs 2 SCPs \(\d+ \+ \d+ characters\) and the budget is 1 SCP slot of 10240 characters: the budget holds this posture with the first \d+ of its 64 exemptions/);
  });

  test('bad limits are named errors', () => {
    expect(errorOf(() => ResidencyPolicies.posture({}, { maxPolicySize: 20000, reportOversize: 'yes' as any }))).toMatch(
      /limits\.maxPolicySize: must be at most 10240[\s\S]*limits\.reportOversize: must be true or false, got a string/);
  });
});
