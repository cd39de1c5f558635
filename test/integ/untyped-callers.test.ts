/**
 * Property: whatever a JavaScript caller passes, every public construct and
 * method either accepts it or throws the library's named validation error,
 * naming the prop: never a TypeError, never a silent default. Each case starts
 * from valid props and replaces one prop (or nested prop) with a wrongly typed
 * value, as a config file or an untyped caller would.
 */
import { App, CfnParameter, Duration, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as fc from 'fast-check';
import {
  AuBedrockPosture, AuBedrockResidencyScp, AuOnlyInferenceScp, BedrockDataEvents, BedrockInvocationLogging, BedrockResidencyDashboard,
  CloudTrailAthenaTable, ControlTowerRegionDeny, InferenceRegionAlarm, InvocationLogDestination, OrganizationalUnitPath, PostureAuditor,
  PostureExport, PostureExportFormat, PostureProbe, RegionAllowlistScp, ResidencyPolicies, ScpConflictCheck, ScpSlotGuard,
  SovereignBedrockChecks, SovereignBedrockErrors, SovereignBedrockInvoker, SovereignBedrockSuppressions, SydneyModelCatalog, TrafficReplay,
} from '../../src';
import { thrown } from '../helpers/errors';

const OU = 'ou-ab12-34cd56ef';
const OU_ARN = 'arn:aws:organizations::111122223333:ou/o-abcdefghij/ou-ab12-34cd56ef';

/** Values of the wrong type (or shape) for almost any prop. */
const WRONG = [
  null, 0, 1, -1, Number.NaN, '', 'x', 'false', 'bedrock', 'arn:aws:sns:ap-southeast-2:111122223333:topic', true, false,
  [], [null], [1], [''], ['x'], [{}], {}, { a: 1 }, () => 1,
];

interface Subject {
  readonly name: string;
  /** Valid props: every case perturbs one of them. */
  readonly props: () => Record<string, unknown>;
  readonly call: (props: any) => unknown;
  /** `call` hands the props over as they are (no defaults merged in), so wrong whole props must be refused. */
  readonly direct?: boolean;
}

function stackWith(): { stack: Stack; logGroup: logs.LogGroup; trail: cloudtrail.Trail; topic: sns.Topic } {
  const stack = new Stack(new App(), 'Fuzz');
  return { stack, logGroup: new logs.LogGroup(stack, 'Logs'), trail: new cloudtrail.Trail(stack, 'Trail'), topic: new sns.Topic(stack, 'Topic') };
}

const residency = () => ({
  targetIds: [OU],
  exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass'],
  allowedRegions: ['ap-southeast-2'],
  coveredServices: ['bedrock', 'bedrock-mantle'],
  allowedProfilePrefixes: ['au.'],
  quota: { maxPolicySize: 10240 },
  policyName: 'p',
  description: 'd',
  denyGlobalCrossRegionInference: true,
  serviceSideInference: { webSearch: true },
  acknowledgedAccountWideExemptions: [],
  allowedApplicationInferenceProfileArns: [],
  includeBedrockMantle: true,
});

const SUBJECTS: Subject[] = [
  ...[AuBedrockResidencyScp, AuOnlyInferenceScp, RegionAllowlistScp].map((Scp): Subject => ({
    name: Scp.name, props: residency, call: (p) => new Scp(stackWith().stack, 'Scp', p), direct: true,
  })),
  {
    name: 'AuBedrockPosture',
    props: () => ({
      ...residency(),
      exemptControlTowerRoles: true,
      scpMode: 'SINGLE_POLICY',
      organizationalUnitPaths: ['Root/Workloads'],
      controlTowerRegionDeny: { targetOuArns: [OU_ARN] },
      guardScpSlots: false,
      checkExistingScps: false,
    }),
    call: (p) => new AuBedrockPosture(stackWith().stack, 'Posture', p),
    direct: true,
  },
  {
    name: 'SovereignBedrockInvoker',
    props: () => ({
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      models: ['amazon.nova-pro-v1:0'],
      roleName: 'invoker',
      allowStreaming: true,
      allowCountTokens: true,
      guardrails: undefined,
      provisionedOrCustomModelArns: undefined,
    }),
    call: (p) => new SovereignBedrockInvoker(stackWith().stack, 'Invoker', p),
    direct: true,
  },
  {
    name: 'InferenceRegionAlarm',
    props: () => ({ allowedInferenceRegions: ['ap-southeast-2'], approvedGlobalModelIds: [], threshold: 1, period: Duration.minutes(1), evaluationPeriods: 1 }),
    call: (p) => {
      const { stack, logGroup } = stackWith();
      return new InferenceRegionAlarm(stack, 'Alarm', { logGroup, ...p });
    },
  },
  {
    name: 'PostureAuditor',
    props: () => ({ allowedRegions: ['ap-southeast-2'], target: OU, metricPeriod: Duration.days(1), schedule: events.Schedule.rate(Duration.days(1)) }),
    call: (p) => {
      const { stack, topic } = stackWith();
      return new PostureAuditor(stack, 'Audit', { topic, ...p });
    },
  },
  {
    name: 'ControlTowerRegionDeny',
    props: () => ({ targetOuArns: [OU_ARN], additionalAllowedRegions: ['us-east-1'], exemptPrincipalArns: [], exemptControlTowerRoles: true, exemptedActions: [] }),
    call: (p) => new ControlTowerRegionDeny(stackWith().stack, 'Deny', p),
    direct: true,
  },
  {
    name: 'OrganizationalUnitPath',
    props: () => ({ path: 'Root/Workloads' }),
    call: (p) => new OrganizationalUnitPath(stackWith().stack, 'Path', p),
    direct: true,
  },
  {
    name: 'ScpSlotGuard',
    props: () => ({ maxPoliciesPerTarget: 5, policies: [] }),
    call: (p) => {
      const { stack } = stackWith();
      const policies = p.policies === undefined ? undefined : p.policies;
      return new ScpSlotGuard(stack, 'Guard', { ...p, policies });
    },
  },
  {
    name: 'ScpSlotGuard.protect',
    props: () => ({ maxPoliciesPerTarget: 5 }),
    call: (p) => {
      const { stack } = stackWith();
      return ScpSlotGuard.protect(new AuOnlyInferenceScp(stack, 'Scp', { targetIds: [OU] }), p);
    },
  },
  {
    name: 'ScpConflictCheck.protect',
    props: () => ({ onConflict: 'FAIL', allowedRegions: ['ap-southeast-2'] }),
    call: (p) => {
      const { stack } = stackWith();
      return ScpConflictCheck.protect(new AuOnlyInferenceScp(stack, 'Scp', { targetIds: [OU] }), p);
    },
  },
  {
    name: 'BedrockDataEvents.enable',
    props: () => ({ resourceTypes: ['AWS::Bedrock::Model'] }),
    call: (p) => BedrockDataEvents.enable(stackWith().trail, p),
  },
  {
    name: 'PostureExport.toResult',
    props: () => ({
      format: PostureExportFormat.LZA,
      targets: { organizationalUnits: ['Workloads'] },
      options: { allowedRegions: ['ap-southeast-2'] },
      split: false,
      namePrefix: 'acme-',
      maxPolicySize: 5120,
      controlTowerRegionDeny: { additionalAllowedRegions: [] },
    }),
    call: (p) => PostureExport.toResult(p),
    direct: true,
  },
  { name: 'ResidencyPolicies.posture', props: () => { const { targetIds, policyName, description, quota, ...o } = residency(); return o; }, call: (p) => ResidencyPolicies.posture(p) },
  { name: 'SovereignBedrockChecks', props: () => ({ reportWarnings: true }), direct: true, call: (p) => new SovereignBedrockChecks(p) },
];

/** Every prop path of plain objects (`quota.maxPolicySize`), not descending into constructs or lists. */
function pathsOf(o: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.entries(o).flatMap(([k, v]) => {
    const here = [...prefix, k];
    const plain = typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
    return plain ? [here, ...pathsOf(v as Record<string, unknown>, here)] : [here];
  });
}

function replaced(o: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  return { ...o, [head]: rest.length === 0 ? value : replaced(o[head] as Record<string, unknown>, rest, value) };
}

/** Accepted, or the library's error: anything else is a crash. */
function outcome(fn: () => unknown): 'accepted' | 'refused' {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    if (SovereignBedrockErrors.isValidationError(e)) return 'refused';
    throw e;
  }
}

describe('no raw crash from any input (property-based)', () => {
  test.each(SUBJECTS.map((s) => [s.name, s] as const))('%s: valid props are accepted', (_name, s) => {
    expect(outcome(() => s.call(s.props()))).toBe('accepted');
  });

  test('one prop or nested prop replaced by a wrongly typed value: accepted or a named error naming that prop', () => {
    let refused = 0;
    let cases = 0;
    const subject = fc.constantFrom(...SUBJECTS);
    fc.assert(fc.property(subject, fc.nat(), fc.constantFrom(...WRONG), (s, pick, wrong) => {
      const props = s.props();
      const paths = pathsOf(props);
      const path = paths[pick % paths.length];
      cases++;
      const e = (() => {
        try {
          s.call(replaced(props, path, wrong));
          return undefined;
        } catch (err) {
          return err;
        }
      })();
      if (e === undefined) return true;
      if (!SovereignBedrockErrors.isValidationError(e)) throw e;
      refused++;
      // The problem is named in the caller's terms: the prop itself, one of its elements or fields, or an enclosing prop.
      const name = path.join('.');
      return e.problems.some((p) => p.prop === name || p.prop.startsWith(`${name}[`) || p.prop.startsWith(`${name}.`)
        || name.startsWith(`${p.prop}.`) || p.prop === 'props');
    }), { seed: 1821, numRuns: 200 });
    expect(cases).toBe(200);
    expect(refused).toBeGreaterThan(100);
  });

  test('no props, null props or a wrong type for the whole props object: a named error', () => {
    // Props that may be omitted take undefined as "none"; the others must be given.
    const optional = ['SovereignBedrockChecks'];
    for (const s of SUBJECTS.filter((x) => x.direct)) {
      for (const whole of [...(optional.includes(s.name) ? [] : [undefined]), null, 'x', 0, []]) {
        expect([s.name, String(whole), outcome(() => s.call(whole))]).toEqual([s.name, String(whole), 'refused']);
      }
    }
    // Methods whose object argument is optional.
    const { stack, trail } = stackWith();
    const scp = new AuOnlyInferenceScp(stack, 'Scp', { targetIds: [OU] });
    for (const whole of [null, 'x', 0, []]) {
      for (const [name, fn] of [
        ['ScpSlotGuard.protect', () => ScpSlotGuard.protect(scp, whole as any)],
        ['ScpConflictCheck.protect', () => ScpConflictCheck.protect(scp, whole as any)],
        ['BedrockDataEvents.enable', () => BedrockDataEvents.enable(trail, whole as any)],
        ['PostureAuditor', () => new PostureAuditor(stack, `A${String(whole)}`, whole as any)],
        ['ScpSlotGuard', () => new ScpSlotGuard(stack, `G${String(whole)}`, whole as any)],
        // ResidencyPolicies takes null options as "no options", like a list prop's null.
        ...(whole === null ? [] : [['ResidencyPolicies.posture', () => ResidencyPolicies.posture(whole as any)] as const]),
      ] as const) expect([name, String(whole), outcome(fn)]).toEqual([name, String(whole), 'refused']);
    }
  });
});

describe('every public method with an argument checks it', () => {
  test('a wrongly typed argument is accepted or the library\'s named error, for each method', () => {
    let calls = 0;
    for (const w of [undefined, null, 0, '', 'x', true, [], [null], {}, () => 1]) {
      const { stack } = stackWith();
      const scp = new AuOnlyInferenceScp(stack, 'Scp', { targetIds: [OU] });
      const posture = new AuBedrockPosture(stack, 'P', { targetIds: [OU] });
      const invoker = new SovereignBedrockInvoker(stack, 'I', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      const check = ScpConflictCheck.protect(scp);
      const guard = ScpSlotGuard.protect(scp);
      const arg = w as any;
      for (const fn of [
        () => scp.addTarget(arg), () => posture.addTarget(arg), () => invoker.grantInvoke(arg),
        () => check.addPolicy(arg), () => check.addPolicy(scp, arg),
        () => guard.addPolicy(arg), () => SovereignBedrockSuppressions.addResourceSuppressions(arg, []),
        () => SovereignBedrockSuppressions.addResourceSuppressions(scp, arg), () => SovereignBedrockSuppressions.addResourceSuppressions(scp, [arg]),
        () => SydneyModelCatalog.resolve(arg), () => SydneyModelCatalog.find(arg), () => new SovereignBedrockChecks().checkTemplate(arg),
        () => new SovereignBedrockChecks().validate(arg), () => PostureExport.toFiles(arg), () => PostureExport.toResult(arg),
        () => ResidencyPolicies.minifiedSize(arg),
      ]) {
        calls++;
        outcome(fn);
      }
    }
    expect(calls).toBe(160);
  });
});

describe('the wrongly typed inputs of issue 18', () => {
  const problemsOf = (fn: () => unknown): string[] => {
    const e = thrown(fn);
    if (!SovereignBedrockErrors.isValidationError(e)) throw e;
    return e.problems.map((p) => `${p.prop}: ${p.message}`);
  };
  const stack = () => stackWith().stack;

  test.each([
    ['coveredServices: 0', { coveredServices: 0 }, /^coveredServices: must be a list of services/],
    ['coveredServices: "bedrock"', { coveredServices: 'bedrock' }, /^coveredServices: must be a list of services .*\("bedrock"\); wrap it in \[ \]/],
  ])('AuBedrockResidencyScp %s', (_n, extra, message) => {
    expect(problemsOf(() => new AuBedrockResidencyScp(stack(), 'Scp', { targetIds: [OU], ...extra } as any))).toEqual([expect.stringMatching(message)]);
  });

  test('exemptControlTowerRoles: "false" is refused by the posture and the Region deny, instead of exempting', () => {
    expect(problemsOf(() => new AuBedrockPosture(stack(), 'P', { targetIds: [OU], exemptControlTowerRoles: 'false' as any })))
      .toEqual([expect.stringMatching(/^exemptControlTowerRoles: must be true or false, got a string \("false"\)/)]);
    expect(problemsOf(() => new ControlTowerRegionDeny(stack(), 'D', { targetOuArns: [OU_ARN], exemptControlTowerRoles: 'false' as any })))
      .toEqual([expect.stringMatching(/^exemptControlTowerRoles: must be true or false/)]);
  });

  test('PostureAuditor: a topic ARN in place of a topic, and null props', () => {
    expect(problemsOf(() => new PostureAuditor(stack(), 'A', { topic: 'arn:aws:sns:ap-southeast-2:111122223333:t' as any })))
      .toEqual([expect.stringMatching(/^topic: must be an SNS topic .*not its ARN, got a string/)]);
    expect(problemsOf(() => new PostureAuditor(stack(), 'A', null as any))).toEqual([expect.stringMatching(/^props: must be an object/)]);
  });

  test('ControlTowerRegionDeny with no props, {} or targetOuArns: null', () => {
    expect(problemsOf(() => new ControlTowerRegionDeny(stack(), 'D', undefined as any))).toEqual([expect.stringMatching(/^props: must be an object with at least targetOuArns/)]);
    for (const p of [{}, { targetOuArns: null }]) {
      expect(problemsOf(() => new ControlTowerRegionDeny(stack(), 'D', p as any))).toEqual([expect.stringMatching(/^targetOuArns: is required/)]);
    }
  });

  test.each([
    ['assumedBy', 'lambda.amazonaws.com', /^assumedBy: must be an IAM principal/],
    ['vpc', {}, /^vpc: must be a VPC/],
    ['roleName', [''], /^roleName: must be a string, got a list/],
    ['models', [null], /^models\[0\]: must be a model ID or name \(a string\), got null/],
    ['models', [1], /^models\[0\]: must be a model ID or name \(a string\), got a number/],
    ['models', 'amazon.nova-pro-v1:0', /^models: must be a list of model IDs or names, got a string/],
  ])('SovereignBedrockInvoker %s: %p', (prop, value, message) => {
    const props = { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), [prop]: value };
    if (prop === 'assumedBy') Object.assign(props, { assumedBy: value });
    expect(problemsOf(() => new SovereignBedrockInvoker(stack(), 'I', props as any))).toContainEqual(expect.stringMatching(message));
  });

  test('SovereignBedrockInvoker models: null is "not given", as for every other list', () => {
    expect(outcome(() => new SovereignBedrockInvoker(stack(), 'I', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), models: null as any }))).toBe('accepted');
  });

  test('controlTowerRegionDeny: {} on the posture names the missing OUs in the posture\'s terms', () => {
    expect(problemsOf(() => new AuBedrockPosture(stack(), 'P', { targetIds: [OU], controlTowerRegionDeny: {} as any })))
      .toEqual([expect.stringMatching(/^controlTowerRegionDeny\.targetOuArns: is required/)]);
  });

  test('ScpSlotGuard policies: "x" or [{}], and addPolicy(null)', () => {
    expect(problemsOf(() => new ScpSlotGuard(stack(), 'G', { policies: 'x' as any }))).toEqual([expect.stringMatching(/^policies: must be a list of the library's SCPs/)]);
    expect(problemsOf(() => new ScpSlotGuard(stack(), 'G', { policies: [{}] as any }))).toEqual([expect.stringMatching(/^policies\[0\]: must be one of the library's SCPs/)]);
    const guard = new ScpSlotGuard(stack(), 'G');
    expect(problemsOf(() => guard.addPolicy(null as any))).toEqual([expect.stringMatching(/^scp: must be one of the library's SCPs/)]);
  });

  test('BedrockDataEvents.enable(null), and null options', () => {
    expect(problemsOf(() => BedrockDataEvents.enable(null as any))).toEqual([expect.stringMatching(/^trail: must be a cloudtrail.Trail/)]);
    expect(problemsOf(() => BedrockDataEvents.enable(stackWith().trail, null as any))).toEqual([expect.stringMatching(/^options: must be an object/)]);
  });

  test('PostureExport with controlTowerRegionDeny: null is "no Region deny file"', () => {
    const files = PostureExport.toFiles({ format: PostureExportFormat.JSON, controlTowerRegionDeny: null as any });
    expect(files.map((f) => f.path)).toEqual(['policies/au-bedrock-residency.json']);
  });

  test('new SovereignBedrockChecks(null), and rules that are not a list', () => {
    expect(problemsOf(() => new SovereignBedrockChecks(null as any))).toEqual([expect.stringMatching(/^props: must be an object/)]);
    expect(problemsOf(() => new SovereignBedrockChecks({ rules: 'BEDROCK' as any }))).toEqual([expect.stringMatching(/^rules: must be a list of rule IDs/)]);
  });
});

/**
 * The constructs and APIs merged after issue 18 (observability, the probe, the
 * traffic replay), exhaustively: every prop path of valid props, each replaced
 * by each wrong value of `WRONG` (and by `undefined`). Construct-typed props
 * are built once per subject in a shared stack (fresh construct IDs), so the
 * whole sweep stays a few seconds.
 */
describe('constructs and APIs merged after issue 18: every prop path x every wrong value', () => {
  const SYDNEY = { account: '111122223333', region: 'ap-southeast-2' };
  const sydney = () => new Stack(new App(), 'Observe', { env: SYDNEY });
  const replay = () => ({
    options: { allowedRegions: ['ap-southeast-2'] },
    from: '2026-01-01',
    to: '2026-02-01',
    accounts: ['111122223333'],
    regions: ['ap-southeast-2'],
    concurrency: 2,
    managementAccountId: '444455556666',
  });
  let n = 0;
  /** A subject whose construct-typed props come from one shared stack. */
  const shared = (make: (stack: Stack) => Record<string, unknown>, build: (stack: Stack, id: string, p: any) => unknown) => {
    let fixture: { stack: Stack; props: Record<string, unknown> } | undefined;
    const get = () => {
      if (!fixture) {
        const stack = sydney();
        fixture = { stack, props: make(stack) };
      }
      return fixture;
    };
    return { props: () => get().props, call: (p: any) => build(get().stack, `C${n++}`, p) };
  };
  const dashboard = shared((stack) => ({
    regions: ['ap-southeast-2', 'us-east-1'],
    modelIds: ['au.amazon.nova-pro-v1:0'],
    sourceAccountIds: ['111122223333'],
    inferenceRegionAlarm: new InferenceRegionAlarm(stack, 'Residency', { logGroup: new logs.LogGroup(stack, 'Trail') }),
    posture: new AuBedrockPosture(stack, 'Posture', { targetIds: [OU] }),
    probe: new PostureProbe(stack, 'Probe'),
    cloudTrailLogGroup: new logs.LogGroup(stack, 'TrailLogs'),
    metricNamespace: 'Acme',
    probeMetrics: [new cloudwatch.Metric({ namespace: 'Acme/Probe', metricName: 'PathsFailed' })],
    probeMetricNamespace: 'Acme/Probe',
    extraAlarms: [new cloudwatch.Metric({ namespace: 'Acme', metricName: 'M' }).createAlarm(stack, 'Extra', { threshold: 1, evaluationPeriods: 1 })],
    period: Duration.minutes(5),
    dashboardName: 'bedrock-residency',
    throttleAlarmThreshold: 1,
    clientErrorAlarmThreshold: 1,
    tokenUsageAlarmThreshold: 100_000,
    alarmPeriod: Duration.minutes(5),
    topic: new sns.Topic(stack, 'Topic'),
  }), (stack, id, p) => new BedrockResidencyDashboard(stack, id, p));
  const probe = shared((stack) => ({
    schedule: events.Schedule.rate(Duration.days(1)),
    originRegion: 'ap-southeast-2',
    services: ['bedrock', 'agentcore'],
    models: { 'au-profile': 'au.anthropic.claude-sonnet-4-5-20250929-v1:0' },
    exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlass'],
    roleName: 'probe',
    evidencePrefix: 'posture-probe/',
    metricNamespace: 'Acme/Probe',
    metricPeriod: Duration.days(1),
    topic: new sns.Topic(stack, 'Topic'),
  }), (stack, id, p) => new PostureProbe(stack, id, p));
  const probeOwnBucket = shared((stack) => ({ evidenceBucket: new s3.Bucket(stack, 'Evidence') }), (stack, id, p) => new PostureProbe(stack, id, p));
  const NEW_SUBJECTS: Subject[] = [
    {
      name: 'BedrockInvocationLogging',
      props: () => ({
        retention: logs.RetentionDays.ONE_YEAR,
        destination: InvocationLogDestination.CLOUDWATCH_LOGS_AND_S3,
        keyPrefix: 'bedrock',
        textDataDelivery: true,
        imageDataDelivery: false,
        embeddingDataDelivery: false,
        videoDataDelivery: false,
        audioDataDelivery: false,
      }),
      // One configuration per account and Region: a stack each.
      call: (p) => new BedrockInvocationLogging(sydney(), 'Logs', p),
      direct: true,
    },
    {
      name: 'BedrockInvocationLogging (given destinations)',
      props: () => ({ retention: logs.RetentionDays.ONE_YEAR, logGroup: 'LOG_GROUP', bucket: 'BUCKET', encryptionKey: 'KEY' }),
      call: (p) => {
        const stack = sydney();
        const given: Record<string, () => unknown> = {
          LOG_GROUP: () => new logs.LogGroup(stack, 'GivenLogs'), BUCKET: () => new s3.Bucket(stack, 'GivenBucket'), KEY: () => new kms.Key(stack, 'Key'),
        };
        const q = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' && given[v] ? given[v]() : v]));
        return new BedrockInvocationLogging(stack, 'Logs', q as any);
      },
    },
    { name: 'BedrockResidencyDashboard', ...dashboard },
    { name: 'PostureProbe', ...probe },
    { name: 'PostureProbe (own bucket)', ...probeOwnBucket },
    {
      name: 'CloudTrailAthenaTable',
      props: () => ({
        trailBucketName: 'org-trail-bucket',
        trailPrefix: 'org',
        organizationId: 'o-abcdefghij',
        accounts: ['111122223333'],
        regions: ['ap-southeast-2'],
        since: '2026-01-01',
        databaseName: 'traffic',
        tableName: 'trail',
        workGroup: 'primary',
        queryFrom: '2026-06-01',
      }),
      call: (p) => new CloudTrailAthenaTable(sydney(), 'Table', p),
      direct: true,
    },
    { name: 'TrafficReplay.fromRecords', props: replay, call: (p) => TrafficReplay.fromRecords([], p) },
    { name: 'TrafficReplay.fromAthenaResults', props: replay, call: (p) => TrafficReplay.fromAthenaResults('', p) },
    { name: 'TrafficReplay.athenaQuery', props: replay, call: (p) => TrafficReplay.athenaQuery(p) },
    {
      name: 'TrafficReplay.athenaTableDdl',
      props: () => ({
        bucket: 'org-trail-bucket',
        prefix: 'org',
        organizationId: 'o-abcdefghij',
        accounts: ['111122223333'],
        regions: ['ap-southeast-2'],
        since: '2026-01-01',
        database: 'traffic',
        tableName: 'trail',
      }),
      call: (p) => TrafficReplay.athenaTableDdl(p),
      direct: true,
    },
  ];

  test.each(NEW_SUBJECTS.map((s) => [s.name, s] as const))('%s: valid props are accepted', (_name, s) => {
    expect(outcome(() => s.call(s.props()))).toBe('accepted');
  });

  test('each prop path replaced by each wrong value: accepted, or a named error naming that prop', () => {
    const misnamed: string[] = [];
    let cases = 0;
    let refused = 0;
    for (const s of NEW_SUBJECTS) {
      for (const path of pathsOf(s.props())) {
        for (const wrong of [undefined, ...WRONG]) {
          cases++;
          const e = (() => {
            try {
              s.call(replaced(s.props(), path, wrong));
              return undefined;
            } catch (err) {
              return err;
            }
          })();
          if (e === undefined) continue;
          // Anything but the library's error is a crash: the test fails with it.
          if (!SovereignBedrockErrors.isValidationError(e)) throw e;
          refused++;
          const name = path.join('.');
          if (!e.problems.some((p) => p.prop === name || p.prop.startsWith(`${name}[`) || p.prop.startsWith(`${name}.`) || name.startsWith(`${p.prop}.`))) {
            misnamed.push(`${s.name} ${name}=${String(wrong)}: ${e.problems.map((p) => p.prop).join(', ')}`);
          }
        }
      }
    }
    expect(misnamed).toEqual([]);
    expect(cases).toBe(1848);
    expect(refused).toBeGreaterThan(1000);
  });

  test('no props, null props or a wrong type for the whole props object: a named error', () => {
    const required: Array<[string, (p: any) => unknown]> = [
      ['BedrockInvocationLogging', (p) => new BedrockInvocationLogging(sydney(), 'Logs', p)],
      ['CloudTrailAthenaTable', (p) => new CloudTrailAthenaTable(sydney(), 'Table', p)],
      ['TrafficReplay.athenaTableDdl', (p) => TrafficReplay.athenaTableDdl(p)],
    ];
    const optional: Array<[string, (p: any) => unknown]> = [
      ['BedrockResidencyDashboard', (p) => new BedrockResidencyDashboard(sydney(), 'Dashboard', p)],
      ['PostureProbe', (p) => new PostureProbe(sydney(), 'Probe', p)],
      ['TrafficReplay.fromRecords', (p) => TrafficReplay.fromRecords([], p)],
      ['TrafficReplay.athenaQuery', (p) => TrafficReplay.athenaQuery(p)],
    ];
    for (const [name, fn] of [...required, ...optional]) {
      for (const whole of [...(required.some(([r]) => r === name) ? [undefined] : []), 'x', 0, [], ...(name.startsWith('TrafficReplay.') && name !== 'TrafficReplay.athenaTableDdl' ? [] : [null])]) {
        expect([name, String(whole), outcome(() => fn(whole))]).toEqual([name, String(whole), 'refused']);
      }
    }
    for (const [name, fn] of optional) expect([name, outcome(() => fn(undefined))]).toEqual([name, 'accepted']);
  });

  test('every public method with an argument checks it', () => {
    const stack = sydney();
    const p = new PostureProbe(stack, 'Probe');
    const report = TrafficReplay.fromRecords([]);
    let calls = 0;
    for (const w of [undefined, null, 0, '', 'x', true, [], [null], {}, () => 1]) {
      const arg = w as any;
      for (const fn of [
        () => new SovereignBedrockChecks().validateStage(arg), () => p.metricPathOutcome(arg, 'REACHED'), () => p.metricPathOutcome('au-profile', arg),
        () => TrafficReplay.exitCode(arg), () => TrafficReplay.fromRecords(arg), () => TrafficReplay.fromAthenaResults(arg),
        () => TrafficReplay.athenaQuery({}, arg), () => TrafficReplay.athenaQuery({}, 'db', arg), () => PostureExport.toResult(arg),
      ]) {
        calls++;
        outcome(fn);
      }
    }
    expect(calls).toBe(90);
    // Each refuses what it cannot use, naming it.
    const props = (fn: () => unknown) => {
      const e = thrown(fn);
      if (!SovereignBedrockErrors.isValidationError(e)) throw e;
      return e.problems.map((x) => x.prop);
    };
    expect(props(() => new SovereignBedrockChecks().validateStage(null as any))).toEqual(['stage']);
    expect(props(() => p.metricPathOutcome('nowhere', 'REACHED'))).toEqual(['path']);
    expect(props(() => p.metricPathOutcome('au-profile', 'reached'))).toEqual(['outcome']);
    expect(props(() => TrafficReplay.exitCode({}))).toEqual(['report']);
    expect(TrafficReplay.exitCode(report)).toBe(0);
    expect(props(() => TrafficReplay.fromRecords('x' as any))).toEqual(['records']);
    expect(props(() => TrafficReplay.athenaQuery({}, 'db; DROP TABLE x'))).toEqual(['database']);
  });
});

/** Policy-shaping props of the new constructs: a token resolves and is checked as its value, or is refused. */
describe('tokens in the new constructs cannot bypass their checks', () => {
  const stack = () => new Stack(new App(), 'Tokens', { env: { account: '111122223333', region: 'ap-southeast-2' } });
  const problemsOf = (fn: () => unknown): string[] => {
    const e = thrown(fn);
    if (!SovereignBedrockErrors.isValidationError(e)) throw e;
    return e.problems.map((p) => `${p.prop}: ${p.message}`);
  };

  test('PostureProbe: a Lazy exempt pattern that matches the probe role is refused as the literal is; a deploy-time one is refused', () => {
    const lazy = Lazy.string({ produce: () => 'arn:aws:iam::*:role/SovereignBedrockProbe-*' });
    expect(problemsOf(() => new PostureProbe(stack(), 'P', { exemptPrincipalArns: [lazy] })))
      .toEqual([expect.stringMatching(/^exemptPrincipalArns\[0\]: "arn:aws:iam::\*:role\/SovereignBedrockProbe-\*" matches the probe's role/)]);
    const joined = Fn.join('', ['arn:aws:iam::*:role/', 'BreakGlass']);
    expect(outcome(() => new PostureProbe(stack(), 'P', { exemptPrincipalArns: [joined] }))).toBe('accepted');
    const s = stack();
    const role = new iam.Role(s, 'R', { assumedBy: new iam.AccountRootPrincipal() });
    expect(problemsOf(() => new PostureProbe(s, 'P', { exemptPrincipalArns: [role.roleArn] })))
      .toEqual([expect.stringMatching(/^exemptPrincipalArns\[0\]: is not known at synth time/)]);
    expect(problemsOf(() => new PostureProbe(stack(), 'P', { evidencePrefix: Lazy.string({ produce: () => '*' }) })))
      .toEqual([expect.stringMatching(/^evidencePrefix: must be known at synth time/)]);
    expect(problemsOf(() => new PostureProbe(stack(), 'P', { services: Lazy.list({ produce: () => ['bedrock'] }) })))
      .toEqual([expect.stringMatching(/^services: is a deploy-time list/)]);
  });

  test('BedrockResidencyDashboard: Region, account and model tokens are resolved and checked, or refused', () => {
    expect(problemsOf(() => new BedrockResidencyDashboard(stack(), 'D', { regions: [Lazy.string({ produce: () => 'mars-east-1' })] })))
      .toEqual([expect.stringMatching(/^regions\[0\]: "mars-east-1" is not a Region name/)]);
    const d = new BedrockResidencyDashboard(stack(), 'D', { regions: [Lazy.string({ produce: () => 'ap-southeast-4' })] });
    expect(JSON.stringify(Stack.of(d).resolve((d.dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardBody))).toContain('Melbourne');
    const s = stack();
    const param = new CfnParameter(s, 'Account', { type: 'String' });
    expect(problemsOf(() => new BedrockResidencyDashboard(s, 'D', { sourceAccountIds: [param.valueAsString] })))
      .toEqual([expect.stringMatching(/^sourceAccountIds\[0\]: is a deploy-time value \(the CloudFormation parameter Account/)]);
  });
});

describe('tokens in the new constructs get the literal\'s verdict (property-based)', () => {
  const wrap = (how: number, v: string): string => {
    switch (how % 3) {
      case 0: return Lazy.string({ produce: () => v });
      case 1: return Fn.join('', [v.slice(0, 3), v.slice(3)]);
      default: return Fn.sub(v);
    }
  };
  const verdict = (fn: () => unknown): string[] => {
    try {
      fn();
      return [];
    } catch (e) {
      if (!SovereignBedrockErrors.isValidationError(e)) throw e;
      return e.problems.map((p) => `${p.prop}: ${p.message}`).sort();
    }
  };
  const stack = () => new Stack(new App(), 'Tokens', { env: { account: '111122223333', region: 'ap-southeast-2' } });
  const region = fc.constantFrom('ap-southeast-2', 'ap-southeast-4', 'us-east-1', 'eu-west-1', 'mars-east-1', 'ap-southeast-2 ', 'AP-SOUTHEAST-2');
  const account = fc.constantFrom('111122223333', '444455556666', '12345', 'abcdabcdabcd');
  const pattern = fc.tuple(fc.constantFrom('*', '333344445555', '111122223333'), fc.constantFrom('BreakGlass', 'SovereignBedrockProbe-*', '*', 'probe', 'Sov*'))
    .map(([a, name]) => `arn:aws:iam::${a}:role/${name}`);

  test('dashboard Regions and accounts, probe exemptions: wrapped in Lazy, Fn.join or Fn.sub, refused exactly as the literals are', () => {
    let refused = 0;
    fc.assert(fc.property(
      fc.uniqueArray(region, { minLength: 1, maxLength: 3 }), fc.uniqueArray(account, { minLength: 1, maxLength: 2 }),
      fc.uniqueArray(pattern, { maxLength: 3 }), fc.nat(),
      (regions, accounts, patterns, how) => {
        const dashboard = (r: string[], a: string[]) => () => new BedrockResidencyDashboard(stack(), 'D', { regions: r, sourceAccountIds: a });
        const probe = (e: string[]) => () => new PostureProbe(stack(), 'P', { exemptPrincipalArns: e, roleName: 'SovereignBedrockProbe-daily' });
        const literal = [...verdict(dashboard(regions, accounts)), ...verdict(probe(patterns))];
        const tokenized = [
          ...verdict(dashboard(regions.map((r, i) => wrap(how + i, r)), accounts.map((a, i) => wrap(how + i + 1, a)))),
          ...verdict(probe(patterns.map((e, i) => wrap(how + i, e)))),
        ];
        if (literal.length > 0) refused++;
        expect(tokenized).toEqual(literal);
      }), { seed: 2418, numRuns: 40 });
    expect(refused).toBeGreaterThan(10);
  });
});

