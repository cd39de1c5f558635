import { classifyError, classifySuccess } from '../../../src/core/probe/classify';
import { verdictOf } from '../../../src/core/probe/probe-report';

const sdkError = (name: string, message: string, status?: number) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
const SCP = 'User: arn:aws:sts::111122223333:assumed-role/Probe/s is not authorized to perform: bedrock:InvokeModel on resource: '
  + 'arn:aws:bedrock:ap-northeast-1::foundation-model/amazon.nova-micro-v1:0 with an explicit deny in a service control policy: '
  + 'arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-a1b2c3d4';

describe('classifyError', () => {
  test('a denial that names a service control policy is DENIED_BY_SCP, as AccessDeniedException or AccessDenied, and names the caller', () => {
    for (const name of ['AccessDeniedException', 'AccessDenied']) {
      expect(classifyError(sdkError(name, SCP, 403))).toMatchObject({
        outcome: 'DENIED_BY_SCP', callerArn: 'arn:aws:sts::111122223333:assumed-role/Probe/s',
      });
    }
  });

  test('any other denial is DENIED_OTHER: identity policy, permissions boundary, resource control policy, model access', () => {
    for (const message of [
      'User: arn:aws:sts::1:assumed-role/P/s is not authorized to perform: bedrock:InvokeModel because no identity-based policy allows the bedrock:InvokeModel action',
      'User: arn:aws:sts::1:assumed-role/P/s is not authorized to perform: bedrock:InvokeModel with an explicit deny in a resource control policy',
      'You don\'t have access to the model with the specified model ID.',
    ]) expect(classifyError(sdkError('AccessDeniedException', message, 403)).outcome).toBe('DENIED_OTHER');
  });

  test('validation is inconclusive, because AWS does not document authorisation before validation', () => {
    const c = classifyError(sdkError('ValidationException', 'The provided model identifier is invalid.', 400));
    expect(c.outcome).toBe('INCONCLUSIVE');
    expect(c.detail).toContain('does not document whether Bedrock authorises a request before validating it');
  });

  test('throttling, network errors, timeouts and unknown errors are inconclusive', () => {
    expect(classifyError(sdkError('ThrottlingException', 'slow down', 429)).outcome).toBe('INCONCLUSIVE');
    expect(classifyError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })).outcome).toBe('INCONCLUSIVE');
    expect(classifyError(sdkError('AbortError', 'Request aborted')).outcome).toBe('INCONCLUSIVE');
    expect(classifyError(sdkError('Teapot', 'short and stout', 418))).toMatchObject({ outcome: 'INCONCLUSIVE', detail: 'unexpected answer Teapot (HTTP 418): short and stout' });
    expect(classifyError('not even an error').outcome).toBe('INCONCLUSIVE');
  });

  test('a resource lookup or a model run means the request was authorised: REACHED', () => {
    expect(classifyError(sdkError('ResourceNotFoundException', 'Memory not found', 404)).outcome).toBe('REACHED');
    expect(classifyError(sdkError('ModelErrorException', 'model failed', 424)).outcome).toBe('REACHED');
    expect(classifySuccess('Converse returned stopReason max_tokens').outcome).toBe('REACHED');
  });
});

describe('verdictOf', () => {
  test.each([
    ['ALLOWED', 'REACHED', 'passed'], ['ALLOWED', 'DENIED_BY_SCP', 'failed'], ['ALLOWED', 'DENIED_OTHER', 'inconclusive'], ['ALLOWED', 'INCONCLUSIVE', 'inconclusive'],
    ['DENIED', 'DENIED_BY_SCP', 'passed'], ['DENIED', 'REACHED', 'failed'], ['DENIED', 'DENIED_OTHER', 'inconclusive'], ['DENIED', 'INCONCLUSIVE', 'inconclusive'],
  ] as const)('expect %s, outcome %s: %s', (expect_, outcome, verdict) => {
    expect(verdictOf({ expect: expect_, outcome })).toBe(verdict);
  });
});
