import * as fs from 'fs';
import * as path from 'path';
import { globMatches, globsIntersect } from '../../../src/core/checks/glob';
import { UNKNOWN, resolveString, resolveStringList } from '../../../src/core/checks/intrinsics';

const ctx = { resourceTypes: { Bucket: 'AWS::S3::Bucket', Profile: 'AWS::Bedrock::ApplicationInferenceProfile' } };

describe('IAM wildcards', () => {
  test.each([
    ['bedrock:*', 'bedrock:InvokeModel', true],
    ['bedrock:Invoke?odel', 'bedrock:InvokeModel', true],
    ['bedrock:Invoke', 'bedrock:InvokeModel', false],
    ['*', '', true],
    ['?', '', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
  ])('%s matches %s: %s', (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
  });

  test('a literal * in the text is a character, not a wildcard', () => {
    expect(globMatches('a?c', 'a*c')).toBe(true);
    expect(globMatches('abc', 'a*c')).toBe(false);
  });

  test.each([
    ['inference-profile/*', 'inference-profile/apac.*', true],
    ['inference-profile/au.*', 'inference-profile/apac.*', false],
    ['inference-profile/a*', 'inference-profile/apac.*', true],
    ['*profile/au.*', 'application-inference-profile/*', true],
    ['foundation-model/*', 'inference-profile/*', false],
    ['*', 'anything', true],
  ])('%s and %s intersect: %s', (a, b, expected) => {
    expect(globsIntersect(a, b)).toBe(expected);
    expect(globsIntersect(b, a)).toBe(expected);
  });
});

describe('CloudFormation intrinsics', () => {
  test('Fn::Join with pseudo parameters: partition is known, account and Region are not', () => {
    const r = resolveString({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':inference-profile/au.x']] }, ctx)!;
    expect(r.text).toBe(`arn:aws:bedrock:${UNKNOWN}:${UNKNOWN}:inference-profile/au.x`);
    expect(r.display).toBe('arn:aws:bedrock:${AWS::Region}:${AWS::AccountId}:inference-profile/au.x');
    expect(r.refs).toEqual([]);
  });

  test('Fn::Sub: pseudo parameters, variables, attributes and escaped ${!...}', () => {
    const r = resolveString({ 'Fn::Sub': ['arn:${AWS::Partition}:bedrock:${R}::${Profile.Arn}/${!Literal}', { R: 'ap-southeast-2' }] }, ctx)!;
    expect(r.text).toBe(`arn:aws:bedrock:ap-southeast-2::${UNKNOWN}/\${Literal}`);
    expect(r.refs).toEqual(['Profile']);
  });

  test('Ref and GetAtt to resources of the template are remembered', () => {
    expect(resolveString({ Ref: 'Bucket' }, ctx)!.refs).toEqual(['Bucket']);
    expect(resolveString({ 'Fn::GetAtt': 'Profile.InferenceProfileArn' }, ctx)!.refs).toEqual(['Profile']);
    expect(resolveString({ Ref: 'SomeParameter' }, ctx)!.refs).toEqual([]);
  });

  test('intrinsics that cannot be evaluated become unknown; non-strings are not strings', () => {
    for (const v of [{ 'Fn::ImportValue': 'X' }, { 'Fn::If': ['C', 'a', 'b'] }, { 'Fn::Select': [0, ['a']] }, { 'Fn::Join': 'bad' }, { 'Fn::Sub': 7 }]) {
      expect(resolveString(v, ctx)!.text).toBe(UNKNOWN);
    }
    for (const v of [7, true, null, undefined, ['a'], { a: 1, b: 2 }]) expect(resolveString(v, ctx)).toBeUndefined();
  });

  test('string lists: single values, arrays with AWS::NoValue, and a whole-list intrinsic', () => {
    expect(resolveStringList('a', ctx).map((e) => [e.index, e.value.text])).toEqual([[undefined, 'a']]);
    expect(resolveStringList(['a', { Ref: 'AWS::NoValue' }, 'c'], ctx).map((e) => [e.index, e.value.text])).toEqual([[0, 'a'], [2, 'c']]);
    expect(resolveStringList({ 'Fn::Split': [',', 'a,b'] }, ctx).map((e) => e.value.text)).toEqual([UNKNOWN]);
  });
});

describe('layering', () => {
  test('the policy core and the rules import nothing from aws-cdk-lib or constructs', () => {
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
      .flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
    const root = path.join(__dirname, '..', '..', '..', 'src');
    for (const file of [...files(path.join(root, 'core')), ...files(path.join(root, 'checks', 'rules'))]) {
      expect([file, fs.readFileSync(file, 'utf8')]).not.toEqual([file, expect.stringMatching(/from '(aws-cdk-lib|constructs)[/']|require\('fs'\)|from 'fs'/)]);
    }
  });
});
