import { checkExemptionBreadth, checkRegionsInGeography, exemptionBreadth } from '../../src/core/fail-open';
import { AUSTRALIA } from '../../src/core/geography';
import { ValidationErrors } from '../../src/core/validation-errors';

const noTokens = () => false;

describe('exemptionBreadth: the account-wide rule', () => {
  test.each([
    ['arn:aws:iam::*:role/*', 'every-account'],
    ['arn:aws:iam::*:user/*', 'every-account'],
    ['arn:aws:iam::*:role/?*', 'every-account'],
    ['arn:aws:iam::*:role/*?', 'every-account'],
    ['arn:aws:iam::*:role/??*', 'every-account'],
    ['arn:aws:iam::*:role/*/*', 'every-account'],
    ['arn:aws:iam::*:role/**', 'every-account'],
    ['arn:aws:iam::????????????:role/*', 'every-account'],
    ['arn:aws:iam::12345678901?:role/*', 'every-account'],
    ['arn:aws:iam::111122223333:role/*', 'one-account'],
    ['arn:aws:iam::111122223333:user/?*', 'one-account'],
    ['arn:aws:iam::*:role/BreakGlass', 'named'],
    ['arn:aws:iam::*:role/BreakGlass*', 'named'],
    ['arn:aws:iam::*:role/break-glass/*', 'named'],
    ['arn:aws:iam::*:role/*/BreakGlass', 'named'],
    ['arn:aws:iam::111122223333:root', 'named'],
    ['arn:aws:iam::*:*', 'named'], // not a principal pattern at all: refused by the shape check
    ['BreakGlass', 'named'],
  ])('%s is %s', (pattern, breadth) => {
    expect(exemptionBreadth(pattern)).toBe(breadth);
  });
});

describe('checkExemptionBreadth', () => {
  const run = (arns: string[], acks?: string[]) => {
    const e = new ValidationErrors();
    checkExemptionBreadth('exemptPrincipalArns', arns, 'acknowledgedAccountWideExemptions', acks, e, noTokens);
    return e.all;
  };

  test('every role of every account is refused, acknowledged or not', () => {
    expect(run(['arn:aws:iam::*:role/*'])).toEqual([expect.stringMatching(/^exemptPrincipalArns\[0\]: "arn:aws:iam::\*:role\/\*" exempts every IAM role in every account it matches.*cannot be acknowledged/)]);
    expect(run(['arn:aws:iam::*:role/*'], ['arn:aws:iam::*:role/*'])).toEqual([
      expect.stringMatching(/^exemptPrincipalArns\[0\]: .*cannot be acknowledged/),
      expect.stringMatching(/^acknowledgedAccountWideExemptions\[0\]: .*is not an exemption of every role or user of one account/),
    ]);
  });

  test('every role of one account is refused unless acknowledged', () => {
    expect(run(['arn:aws:iam::*:role/BreakGlass', 'arn:aws:iam::111122223333:role/*'])).toEqual([
      expect.stringMatching(/^exemptPrincipalArns\[1\]: .* exempts every IAM role in account 111122223333.*acknowledgedAccountWideExemptions/),
    ]);
    expect(run(['arn:aws:iam::111122223333:role/*'], ['arn:aws:iam::111122223333:role/*'])).toEqual([]);
  });

  test('an acknowledgement must name an account-wide pattern that is exempted', () => {
    expect(run(['arn:aws:iam::*:role/BreakGlass'], ['arn:aws:iam::111122223333:role/*'])).toEqual([
      expect.stringMatching(/^acknowledgedAccountWideExemptions\[0\]: .* is not in exemptPrincipalArns/),
    ]);
    expect(run(['arn:aws:iam::*:role/BreakGlass'], ['arn:aws:iam::*:role/BreakGlass'])).toEqual([
      expect.stringMatching(/^acknowledgedAccountWideExemptions\[0\]: .*nothing to acknowledge/),
    ]);
  });

  test('break-glass roles and paths pass', () => {
    expect(run(['arn:aws:iam::*:role/BreakGlass', 'arn:aws:iam::*:role/ops/break-glass/*', 'arn:aws:iam::111122223333:user/admin*'])).toEqual([]);
  });
});

describe('checkRegionsInGeography', () => {
  const run = (regions: unknown) => {
    const e = new ValidationErrors();
    checkRegionsInGeography('allowedRegions', regions as string[], AUSTRALIA, e, noTokens, 'calls from it would be allowed');
    return e.all;
  };

  test('Sydney and Melbourne pass; every other known Region is refused at its index', () => {
    expect(run(['ap-southeast-2', 'ap-southeast-4'])).toEqual([]);
    expect(run(['ap-southeast-2', 'us-east-1'])).toEqual([
      'allowedRegions[1]: "us-east-1" is outside Australia: calls from it would be allowed. Use Sydney (ap-southeast-2) and Melbourne (ap-southeast-4) only',
    ]);
  });

  test('unknown Regions and wrong types are left to the other checks', () => {
    expect(run(['ap-southeast-9', 3, null])).toEqual([]);
    expect(run('us-east-1')).toEqual([]);
  });
});
