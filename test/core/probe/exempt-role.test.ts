import * as fc from 'fast-check';
import { checkRoleNotExempt } from '../../../src/core/probe/exempt-role';
import { ValidationErrors } from '../../../src/core/validation-errors';

const noTokens = () => false;
function problems(roleName: string, patterns: string[], account?: string): string[] {
  const errors = new ValidationErrors();
  checkRoleNotExempt(roleName, patterns, { account, partition: 'aws' }, errors, noTokens);
  return [...errors.all];
}

test.each([
  ['arn:aws:iam::*:role/Probe', true],
  ['arn:aws:iam::333344445555:role/Pro*', true],
  ['arn:*:iam::*:role/*', true],
  ['arn:aws:iam::999999999999:role/Probe', false],
  ['arn:aws:iam::*:role/BreakGlass', false],
  ['arn:aws:sts::333344445555:assumed-role/Probe/*', false],
  ['arn:aws:iam::*:user/Probe', false],
])('%s exempts the role Probe: %s', (pattern, refused) => {
  expect(problems('Probe', [pattern], '333344445555').length > 0).toBe(refused);
});

test('an account not known at synth time is assumed to match; a pattern not known at synth time is refused', () => {
  expect(problems('Probe', ['arn:aws:iam::999999999999:role/Probe'])).toHaveLength(1);
  const errors = new ValidationErrors();
  checkRoleNotExempt('Probe', ['${Token[TOKEN.1]}'], { account: '333344445555' }, errors, (v) => String(v).includes('${Token'));
  expect(errors.all[0]).toContain('exemptPrincipalArns[0]: is not known at synth time');
});

test('the role\'s own ARN, or any prefix of its name with a *, is always refused (property-based)', () => {
  fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,40}$/), fc.nat(40), (name, cut) => {
    const pattern = `arn:aws:iam::333344445555:role/${name.slice(0, Math.min(cut, name.length))}*`;
    return problems(name, [`arn:aws:iam::333344445555:role/${name}`, pattern], '333344445555').length === 2;
  }), { seed: 20, numRuns: 200 });
});
