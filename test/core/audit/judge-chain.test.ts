import { ChainJudge, judgeChain } from '../../../src/core/audit/judge-chain';
import { Protection } from '../../../src/core/audit/verdict';
import { evaluateScpChain } from '../../../src/core/evaluate/scp-evaluator';
import { fullSurfacePosture } from '../../helpers/full-surface-posture';

const FULL = { name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

export function chainOf(...documents: unknown[]) {
  return [
    { id: 'r-ab12', policies: [FULL] },
    { id: 'ou-ab12-34cd56ef', policies: [FULL, ...documents.map((document, i) => ({ name: `posture${i}`, document }))] },
    { id: '111111111111', policies: [FULL] },
  ];
}

/** The reference posture with its statements edited. */
function edited(edit: (statements: any[]) => void): unknown {
  const doc = JSON.parse(JSON.stringify(fullSurfacePosture()));
  edit(doc.Statement);
  return doc;
}

const REGION_STATEMENTS = ['DenyOutsideAustralia', 'DenyOriginOutsideSydney'];

describe('the reference posture over the whole surface', () => {
  test('reads PROTECTED, with no escape hatch', () => {
    const v = judgeChain(chainOf(fullSurfacePosture()));
    expect(v.failures).toEqual([]);
    expect(v.protection).toBe(Protection.PROTECTED);
    expect(v.escapeHatches).toEqual([]);
    expect(v.probeCount).toBeGreaterThan(50);
  });

  test('no posture at all is UNPROTECTED', () => {
    expect(judgeChain(chainOf()).protection).toBe(Protection.UNPROTECTED);
  });
});

describe('near-miss postures never read PROTECTED', () => {
  test('a posture without the SageMaker invocation deny (Bedrock Marketplace endpoints abroad) reads PARTIAL; Agent Registry and Nova Act are judged too', () => {
    const without = (drop: string) => edited((st) => {
      for (const s of st) if (Array.isArray(s.Action)) s.Action = s.Action.filter((a: string) => a !== drop);
    });
    for (const [drop, action] of [['sagemaker:InvokeEndpoint*', /^sagemaker:InvokeEndpoint/], ['agent-registry:*', /^agent-registry:/], ['nova-act:*', /^nova-act:/]] as const) {
      const v = judgeChain(chainOf(without(drop)));
      expect({ drop, protection: v.protection }).toEqual({ drop, protection: Protection.PARTIAL });
      expect(v.failures.some((f) => action.test(f.request!.action))).toBe(true);
    }
    // SageMaker endpoints in Sydney and Melbourne are not the audit's business.
    const v = judgeChain(chainOf(without('sagemaker:InvokeEndpoint*')));
    expect(v.failures.every((f) => !['ap-southeast-2', 'ap-southeast-4'].includes(String(f.request!.context['aws:RequestedRegion'])))).toBe(true);
  });

  const narrowed = (omit: string) => edited((st) => {
    // Every statement's bedrock:* becomes the usual hand-written list, less one action.
    const list = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'bedrock:RetrieveAndGenerate', 'bedrock:Retrieve',
      'bedrock:InvokeAgent', 'bedrock:CreateModelInvocationJob', 'bedrock:ApplyGuardrail', 'bedrock:InvokeFlow'].filter((a) => a !== omit);
    for (const s of st) {
      const actions: string[] = Array.isArray(s.Action) ? s.Action : [s.Action];
      if (actions.includes('bedrock:*')) s.Action = [...actions.filter((a) => a !== 'bedrock:*'), ...list];
    }
  });

  test.each([
    ['bedrock:InvokeModelWithResponseStream', /bedrock:InvokeModelWithResponseStream/],
    ['bedrock:RetrieveAndGenerate', /bedrock:RetrieveAndGenerate/],
  ])('an action list that omits %s', (omit, named) => {
    const chain = chainOf(narrowed(omit));
    const v = judgeChain(chain, { maxFailures: 1000 });
    expect(v.protection).toBe(Protection.PARTIAL);
    // The omitted action leaks abroad: it is a failing probe, or in the group of one the chain cannot tell it from.
    const abroad = v.failures.filter((f) => f.request!.context['aws:RequestedRegion'] === 'us-east-1');
    expect(abroad.some((f) => named.test(f.request!.action)
      || evaluateScpChain(chain, { ...f.request!, action: omit }).decision === 'Allowed')).toBe(true);
    expect(evaluateScpChain(chain, { ...abroad[0].request!, action: 'bedrock:InvokeModel' }).decision).not.toBe('Allowed');
  });

  test('a Region deny-list that forgets eu-central-1', () => {
    const v = judgeChain(chainOf(edited((st) => {
      st.splice(st.findIndex((s) => s.Sid === 'DenyOriginOutsideSydney'), 1);
      st.find((s) => s.Sid === 'DenyOutsideAustralia').Condition = {
        StringEquals: { 'aws:RequestedRegion': ['ap-northeast-1', 'us-east-1', 'us-west-2', 'unspecified'] },
      };
    })), { maxFailures: 1000 });
    expect(v.protection).toBe(Protection.PARTIAL);
    const regions = new Set(v.failures.map((f) => f.request!.context['aws:RequestedRegion']));
    expect(regions.has('us-east-1')).toBe(false);
    // eu-central-1 is decided like every other unnamed Region: their representative leaks, and the description says how many.
    expect(v.failures.some((f) => /other Regions the chain treats alike/.test(f.description))).toBe(true);
    const eu = judgeChain(chainOf(edited((st) => {
      st.splice(st.findIndex((s) => s.Sid === 'DenyOriginOutsideSydney'), 1);
      st.find((s) => s.Sid === 'DenyOutsideAustralia').Condition = {
        StringEquals: { 'aws:RequestedRegion': ['ap-northeast-1', 'us-east-1', 'us-west-2', 'unspecified', 'eu-central-1'] },
      };
    })), { maxFailures: 1000 });
    expect(eu.failures.some((f) => f.request!.context['aws:RequestedRegion'] === 'eu-central-1')).toBe(false);
  });

  test('a NotResource carve-out for direct Claude calls', () => {
    const v = judgeChain(chainOf(edited((st) => {
      for (const s of st.filter((x) => REGION_STATEMENTS.includes(x.Sid))) {
        delete s.Resource;
        s.NotResource = 'arn:aws:bedrock:*::foundation-model/anthropic.*';
      }
    })), { maxFailures: 1000 });
    expect(v.protection).toBe(Protection.PARTIAL);
    expect(v.failures).toContainEqual(expect.objectContaining({
      expected: 'Denied',
      request: expect.objectContaining({
        resource: expect.stringMatching(/^arn:aws:bedrock:us-east-1::foundation-model\/anthropic\./),
        context: expect.objectContaining({ 'aws:RequestedRegion': 'us-east-1' }),
      }),
    }));
  });

  test('a principal-tag exemption on every statement reads PARTIAL and the tag is named as a broad escape hatch', () => {
    const v = judgeChain(chainOf(edited((st) => {
      for (const s of st) s.Condition = { ...(s.Condition ?? {}), StringNotEquals: { ...(s.Condition?.StringNotEquals ?? {}), 'aws:PrincipalTag/residency-exempt': 'true' } };
    })));
    expect(v.protection).toBe(Protection.PARTIAL);
    expect(v.failures[0].request!.context['aws:PrincipalTag/residency-exempt']).toBe('true');
    expect(v.escapeHatches).toHaveLength(5);
    expect(v.escapeHatches.every((h) => h.kind === 'principal-tag' && h.broad && h.key === 'aws:PrincipalTag/residency-exempt' && h.values[0] === 'true')).toBe(true);
    expect(v.escapeHatches.map((h) => h.statement)).toContain('posture0/DenyOutsideAustralia');
  });
});

describe('escape hatches', () => {
  test('a narrow break-glass role reads PROTECTED and is named, not broad', () => {
    const v = judgeChain(chainOf(fullSurfacePosture(['arn:aws:iam::*:role/BreakGlass*'])));
    expect(v.protection).toBe(Protection.PROTECTED);
    expect(v.escapeHatches).toHaveLength(5);
    expect(v.escapeHatches[0]).toMatchObject({
      kind: 'principal-arn',
      level: 'ou-ab12-34cd56ef',
      policy: 'posture0',
      operator: 'ArnNotLike',
      key: 'aws:PrincipalArn',
      values: ['arn:aws:iam::*:role/BreakGlass*'],
      broad: false,
    });
  });

  test.each([
    ['every role', 'arn:aws:iam::*:role/*'],
    ['Identity Center users', 'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*'],
    ['IAM users', 'arn:aws:iam::*:user/*'],
  ])('an exemption of %s is broad and opens the posture', (_name, pattern) => {
    const v = judgeChain(chainOf(fullSurfacePosture([pattern])));
    expect(v.protection).toBe(Protection.PARTIAL);
    expect(v.escapeHatches.every((h) => h.broad)).toBe(true);
  });

  test('a source VPC endpoint condition is named as a network escape hatch', () => {
    const v = judgeChain(chainOf(edited((st) => {
      st[1].Condition.StringNotEquals['aws:SourceVpce'] = 'vpce-0123456789abcdef0';
    })));
    expect(v.escapeHatches).toEqual([expect.objectContaining({ kind: 'network', key: 'aws:SourceVpce', broad: true, statement: 'posture0/DenyOutsideAustralia' })]);
    // The origin statement still denies calls abroad without an au. profile, but au.-keyed legs abroad now pass.
    expect(v.protection).toBe(Protection.PARTIAL);
  });

  test('a condition on what a request asks for is a hatch only on a statement that guards the standard', () => {
    // A deny scoped to one setting (sharing prompts with model providers) never decides a residency probe: no hatch.
    const scoped = edited((st) => st.push({
      Sid: 'DenyDataSharing',
      Effect: 'Deny',
      Action: 'bedrock:PutAccountDataRetention',
      Resource: '*',
      Condition: { Null: { 'bedrock:DataRetentionMode': 'false' }, StringNotEquals: { 'bedrock:DataRetentionMode': ['default', 'none'] } },
    }));
    const v = judgeChain(chainOf(scoped));
    expect(v.protection).toBe(Protection.PROTECTED);
    expect(v.escapeHatches).toEqual([]);
    // The same kind of key on the Region rule lets that model through: named, and broad.
    const carved = judgeChain(chainOf(edited((st) => {
      for (const s of st.filter((x) => REGION_STATEMENTS.includes(x.Sid))) s.Condition.StringNotEquals['bedrock-mantle:Model'] = 'openai.gpt-oss-120b';
    })));
    expect(carved.escapeHatches.map((h) => [h.kind, h.key, h.statement, h.broad])).toEqual([
      ['condition-key', 'bedrock-mantle:Model', 'posture0/DenyOutsideAustralia', true],
      ['condition-key', 'bedrock-mantle:Model', 'posture0/DenyOriginOutsideSydney', true],
    ]);
    expect(carved.protection).toBe(Protection.PARTIAL);
  });

  test('an application profile the chain names is vouched for and named; one it does not name is a leak', () => {
    const app = 'arn:aws:bedrock:ap-southeast-2:111111111111:application-inference-profile/abc123';
    const withApp = edited((st) => {
      for (const s of st) if (s.Condition?.ArnNotLike?.['bedrock:InferenceProfileArn']) s.Condition.ArnNotLike['bedrock:InferenceProfileArn'].push(app);
    });
    const v = judgeChain(chainOf(withApp));
    expect(v.protection).toBe(Protection.PROTECTED);
    expect(v.escapeHatches.map((h) => h.kind)).toEqual(['application-inference-profile', 'application-inference-profile']);
    expect(v.escapeHatches[0]).toMatchObject({ values: [app], broad: false });
    const wildcard = edited((st) => {
      for (const s of st) if (s.Condition?.ArnNotLike?.['bedrock:InferenceProfileArn']) s.Condition.ArnNotLike['bedrock:InferenceProfileArn'].push('arn:aws:bedrock:*:*:application-inference-profile/*');
    });
    expect(judgeChain(chainOf(wildcard)).protection).toBe(Protection.PARTIAL);
  });
});

describe('robust reading', () => {
  test.each([
    ['text that is not JSON', '{"Statement": [', /posture0: not valid JSON/],
    ['a statement without an effect', { Statement: [{ Action: '*', Resource: '*' }] }, /Effect must be Allow or Deny/],
    ['a misspelled operator', { Statement: [{ Effect: 'Deny', Action: 'bedrock:*', Resource: '*', Condition: { StringNotEqual: { 'aws:RequestedRegion': 'x' } } }] }, /unknown condition operator StringNotEqual/],
    ['a policy variable', { Statement: [{ Effect: 'Deny', Action: 'bedrock:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': '${aws:PrincipalTag/region}' } } }] }, /policy variable/],
  ])('%s is an ERROR with the reason', (_name, doc, reason) => {
    const v = judgeChain(chainOf(doc));
    expect(v.protection).toBe(Protection.ERROR);
    expect(v.message).toMatch(reason);
  });
});

describe('memoisation', () => {
  test('accounts sharing a chain are judged once; a chain naming an account is judged per account', () => {
    const judge = new ChainJudge();
    const chain = chainOf(fullSurfacePosture());
    for (const account of ['222222222222', '333333333333', '444444444444']) {
      expect(judge.judge('full', chain, account).protection).toBe(Protection.PROTECTED);
    }
    expect(judge.evaluations).toBe(1);
    // An exemption of every role in one account: broad there, and only there.
    const named = chainOf(fullSurfacePosture(['arn:aws:iam::222222222222:role/*']));
    expect(judge.judge('named', named, '222222222222').protection).toBe(Protection.PARTIAL);
    expect(judge.judge('named', named, '333333333333').protection).toBe(Protection.PROTECTED);
    expect(judge.evaluations).toBe(3);
  });
});
