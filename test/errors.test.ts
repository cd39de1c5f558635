import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import {
  InferenceRegionAlarm, OrganizationalUnitPath, PostureExport, ResidencyPolicies, SovereignBedrockErrors, SovereignBedrockInvoker,
} from '../src';
import { thrown } from './helpers/errors';
import { newStack } from './helpers/stack';

describe('SovereignBedrockErrors: one typed validation error', () => {
  test('a stable name, the construct the caller created, every problem with its prop', () => {
    const e = thrown(() => ResidencyPolicies.posture({ allowedRegions: ['us-east-1'], exemptPrincipalArns: ['x'] }));
    expect(e).toBeInstanceOf(Error);
    expect(SovereignBedrockErrors.isValidationError(e)).toBe(true);
    if (!SovereignBedrockErrors.isValidationError(e)) return;
    expect(e.name).toBe(SovereignBedrockErrors.VALIDATION_ERROR_NAME);
    expect(e.name).toBe('SovereignBedrockValidationError');
    expect(e.source).toBe('ResidencyPolicies.posture');
    expect(e.constructPath).toBeUndefined();
    expect(e.problems.map((p) => p.prop)).toEqual(['exemptPrincipalArns[0]', 'allowedRegions[0]']);
    expect(e.message).toBe(`ResidencyPolicies.posture: invalid props (2 problems):\n${e.problems.map((p) => `  - ${p.prop}: ${p.message}`).join('\n')}`);
  });

  test('recognised from another copy of the library by name and problems; other errors are not', () => {
    const foreign = Object.assign(new Error('x'), { name: 'SovereignBedrockValidationError', problems: [] });
    expect(SovereignBedrockErrors.isValidationError(foreign)).toBe(true);
    expect(SovereignBedrockErrors.isValidationError(new TypeError('x'))).toBe(false);
    expect(SovereignBedrockErrors.isValidationError(Object.assign(new Error('x'), { name: 'SovereignBedrockValidationError' }))).toBe(false);
    expect(SovereignBedrockErrors.isValidationError(undefined)).toBe(false);
  });

  test.each<[string, () => unknown, string]>([
    ['InferenceRegionAlarm', () => new InferenceRegionAlarm(newStack(), 'A', undefined as any), 'Test/A'],
    ['OrganizationalUnitPath', () => new OrganizationalUnitPath(newStack(), 'A', 'Root/Prod' as any), 'Test/A'],
    ['SovereignBedrockInvoker', () => new SovereignBedrockInvoker(newStack(), 'A', null as any), 'Test/A'],
    ['PostureExport.toFiles', () => PostureExport.toFiles(undefined as any), ''],
    ['ResidencyPolicies.posture', () => ResidencyPolicies.posture('au' as any), ''],
  ])('%s with no props object from JavaScript: the named error, not a TypeError', (source, fn, path) => {
    const e = thrown(fn);
    expect(SovereignBedrockErrors.isValidationError(e)).toBe(true);
    if (!SovereignBedrockErrors.isValidationError(e)) return;
    expect(e.source).toBe(source);
    expect(e.constructPath ?? '').toBe(path);
    expect(e.problems[0].prop).toMatch(/^(props|options)$/);
  });

  test('booleans given as strings are named errors: "false" is truthy', () => {
    const stack = newStack();
    const e = thrown(() => new SovereignBedrockInvoker(stack, 'I', { assumedBy: new iam.AccountRootPrincipal(), allowBatchInference: 'false' as any }));
    expect(SovereignBedrockErrors.isValidationError(e) && e.problems).toEqual([{ prop: 'allowBatchInference', message: 'must be true or false, got a string ("false")' }]);
    const a = thrown(() => new InferenceRegionAlarm(stack, 'A', { logGroup: logs.LogGroup.fromLogGroupName(stack, 'L', 't'), nearRealTime: 'no' as any }));
    expect(SovereignBedrockErrors.isValidationError(a) && a.problems.map((p) => p.prop)).toEqual(['nearRealTime']);
  });
});
