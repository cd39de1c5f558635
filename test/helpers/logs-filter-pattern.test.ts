import { logsFilterMatches, parseLogsFilterPattern } from './logs-filter-pattern';

/**
 * The evaluator checked against AWS's documented examples: CloudWatch Logs user
 * guide, "Using filter patterns to match terms in JSON log events" (and the same
 * examples in its earlier "Filter and pattern syntax" page), with the outcomes
 * the documentation states.
 */

// The documentation's sample event, with ThisFlag from the earlier page and cluster.name from the current one.
const SAMPLE = {
  'eventType': 'UpdateTrail',
  'sourceIPAddress': '111.111.111.111',
  'arrayKey': ['value', 'another value'],
  'objectList': [{ name: 'a', id: 1 }, { name: 'b', id: 2 }],
  'SomeObject': null,
  'ThisFlag': true,
  'cluster.name': 'c',
};

// The documentation's sample event for compound expressions.
const COMPOUND = {
  user: { id: 1, email: 'John.Stiles@example.com' },
  users: [{ id: 2, email: 'John.Doe@example.com' }, { id: 3, email: 'Jane.Doe@example.com' }],
  actions: ['GET', 'PUT', 'DELETE'],
  coordinates: [[0, 1, 2], [4, 5, 6], [7, 8, 9]],
};

describe('documented examples that match the sample event', () => {
  test.each([
    '{ $.eventType = "UpdateTrail" }',
    '{ $.sourceIPAddress != 123.123.* }',
    '{ $.arrayKey[0] = "value" }',
    '{ $.objectList[1].id = 2 }',
    '{ $.SomeObject IS NULL }',
    '{ $.SomeOtherObject NOT EXISTS }',
    '{ $.ThisFlag IS TRUE }',
    '{ $.[\'cluster.name\'] = "c" }',
  ])('%s', (pattern) => {
    expect(logsFilterMatches(pattern, SAMPLE)).toBe(true);
  });
});

describe('documented "this will be false" cases', () => {
  test.each([
    // "If arrayKey is not an array this will be false."
    ['an index into a non-array', '{ $.ThisFlag[0] = "value" }'],
    // "If the items in objectList ... do not have an id property, this will be false."
    ['a property the array items lack', '{ $.objectList[1].number = 2 }'],
    // "This will only be true if the specified object is set to null."
    ['IS NULL on a present value', '{ $.eventType IS NULL }'],
    // "This will only be true if specified object does not exist in log data."
    ['NOT EXISTS on a present field', '{ $.eventType NOT EXISTS }'],
  ])('%s: %s', (_name, pattern) => {
    expect(logsFilterMatches(pattern, SAMPLE)).toBe(false);
  });
});

describe('documented compound expressions: () > && > ||', () => {
  test.each([
    ['{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', true],
    ['{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', false],
    ['{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch" && $.actions[2] = "nonmatch" }', true],
    ['{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch") && $.actions[2] = "nonmatch" }', false],
    // The earlier page writes the same two with unquoted values.
    ['{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }', true],
    ['{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }', false],
  ])('%s -> %s', (pattern, expected) => {
    expect(logsFilterMatches(pattern, COMPOUND)).toBe(expected);
  });
});

describe('documented special considerations', () => {
  test('a selector that points to an array matches neither = nor !=', () => {
    const event = { users: [1, 2, 3] };
    expect(logsFilterMatches('{$.users = 1}', event)).toBe(false);
    expect(logsFilterMatches('{$.users != 1}', event)).toBe(false);
  });

  test('wildcards: "*Event" and "Event*" match; "Ev*ent" is only the literal string', () => {
    for (const value of ['PutEvent', 'GetEvent']) expect(logsFilterMatches('{ $.name = "*Event" }', { name: value })).toBe(true);
    for (const value of ['EventId', 'EventName']) expect(logsFilterMatches('{ $.name = Event* }', { name: value })).toBe(true);
    expect(logsFilterMatches('{ $.name = "Ev*ent" }', { name: 'Event' })).toBe(false);
    expect(logsFilterMatches('{ $.name = "Ev*ent" }', { name: 'Ev*ent' })).toBe(true);
  });

  test('"IS NOT" and "EXISTS" are not supported, so the evaluator rejects them', () => {
    expect(() => parseLogsFilterPattern('{ $.SomeObject IS NOT NULL }')).toThrow(/IS NOT is not supported/);
    expect(() => parseLogsFilterPattern('{ $.eventType EXISTS }')).toThrow(/EXISTS is not supported/);
  });

  test('malformed patterns are rejected', () => {
    for (const bad of ['$.a = 1', '{ $.a = 1', '{ $.a }', '{ a = 1 }', '{ ($.a = 1 }', '{ $.a = 1 } tail', '{ $.a == 1 }']) {
      expect(() => parseLogsFilterPattern(bad)).toThrow(/Invalid filter pattern/);
    }
  });
});

describe('FACTS.md §6 behaviour the alarms rely on', () => {
  const region = '$.additionalEventData.inferenceRegion';

  test('!= does not match an event that lacks the field', () => {
    expect(logsFilterMatches(`{ ${region} != "ap-southeast-2" }`, {})).toBe(false);
    expect(logsFilterMatches(`{ ${region} != "ap-southeast-2" }`, { additionalEventData: { inputTokens: 3 } })).toBe(false);
    expect(logsFilterMatches(`{ ${region} != "ap-southeast-2" }`, { additionalEventData: { inferenceRegion: 'us-east-1' } })).toBe(true);
  });

  test('= * means present (with a value)', () => {
    expect(logsFilterMatches(`{ ${region} = * }`, { additionalEventData: { inferenceRegion: 'ap-southeast-4' } })).toBe(true);
    expect(logsFilterMatches(`{ ${region} = * }`, { additionalEventData: {} })).toBe(false);
    expect(logsFilterMatches(`{ ${region} = * }`, { additionalEventData: { inferenceRegion: null } })).toBe(false);
  });

  test('the FACTS "left Australia" pattern', () => {
    const pattern = `{ (${region} = *) && (${region} != "ap-southeast-2") && (${region} != "ap-southeast-4") }`;
    expect(logsFilterMatches(pattern, { additionalEventData: { inferenceRegion: 'ap-northeast-1' } })).toBe(true);
    expect(logsFilterMatches(pattern, { additionalEventData: { inferenceRegion: 'ap-southeast-4' } })).toBe(false);
    expect(logsFilterMatches(pattern, { additionalEventData: { inputTokens: 1 } })).toBe(false);
  });

  test('a leading wildcard matches the ARN form of a profile ID', () => {
    const p = '{ $.requestParameters.modelId = "*:inference-profile/global.*" }';
    expect(logsFilterMatches(p, { requestParameters: { modelId: 'arn:aws:bedrock:ap-southeast-2:111122223333:inference-profile/global.cohere.embed-v4:0' } })).toBe(true);
    expect(logsFilterMatches(p, { requestParameters: { modelId: 'arn:aws:bedrock:ap-southeast-2:111122223333:application-inference-profile/a1b2c3d4e5f6' } })).toBe(false);
    expect(logsFilterMatches(p, { requestParameters: { modelId: 'global.cohere.embed-v4:0' } })).toBe(false);
  });
});
