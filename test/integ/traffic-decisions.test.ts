/**
 * The replay's decisions, cross-checked with the independent evaluator
 * (@cloud-copilot/iam-simulate, test-only): every request reconstructed from
 * the corpus's events, under the default posture and two variations, must get
 * the same answer from both. The replay's own decision on a call is then the
 * conjunction of its requests.
 */
import { simulate } from './decision-table/simulate';
import { evaluateScpChain } from '../../src/core/evaluate/scp-evaluator';
import { judge, replayPosture } from '../../src/core/traffic/judge';
import { normalizeRecord } from '../../src/core/traffic/normalize-record';
import { reconstructRequests } from '../../src/core/traffic/reconstruct-requests';
import { TrafficKey } from '../../src/core/traffic/traffic-types';
import { corpusRecords } from '../helpers/trail-fixture';

const keys: TrafficKey[] = corpusRecords().map((r) => normalizeRecord(r)).flatMap((n) => (n.kind === 'governed' ? [n.event.key] : []));

const postures = {
  'default': {},
  'exempt break-glass role, Melbourne as an origin': {
    exemptPrincipalArns: ['arn:aws:iam::111122223333:role/BreakGlass'], allowedRegions: ['ap-southeast-2', 'ap-southeast-4'],
  },
  'Claude Platform allowed, an application profile vouched for': {
    allowClaudePlatformOnAws: true,
    allowedApplicationInferenceProfileArns: ['arn:aws:bedrock:ap-southeast-2:111122223333:application-inference-profile/a1b2c3d4e5f6'],
  },
};

describe.each(Object.entries(postures))('posture: %s', (_name, options) => {
  const posture = replayPosture(options);
  const scps = posture.levels[0].policies.filter((p) => p.name !== 'FullAWSAccess').map((p) => ({ name: p.name, policy: JSON.parse(p.document as string) }));

  test('every reconstructed request is decided alike by the library and by iam-simulate', async () => {
    let compared = 0;
    for (const key of keys) {
      const requests = reconstructRequests(key);
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) {
        const ours = evaluateScpChain(posture.levels, request).decision === 'ExplicitlyDenied' ? 'Denied' : 'Allowed';
        const context = request.context as Record<string, string>;
        const asked = { principal: key.principalArn, action: request.action, resource: request.resource, context };
        const theirs = await simulate(asked, scps);
        expect([key.eventName, key.modelId, request.leg, ours]).toEqual([key.eventName, key.modelId, request.leg, theirs.decision]);
        expect(theirs.ignoredContextKeys.filter((k) => !k.startsWith('bedrock-mantle:'))).toEqual([]);
        compared++;
      }
      const j = judge(key, posture);
      const anyDenied = requests.some((r) => evaluateScpChain(posture.levels, r).decision === 'ExplicitlyDenied');
      expect(j.decision).toBe(anyDenied ? 'DENIED' : 'ALLOWED');
    }
    expect(compared).toBeGreaterThan(keys.length);
  }, 120_000);
});

test('a profile call is rebuilt as profile check, source leg and serving leg; global. as the Region-less leg', () => {
  const base: TrafficKey = {
    accountId: '111122223333',
    principalArn: 'arn:aws:iam::111122223333:role/App',
    eventSource: 'bedrock.amazonaws.com',
    eventName: 'Converse',
    modelId: 'apac.anthropic.claude-3-7-sonnet-20250219-v1:0',
    sourceRegion: 'ap-southeast-2',
    inferenceRegion: 'ap-northeast-1',
    errorCode: null,
    alreadyDeniedBySCP: false,
  };
  expect(reconstructRequests(base).map((r) => [r.action, r.resource, r.context['aws:RequestedRegion'], r.context['bedrock:InferenceProfileArn'] ?? null])).toEqual([
    ['bedrock:InvokeModel', 'arn:aws:bedrock:ap-southeast-2:111122223333:inference-profile/apac.anthropic.claude-3-7-sonnet-20250219-v1:0', 'ap-southeast-2', null],
    ['bedrock:InvokeModel', 'arn:aws:bedrock:ap-southeast-2::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0', 'ap-southeast-2',
      'arn:aws:bedrock:ap-southeast-2:111122223333:inference-profile/apac.anthropic.claude-3-7-sonnet-20250219-v1:0'],
    ['bedrock:InvokeModel', 'arn:aws:bedrock:ap-northeast-1::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0', 'ap-northeast-1',
      'arn:aws:bedrock:ap-southeast-2:111122223333:inference-profile/apac.anthropic.claude-3-7-sonnet-20250219-v1:0'],
  ]);
  const global = reconstructRequests({ ...base, eventName: 'ConverseStream', modelId: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', inferenceRegion: 'eu-west-1' });
  expect(global.map((r) => [r.action, r.resource, r.context['aws:RequestedRegion']])).toEqual([
    ['bedrock:InvokeModelWithResponseStream', 'arn:aws:bedrock:ap-southeast-2:111122223333:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'ap-southeast-2'],
    ['bedrock:InvokeModelWithResponseStream', 'arn:aws:bedrock:ap-southeast-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0', 'ap-southeast-2'],
    ['bedrock:InvokeModelWithResponseStream', 'arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0', 'unspecified'],
  ]);
  expect(reconstructRequests({ ...base, modelId: 'amazon.nova-pro-v1:0', inferenceRegion: null }).map((r) => r.resource))
    .toEqual(['arn:aws:bedrock:ap-southeast-2::foundation-model/amazon.nova-pro-v1:0']);
});
