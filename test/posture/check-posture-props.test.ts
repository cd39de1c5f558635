import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AuBedrockPosture, AuBedrockPostureProps, PostureScpMode, SovereignBedrockErrors } from '../../src';
import { newStack } from '../helpers/stack';

const OU = 'ou-ab12-34cd56ef';

/** The validation error a construction throws; fails the test when it throws none or another error. */
function validationErrorOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (SovereignBedrockErrors.isValidationError(e)) return e;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('AuBedrockPosture reports problems in the caller\'s terms', () => {
  test('the error names the posture and the user\'s own index, not the Control Tower-prefixed one', () => {
    const e = validationErrorOf(() => new AuBedrockPosture(newStack(), 'BedrockPosture', {
      targetIds: [OU], exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass', 'BreakGlass'],
    }));
    expect(e.name).toBe('SovereignBedrockValidationError');
    expect(e.source).toBe('AuBedrockPosture');
    expect(e.constructPath).toBe('Test/BedrockPosture');
    expect(e.problems).toEqual([{ prop: 'exemptPrincipalArns[1]', message: expect.stringMatching(/^"BreakGlass" is not a principal ARN pattern/) }]);
    expect(e.message).not.toMatch(/Scp|exemptPrincipalArns\[5\]/);
  });

  test('the same in the two-policy mode: each problem once, under the posture', () => {
    const e = validationErrorOf(() => new AuBedrockPosture(newStack(), 'P', {
      targetIds: [OU], scpMode: PostureScpMode.SEPARATE_POLICIES, exemptPrincipalArns: ['arn:aws:iam::*:role/*'],
    }));
    expect(e.constructPath).toBe('Test/P');
    expect(e.problems.map((p) => p.prop)).toEqual(['exemptPrincipalArns[0]']);
  });

  test('problems of the detection and invoker parts are prefixed with their prop', () => {
    const stack = newStack();
    const e = validationErrorOf(() => new AuBedrockPosture(stack, 'P', {
      targetIds: [OU], detection: { logGroup: new logs.LogGroup(stack, 'L'), threshold: 0 },
    }));
    expect(e.constructPath).toBe('Test/P');
    expect(e.problems.map((p) => p.prop)).toEqual(['detection.threshold']);
  });

  test('an unknown scpMode from an untyped caller is an error, never "no SCP"', () => {
    for (const scpMode of ['single', 'SINGLE', '', 1, {}]) {
      const e = validationErrorOf(() => new AuBedrockPosture(newStack(), 'P', { targetIds: [OU], scpMode } as any));
      expect(e.problems[0]).toEqual({ prop: 'scpMode', message: expect.stringMatching(/is not a PostureScpMode\. Use one of PostureScpMode\.SINGLE_POLICY, PostureScpMode\.SEPARATE_POLICIES, PostureScpMode\.NONE/) });
    }
  });

  test.each<[string, unknown, RegExp]>([
    ['undefined props', undefined, /^props: must be an object/],
    ['a string for targetIds', { targetIds: OU }, /^targetIds: must be a list of strings, got a string \("ou-ab12-34cd56ef"\); wrap it in \[ \]/],
    ['a string for exemptPrincipalArns', { targetIds: [OU], exemptPrincipalArns: 'arn:aws:iam::*:role/BreakGlass' }, /^exemptPrincipalArns: must be a list of strings, got a string/],
    ['a null exemption', { targetIds: [OU], exemptPrincipalArns: [null] }, /^exemptPrincipalArns\[0\]: must be a string, got null/],
    ['a string for a boolean', { targetIds: [OU], guardScpSlots: 'false' }, /^guardScpSlots: must be true or false, got a string \("false"\)/],
    ['a string for the Mantle switch', { targetIds: [OU], includeBedrockMantle: 'false' }, /^includeBedrockMantle: must be true or false/],
    ['a number for detection', { targetIds: [OU], detection: 5 }, /^detection: must be an object, got a number/],
    ['a string for a quota', { targetIds: [OU], quota: { maxPolicySize: '10240' } }, /^quota\.maxPolicySize: must be an integer of at least 1 and at most 10240, got a string \("10240"\)/],
  ])('%s is a named error, never a TypeError', (_name, props, message) => {
    const e = validationErrorOf(() => new AuBedrockPosture(newStack(), 'P', props as AuBedrockPostureProps));
    expect(e.constructPath).toBe('Test/P');
    expect(e.message.split('\n')[1].replace(/^ {2}- /, '')).toMatch(message);
  });

  test('duplicate OU paths are an error naming the second', () => {
    const e = validationErrorOf(() => new AuBedrockPosture(newStack(), 'P', {
      organizationalUnitPaths: ['Root/Workloads/Prod', 'Root/Workloads/Dev', 'Root/Workloads/Prod'],
    }));
    expect(e.problems).toEqual([{ prop: 'organizationalUnitPaths[2]', message: '"Root/Workloads/Prod" is listed more than once' }]);
  });

  test('a malformed OU path is reported under organizationalUnitPaths[i]', () => {
    const e = validationErrorOf(() => new AuBedrockPosture(newStack(), 'P', { organizationalUnitPaths: ['Root/Workloads/Prod', 'Workloads'] }));
    expect(e.problems.map((p) => p.prop)).toEqual(['organizationalUnitPaths[1]']);
  });

  test('two postures with the same policyName in one app are an error', () => {
    const stack = newStack();
    new AuBedrockPosture(stack, 'A', { targetIds: [OU], policyName: 'bedrock-au' });
    const e = validationErrorOf(() => new AuBedrockPosture(stack, 'B', { targetIds: ['123456789012'], policyName: 'bedrock-au' }));
    expect(e.constructPath).toBe('Test/B');
    expect(e.problems).toEqual([{ prop: 'policyName', message: expect.stringMatching(/^"bedrock-au" is already the name of the SCP at Test\/A\/Scp; policy names are unique in an organization/) }]);
  });

  test('ordinary configurations still synthesize cleanly', () => {
    const stack = newStack();
    new AuBedrockPosture(stack, 'P', {
      targetIds: [OU],
      exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass', 'arn:aws:iam::*:role/break-glass/*'],
      allowedRegions: ['ap-southeast-2', 'ap-southeast-4'],
      quota: { maxPolicySize: 10240, maxPoliciesPerTarget: 10 },
    });
    Template.fromStack(stack).resourceCountIs('AWS::Organizations::Policy', 1);
  });
});
