import { cloudTrailEnvelope, eventPatternMatches } from './event-pattern';

/**
 * The evaluator checked against AWS's documented examples: EventBridge user
 * guide, "Content filtering in Amazon EventBridge event patterns", and the Event
 * Ruler README (aws/event-ruler, the matching library behind EventBridge), whose
 * sample event all of its "Ruler by Example" rules are stated to match.
 */

const SAMPLE = {
  'version': '0',
  'id': 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  'source': 'aws.ec2',
  'account': '012345679012',
  'time': '2017-10-02T16:24:49Z',
  'region': 'us-east-1',
  'resources': ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  'detail': {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    'state': 'running',
  },
};

describe('documented rules that match the sample event', () => {
  test.each([
    ['simple matching, with an array in the event', {
      'detail-type': ['EC2 Instance State-change Notification'],
      'resources': ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
      'detail': { state: ['initializing', 'running'] },
    }],
    ['prefix', { time: [{ prefix: '2017-10-02' }] }],
    ['suffix', { source: [{ suffix: 'ec2' }] }],
    ['anything-but a string', { detail: { state: [{ 'anything-but': 'initializing' }] } }],
    ['anything-but a number', { detail: { 'x-limit': [{ 'anything-but': 123 }] } }],
    ['anything-but a list of strings', { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }],
    ['anything-but a list of numbers', { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }],
    ['anything-but a prefix', { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }],
    ['numeric', { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }], 'd-count': [{ numeric: ['<', 10] }], 'x-limit': [{ numeric: ['=', 3.018e2] }] } }],
    ['IP address', { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }],
    ['exists', { detail: { 'c-count': [{ exists: true }] } }],
    ['complex example', {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        'state': [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    }],
  ])('%s', (_name, pattern) => {
    expect(eventPatternMatches(pattern, SAMPLE)).toBe(true);
  });
});

describe('documented non-matches', () => {
  test('anything-but excludes the listed value or prefix', () => {
    const initializing = { ...SAMPLE, detail: { ...SAMPLE.detail, state: 'initializing' } };
    expect(eventPatternMatches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, initializing)).toBe(false);
    expect(eventPatternMatches({ detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, initializing)).toBe(false);
  });

  test('exists: false does not match an event that has the leaf', () => {
    expect(eventPatternMatches({ detail: { 'c-count': [{ exists: false }] } }, SAMPLE)).toBe(false);
  });
});

describe('documented exists: false examples ("only works on leaf nodes")', () => {
  const pattern = { detail: { 'c-count': [{ exists: false }] } };
  test('matches an event without detail.c-count', () => {
    expect(eventPatternMatches(pattern, {
      'detail-type': ['EC2 Instance State-change Notification'],
      'resources': ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      'detail': { state: ['initializing', 'running'] },
    })).toBe(true);
  });
  test('also matches when c-count is an object, not a leaf', () => {
    expect(eventPatternMatches(pattern, {
      'detail-type': ['EC2 Instance State-change Notification'],
      'resources': ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      'detail': { 'state': ['initializing', 'running'], 'c-count': { c1: 100 } },
    })).toBe(true);
  });
});

describe('documented $or rules', () => {
  const rule = {
    source: ['aws.cloudwatch'],
    $or: [
      { metricName: ['CPUUtilization', 'ReadLatency'] },
      { namespace: ['AWS/EC2', 'AWS/ES'] },
    ],
  };
  test.each([
    // Effect of "source" && ("metricName" || "namespace")
    [{ source: 'aws.cloudwatch', metricName: 'CPUUtilization' }, true],
    [{ source: 'aws.cloudwatch', namespace: 'AWS/ES' }, true],
    [{ source: 'aws.cloudwatch', metricName: 'DiskQueue', namespace: 'AWS/RDS' }, false],
    [{ source: 'aws.ec2', metricName: 'CPUUtilization' }, false],
  ])('%j -> %s', (event, expected) => {
    expect(eventPatternMatches(rule, event)).toBe(expected);
  });

  test('nested $or with an AND inside', () => {
    const nested = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] },
      ],
    };
    expect(eventPatternMatches(nested, { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 })).toBe(true);
    expect(eventPatternMatches(nested, { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1 })).toBe(false);
  });
});

describe('matching rules the detections rely on', () => {
  test('wildcard: * matches any run of characters, anywhere', () => {
    expect(eventPatternMatches({ source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueueService' })).toBe(true);
    expect(eventPatternMatches({ source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueue' })).toBe(false);
    const arn = { wildcard: '*:inference-profile/global.*' };
    expect(eventPatternMatches({ m: [arn] }, { m: 'arn:aws:bedrock:ap-southeast-2:111122223333:inference-profile/global.x' })).toBe(true);
    expect(eventPatternMatches({ m: [arn] }, { m: 'arn:aws:bedrock:ap-southeast-2:111122223333:application-inference-profile/abc' })).toBe(false);
  });

  test('matchers listed for one field are ORed', () => {
    const p = { m: [{ prefix: 'global.' }, { wildcard: '*:inference-profile/global.*' }] };
    expect(eventPatternMatches(p, { m: 'global.x' })).toBe(true);
    expect(eventPatternMatches(p, { m: 'au.x' })).toBe(false);
  });

  test('anything-but does not match an event that lacks the field', () => {
    const p = { detail: { additionalEventData: { inferenceRegion: [{ 'anything-but': ['ap-southeast-2'] }] } } };
    expect(eventPatternMatches(p, { detail: {} })).toBe(false);
    expect(eventPatternMatches(p, { detail: { additionalEventData: { inputTokens: 1 } } })).toBe(false);
    expect(eventPatternMatches(p, { detail: { additionalEventData: { inferenceRegion: 'eu-west-1' } } })).toBe(true);
  });

  test('objects inside arrays are matched element by element', () => {
    const p = { detail: { resources: { type: ['AWS::Bedrock::Model'] } } };
    expect(eventPatternMatches(p, { detail: { resources: [{ type: 'AWS::S3::Object' }, { type: 'AWS::Bedrock::Model' }] } })).toBe(true);
    expect(eventPatternMatches(p, { detail: { resources: [{ type: 'AWS::S3::Object' }] } })).toBe(false);
  });

  test('the CloudTrail envelope names the service in source', () => {
    const e = cloudTrailEnvelope({ eventSource: 'bedrock.amazonaws.com', awsRegion: 'ap-southeast-2', recipientAccountId: '111122223333' });
    expect(e).toMatchObject({ 'source': 'aws.bedrock', 'detail-type': 'AWS API Call via CloudTrail', 'region': 'ap-southeast-2', 'account': '111122223333' });
  });

  test('unsupported matchers are refused rather than guessed', () => {
    expect(() => eventPatternMatches({ a: [{ 'contains-ish': 'x' }] }, { a: 'x' })).toThrow(/not supported/);
  });
});
