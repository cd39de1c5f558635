import * as fc from 'fast-check';
import { AuBedrockResidencyScp, ResidencyPolicies } from '../../src';
import { targetKind } from '../../src/core/identifiers';
import { COMMERCIAL_REGIONS } from '../../src/core/regions';
import { minify, minifiedSize, sizeReport, targetOverLimit } from '../../src/core/size-budget';
import { ValidationErrors } from '../../src/core/validation-errors';
import { checkPrincipalArns, checkRegions, checkTargetIds, regionProblem } from '../../src/core/validators';
import { newStack } from '../helpers/stack';

const lowerAlnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const alnumString = (min: number, max: number) => fc.array(lowerAlnum, { minLength: min, maxLength: max }).map((a) => a.join(''));
const digits = (n: number) => fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: n, maxLength: n }).map((a) => a.join(''));

const ouId = fc.tuple(alnumString(4, 32), alnumString(8, 32)).map(([a, b]) => `ou-${a}-${b}`);
const accountId = digits(12);
const rootId = alnumString(4, 32).map((a) => `r-${a}`);
const validTarget = fc.oneof(ouId, accountId, rootId);

// Names with at least one literal character: a name of wildcards only exempts every role, and is refused (see fail-open-properties).
const roleName = fc.array(fc.constantFrom(...'abcXYZ019+=,.@_-*'.split('')), { minLength: 1, maxLength: 40 }).map((a) => a.join(''))
  .filter((n) => /[^*]/.test(n));
// Exact names (no wildcard) for the size properties: a wildcard name is judged by what it matches, and often refused (see exemption-patterns).
const exactRoleName = fc.array(fc.constantFrom(...'abcXYZ019+=,.@_-'.split('')), { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
const exactPrincipalArn = fc.tuple(fc.oneof(accountId, fc.constant('*')), fc.constantFrom('role', 'user'), exactRoleName)
  .map(([acct, kind, name]) => `arn:aws:iam::${acct}:${kind}/${name}`);
const principalArn = fc.tuple(fc.oneof(accountId, fc.constant('*')), fc.constantFrom('role', 'user'), roleName)
  .map(([acct, kind, name]) => `arn:aws:iam::${acct}:${kind}/${name}`);

function errorsFor(check: (e: ValidationErrors) => void): readonly string[] {
  const e = new ValidationErrors();
  check(e);
  return e.all;
}

describe('target ID validation (property-based)', () => {
  test('every well-formed OU, account and root ID is accepted as its kind', () => {
    fc.assert(fc.property(ouId, (id) => targetKind(id) === 'organizational-unit'));
    fc.assert(fc.property(accountId, (id) => targetKind(id) === 'account'));
    fc.assert(fc.property(rootId, (id) => targetKind(id) === 'root'));
  });

  test('account IDs of any other length are rejected', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }).filter((n) => n !== 12).chain(digits), (id) => targetKind(id) === undefined));
  });

  test('upper case, surrounding whitespace or a missing part makes any valid ID invalid', () => {
    fc.assert(fc.property(validTarget, fc.constantFrom('upper', 'space', 'truncate'), (id, how) => {
      const broken = how === 'upper' ? id.toUpperCase() : how === 'space' ? ` ${id}` : id.slice(0, id.lastIndexOf('-') + 1);
      fc.pre(broken !== id);
      return targetKind(broken) === undefined;
    }));
  });

  test('the list validator reports exactly the invalid elements, by index, and never throws', () => {
    fc.assert(fc.property(fc.array(fc.oneof(validTarget, fc.string()), { minLength: 1, maxLength: 8 }), (ids) => {
      const errors = errorsFor((e) => checkTargetIds('targetIds', ids, e));
      const seen = new Set<string>();
      const expected = ids.flatMap((id, i) => {
        const problems = [];
        if (!targetKind(id)) problems.push(`targetIds[${i}]`);
        if (seen.has(id)) problems.push(`targetIds[${i}]`);
        seen.add(id);
        return problems;
      });
      return JSON.stringify(errors.map((m) => m.slice(0, m.indexOf(':')))) === JSON.stringify(expected);
    }));
  });
});

describe('Region and principal validation (property-based)', () => {
  test('known Regions pass; any edit to one that is not itself a known Region fails', () => {
    const edit = fc.string({ minLength: 1, maxLength: 3 });
    fc.assert(fc.property(fc.constantFrom(...COMMERCIAL_REGIONS), edit, fc.boolean(), (region, extra, before) => {
      const edited = before ? `${extra}${region}` : `${region}${extra}`;
      fc.pre(!COMMERCIAL_REGIONS.includes(edited));
      return regionProblem(region) === undefined && regionProblem(edited) !== undefined;
    }));
  });

  test('a list with any unknown Region is reported at that index', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.constantFrom(...COMMERCIAL_REGIONS), { minLength: 1, maxLength: 5 }), fc.nat(), (regions, at) => {
      const i = at % (regions.length + 1);
      const list = [...regions.slice(0, i), 'xx-north-9', ...regions.slice(i)];
      const errors = errorsFor((e) => checkRegions('allowedRegions', list, e));
      return errors.length === 1 && errors[0].startsWith(`allowedRegions[${i}]: "xx-north-9" is not a known AWS commercial Region`);
    }));
  });

  test('generated IAM role and user ARN patterns are accepted; STS session ARNs are not', () => {
    fc.assert(fc.property(fc.uniqueArray(principalArn, { maxLength: 5 }), (arns) => errorsFor((e) => checkPrincipalArns('p', arns, e)).length === 0));
    fc.assert(fc.property(accountId, roleName, (acct, name) =>
      errorsFor((e) => checkPrincipalArns('p', [`arn:aws:sts::${acct}:assumed-role/${name}/session`], e)).length === 1));
  });
});

describe('size budgeting (property-based)', () => {
  const options = fc.record({
    exemptPrincipalArns: fc.uniqueArray(exactPrincipalArn, { maxLength: 40 }),
    // Origins outside Australia are refused (see fail-open-properties).
    allowedRegions: fc.uniqueArray(fc.constantFrom('ap-southeast-2', 'ap-southeast-4'), { minLength: 1, maxLength: 2 }),
    denyGlobalCrossRegionInference: fc.boolean(),
    includeBedrockMantle: fc.boolean(),
  });

  test('the minified form is whitespace-free JSON of the same document, and its length is the size', () => {
    fc.assert(fc.property(options, (o) => {
      const doc = ResidencyPolicies.posture(o);
      const text = minify(doc);
      return !/\s/.test(text.replace(/"[^"]*"/g, '""')) && JSON.stringify(JSON.parse(text)) === text && minifiedSize(doc) === text.length;
    }));
  });

  test('the one-slot posture costs exactly the two policies minus one envelope', () => {
    const envelope = '{"Version":"2012-10-17","Statement":[]}'.length;
    fc.assert(fc.property(options, (o) => {
      const sum = minifiedSize(ResidencyPolicies.auOnlyInference(o)) + minifiedSize(ResidencyPolicies.regionAllowlist(o));
      return minifiedSize(ResidencyPolicies.posture(o)) === sum - envelope + 1; // +1: the comma joining the statement lists
    }));
  });

  test('each exemption adds its quoted length plus a comma to every statement that carries the exemptions', () => {
    fc.assert(fc.property(options, exactPrincipalArn, (o, extra) => {
      fc.pre(!o.exemptPrincipalArns.includes(extra) && o.exemptPrincipalArns.length > 0);
      const before = ResidencyPolicies.posture(o);
      const after = ResidencyPolicies.posture({ ...o, exemptPrincipalArns: [...o.exemptPrincipalArns, extra] });
      const carrying = before.Statement.filter((s: any) => s.Condition?.ArnNotLike?.['aws:PrincipalArn'] !== undefined).length;
      return carrying > 0 && carrying < before.Statement.length
        && minifiedSize(after) - minifiedSize(before) === carrying * (JSON.stringify(extra).length + 1);
    }));
  });

  test('sizeReport and targetOverLimit agree with plain arithmetic', () => {
    fc.assert(fc.property(fc.nat(20000), fc.integer({ min: 1, max: 20000 }), (size, limit) => {
      const r = sizeReport(size, limit);
      return r.fits === (size <= limit) && r.headroom === limit - size;
    }));
    fc.assert(fc.property(fc.nat(12), fc.nat(12), fc.integer({ min: 1, max: 12 }), (ours, elsewhere, limit) =>
      targetOverLimit({ fromThisApp: ours, attachedElsewhere: elsewhere, limit }) === (ours + elsewhere > limit)));
  });

  test('the construct makes one policy exactly when the pure budget says it fits, else spills within the limit or refuses past the slot budget', () => {
    fc.assert(fc.property(options, fc.integer({ min: 800, max: 6000 }), (o, limit) => {
      const fits = minifiedSize(ResidencyPolicies.posture(o, { reportOversize: true })) <= limit;
      let spilled: number[] | undefined;
      let refused = false;
      try {
        spilled = new AuBedrockResidencyScp(newStack(), 'P', { ...o, targetIds: ['ou-ab12-34cd56ef'], quota: { maxPolicySize: limit } }).policySizes;
      } catch (e) {
        refused = /SCP slots? of \d+ characters|never cut in two/.test((e as Error).message);
      }
      if (fits) return spilled?.length === 1;
      // The CDK-free facade agrees: the same documents, or the same refusal.
      let facade: unknown[] | undefined;
      try { facade = ResidencyPolicies.postureDocuments(o, { maxPolicySize: limit }); } catch { facade = undefined; }
      if (refused) return facade === undefined;
      return spilled !== undefined && spilled.length > 1 && spilled.length <= 9 && spilled.every((n) => n <= limit)
        && facade?.length === spilled.length;
    }), { numRuns: 60 });
  });
});
