import { scpDenialFilterPattern } from '../../../src/core/detect/metric-filter-patterns';
import { loadCorpus } from '../../helpers/event-corpus';
import { logsFilterMatches } from '../../helpers/logs-filter-pattern';

/** The SCP denial message, as Bedrock clients report it (the policy ARN names the organization and policy). */
const SCP_MESSAGE = 'User: arn:aws:sts::111122223333:assumed-role/App/session is not authorized to perform: bedrock:InvokeModel on resource: '
  + 'arn:aws:bedrock:ap-northeast-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0 with an explicit deny in a service control policy: '
  + 'arn:aws:organizations::999988887777:policy/o-abcd1234/service_control_policy/p-abcd1234';
const denied = (over: Record<string, unknown> = {}) => ({
  eventSource: 'bedrock.amazonaws.com',
  eventName: 'InvokeModel',
  awsRegion: 'ap-southeast-2',
  errorCode: 'AccessDenied',
  errorMessage: SCP_MESSAGE,
  ...over,
});

describe('SCP denial filter pattern', () => {
  const pattern = scpDenialFilterPattern();

  test('is exactly this (CloudWatch Logs JSON filter syntax, under the 1,024-character limit)', () => {
    expect(pattern).toBe('{ (($.eventSource = "bedrock*") || ($.eventSource = "aws-external-anthropic*")) '
      + '&& (($.errorCode = "AccessDenied") || ($.errorCode = "AccessDeniedException")) && ($.errorMessage = "*service control policy*") }');
    expect(pattern.length).toBeLessThan(1024);
  });

  test.each([
    ['a Bedrock call denied by an SCP (AccessDenied)', denied(), true],
    ['the same with AccessDeniedException', denied({ errorCode: 'AccessDeniedException' }), true],
    ['a Mantle call denied by an SCP', denied({ eventSource: 'bedrock-mantle.amazonaws.com', eventName: 'CreateInference' }), true],
    ['an AgentCore call denied by an SCP', denied({ eventSource: 'bedrock-agentcore.amazonaws.com' }), true],
    ['a Claude Platform on AWS call denied by an SCP', denied({ eventSource: 'aws-external-anthropic.amazonaws.com' }), true],
    ['a denial by an identity policy', denied({ errorMessage: 'User: arn:aws:sts::111122223333:assumed-role/App/s is not authorized to perform: bedrock:InvokeModel because no identity-based policy allows the bedrock:InvokeModel action' }), false],
    ['an S3 call denied by an SCP', denied({ eventSource: 's3.amazonaws.com' }), false],
    ['a throttled Bedrock call', denied({ errorCode: 'ThrottlingException', errorMessage: 'Too many requests' }), false],
    ['a successful call', { eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel' }, false],
  ])('%s', (_name, event, expected) => {
    expect(logsFilterMatches(pattern, event)).toBe(expected);
  });
});

describe('SCP denial filter pattern over the CloudTrail event corpus', () => {
  const pattern = scpDenialFilterPattern();
  const corpus = loadCorpus();

  test('fires exactly on the corpus events that an SCP denied, and there are some', () => {
    const deniedBySCP = (e: Record<string, any>) => /^AccessDenied(Exception)?$/.test(e.errorCode ?? '') && /service control policy/.test(e.errorMessage ?? '');
    const fired = corpus.filter((c) => logsFilterMatches(pattern, c.event)).map((c) => c.file);
    expect(fired).toEqual(corpus.filter((c) => deniedBySCP(c.event)).map((c) => c.file));
    expect(fired).toEqual(expect.arrayContaining(['global-sonnet-denied-by-scp.json', 'claude-platform-denied-by-scp.json']));
  });
});
