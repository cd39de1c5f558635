import * as fc from 'fast-check';
import { wildcardMatch } from '../../src/core/evaluate/wildcard';
import { corpusMatches, judgeExemptionPatterns } from '../../src/core/exemption-patterns';
import { IAM_NAME_CHARS, PRINCIPAL_CORPUS } from '../../src/core/principal-corpus';
import { ValidationErrors } from '../../src/core/validation-errors';

function judge(patterns: string[]): { errors: readonly string[]; warnings: string[] } {
  const e = new ValidationErrors();
  const warnings = judgeExemptionPatterns('exemptPrincipalArns', patterns, e, () => false);
  return { errors: e.all, warnings };
}

const SSO = 'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com';

describe('the corpus', () => {
  test('holds the principals of ordinary accounts, valid as IAM names', () => {
    const names = PRINCIPAL_CORPUS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PRINCIPAL_CORPUS) {
      const leaf = p.name.split('/').pop()!;
      expect(leaf).toMatch(/^[\w+=,.@-]{1,64}$/);
    }
    expect(IAM_NAME_CHARS).toHaveLength(69);
    expect(names.some((n) => /^aws-reserved\/sso\.amazonaws\.com\/AWSReservedSSO_\w+_[0-9a-f]{16}$/.test(n))).toBe(true);
    expect(names.some((n) => n.startsWith('cdk-hnb659fds-'))).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['BreakGlassTeamApp', 'workload', 'MyApp-Prod-Role']));
  });
});

describe('judgeExemptionPatterns: the cases of issue 18', () => {
  test.each([
    `${SSO}/*`, `${SSO}/ap-southeast-2/*`, 'arn:aws:iam::*:role/aws-reserved/*', `${SSO}/AWSReservedSSO_*`, `${SSO}/*/AWSReservedSSO_*`,
  ])('%s exempts every Identity Center role and is refused', (pattern) => {
    expect(judge([pattern]).errors).toEqual([expect.stringMatching(/^exemptPrincipalArns\[0\]: .*(IAM Identity Center roles of every permission set|Identity Center role of permission set)/)]);
  });

  test('one permission set\'s roles stay possible, without a warning', () => {
    expect(judge([`${SSO}/AWSReservedSSO_BreakGlass_*`, `${SSO}/ap-southeast-2/AWSReservedSSO_BreakGlass_*`])).toEqual({ errors: [], warnings: [] });
  });

  test.each(['*a*', '*e*', '*-*', 'cdk-*', 'service-role/*', 'aws-service-role/*', 'Admin*', '*Role'])(
    'role/%s matches ordinary workload roles and is refused, naming some', (name) => {
      const { errors } = judge([`arn:aws:iam::*:role/${name}`]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/has a wildcard in the role name that also matches ordinary roles such as role\//);
    });

  test('role/*a* names role/workload among what it matches', () => {
    expect(judge(['arn:aws:iam::*:role/*a*']).errors[0]).toContain('role/workload');
  });

  test('BreakGlass* is accepted with a warning saying it also matches BreakGlassTeamApp', () => {
    const { errors, warnings } = judge(['arn:aws:iam::*:role/BreakGlass*']);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^exemptPrincipalArns: "arn:aws:iam::\*:role\/BreakGlass\*" .*also role\/BreakGlassTeamApp .*any role named like BreakGlassOther/)]);
  });

  test('a literal path with a trailing * is the narrow form: accepted without a warning', () => {
    expect(judge(['arn:aws:iam::*:role/break-glass/*', 'arn:aws:iam::111122223333:role/ops/emergency/*'])).toEqual({ errors: [], warnings: [] });
  });

  test('other wildcards in a name draw a warning', () => {
    expect(judge(['arn:aws:iam::*:role/ops/BreakGlass?']).warnings).toEqual([expect.stringMatching(/any role named like ops\/BreakGlassX/)]);
  });

  test('names without wildcards are not judged against the corpus: naming a role is deliberate', () => {
    expect(judge(['arn:aws:iam::*:role/OrganizationAccountAccessRole', 'arn:aws:iam::*:role/workload'])).toEqual({ errors: [], warnings: [] });
  });

  test('the 69 one-character prefixes together cover every role, in every account or in one', () => {
    for (const account of ['*', '111122223333']) {
      const { errors } = judge(IAM_NAME_CHARS.split('').map((c) => `arn:aws:iam::${account}:role/${c}*`));
      expect(errors).toContainEqual(expect.stringMatching(new RegExp(
        `^exemptPrincipalArns: the 69 wildcard patterns .* together match every IAM role name ${account === '*' ? 'in every account' : 'in account 111122223333'}`)));
    }
  });

  test('the one-character prefixes of permission sets together cover every Identity Center role', () => {
    const { errors } = judge(IAM_NAME_CHARS.split('').map((c) => `${SSO}/AWSReservedSSO_${c}*`));
    expect(errors).toContainEqual(expect.stringMatching(/^exemptPrincipalArns: the 69 wildcard patterns .* together match every IAM Identity Center role \(every person who signs in\) in every account/));
  });

  test('digit-prefix account sets: together they cover every account', () => {
    const { errors } = judge('0123456789'.split('').flatMap((d) => IAM_NAME_CHARS.split('').map((c) => `arn:aws:iam::${d}*:user/${c}*`)));
    expect(errors).toContainEqual(expect.stringMatching(/together match every IAM user name in every account/));
  });

  test('one character missing from the set: not every role name (a* still matches every Identity Center role)', () => {
    const { errors } = judge(IAM_NAME_CHARS.split('').filter((c) => c !== 'q').map((c) => `arn:aws:iam::*:role/${c}*`));
    expect(errors.some((m) => /together match every IAM role name/.test(m))).toBe(false);
    expect(errors).toContainEqual(expect.stringMatching(/^exemptPrincipalArns: the 68 wildcard patterns .* together match every IAM Identity Center role/));
  });
});

describe('judgeExemptionPatterns (property-based)', () => {
  const nameChar = fc.constantFrom(...'abeBGlrsX019-_/'.split(''), '*', '?');
  const name = fc.array(nameChar, { minLength: 1, maxLength: 10 }).map((a) => a.join('')).filter((n) => /[^*?/]/.test(n) && !n.startsWith('/') && !n.includes('//'));
  const pattern = fc.tuple(fc.constantFrom('*', '111122223333'), fc.constantFrom('role', 'user'), name).map(([a, k, n]) => `arn:aws:iam::${a}:${k}/${n}`);

  test('no accepted pattern matches an ordinary corpus principal; every accepted wildcard name is warned about or narrow', () => {
    let accepted = 0;
    fc.assert(fc.property(pattern, (p) => {
      const { errors, warnings } = judge([p]);
      const [, , , , , resource] = p.split(':');
      const [kind, ...rest] = resource.split('/');
      const n = rest.join('/');
      const ordinary = PRINCIPAL_CORPUS.filter((c) => c.tier === 'workload' && c.kind === kind && wildcardMatch(n, c.name));
      if (!/[*?]/.test(n)) return errors.length === 0 && warnings.length === 0;
      if (ordinary.length > 0) return errors.length === 1;
      if (errors.length > 0) return true; // every Identity Center role
      accepted++;
      return warnings.length === 1 || /^([\w+=,.@-]+\/)+\*$/.test(n);
    }), { seed: 1819, numRuns: 250 });
    expect(accepted).toBeGreaterThan(10);
  });

  test('a set of prefix patterns is refused as a set exactly when its first characters are all 69', () => {
    const chars = IAM_NAME_CHARS.split('');
    fc.assert(fc.property(fc.subarray(chars, { minLength: 0, maxLength: 2 }), fc.boolean(), (missing, literalAccount) => {
      const account = literalAccount ? '111122223333' : '*';
      const { errors } = judge(chars.filter((c) => !missing.includes(c)).map((c) => `arn:aws:iam::${account}:role/${c}*`));
      const setRefusal = errors.some((m) => /^exemptPrincipalArns: .*together match every IAM role name/.test(m));
      return setRefusal === (missing.length === 0);
    }), { seed: 1820, numRuns: 40 });
  });

  test('corpusMatches names the lookalikes a prefix catches', () => {
    expect(corpusMatches('role', 'BreakGlass*').lookalike).toEqual(expect.arrayContaining([expect.stringContaining('role/BreakGlassTeamApp')]));
  });
});
