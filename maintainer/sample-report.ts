/**
 * Writes docs/sample-report/: an evidence report anyone can open, built from a
 * synthetic organization (audited with the real audit over the library's own
 * policies), a synthetic CloudTrail replay and a synthetic probe run, all with
 * a fixed clock and fixed data, so the output is byte-for-byte reproducible.
 * A test regenerates it in memory and fails when the committed copy is stale.
 *
 *   npx projen report:sample                                        # write docs/sample-report/
 *   npx ts-node --transpile-only maintainer/sample-report.ts --check  # write nothing; exit 1 when out of date
 *
 * Every document is the library's own output: the audit's over the synthetic
 * organization; the traffic replay's over a synthetic organization trail
 * (CloudTrail records generated here, read from memory as the replay reads a
 * trail's files); the probe's over the default paths, with callers that answer
 * as the probed account's SCPs decide by the library's evaluator.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { ResidencyPolicies } from '../src';
import { auditJson, auditSnapshot } from '../src/core/audit/audit-report';
import { AccountNode, ContainerNode, OrgSnapshot } from '../src/core/audit/org-walker';
import { SYDNEY_CATALOG } from '../src/core/catalog/sydney-catalog.generated';
import { evaluateScpChain, PolicyLevel } from '../src/core/evaluate/scp-evaluator';
import { probePaths } from '../src/core/probe/probe-paths';
import { ProbeReport } from '../src/core/probe/probe-report';
import { ProbeCallers, runProbe } from '../src/core/probe/run-probe';
import { buildEvidenceReport } from '../src/core/report/evidence-report';
import { replayPosture } from '../src/core/traffic/judge';
import { LogSource } from '../src/core/traffic/log-sources';
import { reconstructRequests } from '../src/core/traffic/reconstruct-requests';
import { replaySource } from '../src/core/traffic/replay';
import { TrafficKey, TrafficReport } from '../src/core/traffic/traffic-types';
import { ValidationErrors } from '../src/core/validation-errors';
import { FULL_AWS_ACCESS, landingZoneRegionDeny } from '../test/helpers/control-tower-scps';

export const SAMPLE_DIR = join(__dirname, '..', 'docs', 'sample-report');
/** The version the sample says wrote it: fixed, so a release does not make the sample stale. */
export const SAMPLE_TOOL_VERSION = '0.0.0-sample';
const ORGANIZATION_ID = 'o-sample12345';
const AUDITED_AT = new Date('2026-11-29T22:00:00Z');
const PROBED_AT = '2026-11-29T22:30:00Z';
const TRAFFIC_AT = '2026-11-29T23:00:00Z';
const REPORTED_AT = new Date('2026-11-30T00:00:00Z');

const POLICIES: Record<string, { name: string; doc: unknown; awsManaged?: boolean }> = {
  'p-FullAWSAccess': { name: 'FullAWSAccess', doc: FULL_AWS_ACCESS, awsManaged: true },
  'p-sample0posture': { name: 'bedrock-au-residency', doc: ResidencyPolicies.posture() },
  'p-sample0auonly': { name: 'bedrock-au-only-inference-profiles', doc: ResidencyPolicies.auOnlyInference() },
  // Control Tower's landing-zone Region deny governing Sydney only: it blocks the Melbourne legs of au. profiles.
  'p-sample0rgdeny': { name: 'aws-guardrails-RegionDeny', doc: landingZoneRegionDeny(['ap-southeast-2']) },
};

const ROOT: ContainerNode = { id: 'r-smpl', name: 'Root', type: 'ROOT', policyIds: ['p-FullAWSAccess'] };
const ou = (id: string, name: string, policyIds: string[]): ContainerNode => ({ id, name, type: 'ORGANIZATIONAL_UNIT', policyIds });
const SECURITY = ou('ou-smpl-security0', 'Security', ['p-FullAWSAccess', 'p-sample0posture']);
const WORKLOADS = ou('ou-smpl-workload0', 'Workloads', ['p-FullAWSAccess', 'p-sample0posture']);
const PROD = ou('ou-smpl-prodprod0', 'Prod', ['p-FullAWSAccess']);
const DEV = ou('ou-smpl-devdevde0', 'Dev', ['p-FullAWSAccess', 'p-sample0rgdeny']);
const SANDBOX = ou('ou-smpl-sandboxx0', 'Sandbox', ['p-FullAWSAccess']);

export const ACCOUNTS = {
  management: '100000000001',
  logArchive: '100000000002',
  audit: '100000000003',
  claimsProd: '200000000001',
  paymentsProd: '200000000002',
  claimsDev: '200000000003',
  dataScience: '300000000001',
  experiments: '300000000002',
};

const account = (id: string, name: string, path: ContainerNode[], policyIds = ['p-FullAWSAccess']): AccountNode => ({ id, name, status: 'ACTIVE', path, policyIds });

const SAMPLE_API_CALLS = { DescribeOrganization: 1, ListRoots: 1, ListOrganizationalUnitsForParent: 6, ListAccountsForParent: 6 };

/** The synthetic organization, as the audit's reader would return it. */
export function sampleSnapshot(): OrgSnapshot {
  return {
    organizationId: ORGANIZATION_ID,
    managementAccountId: ACCOUNTS.management,
    rootId: ROOT.id,
    target: ROOT.id,
    accounts: [
      account(ACCOUNTS.management, 'management', [ROOT]),
      account(ACCOUNTS.logArchive, 'log-archive', [ROOT, SECURITY]),
      account(ACCOUNTS.audit, 'audit', [ROOT, SECURITY]),
      account(ACCOUNTS.claimsProd, 'claims-prod', [ROOT, WORKLOADS, PROD]),
      account(ACCOUNTS.paymentsProd, 'payments-prod', [ROOT, WORKLOADS, PROD]),
      account(ACCOUNTS.claimsDev, 'claims-dev', [ROOT, WORKLOADS, DEV]),
      account(ACCOUNTS.dataScience, 'data-science-sandbox', [ROOT, SANDBOX]),
      account(ACCOUNTS.experiments, 'experiments-sandbox', [ROOT, SANDBOX], ['p-FullAWSAccess', 'p-sample0auonly']),
    ],
    policies: new Map(Object.entries(POLICIES).map(([id, p]) => {
      const content = JSON.stringify(p.doc);
      return [id, { id, name: p.name, content, awsManaged: p.awsManaged ?? false }];
    })),
    failures: [],
    apiCalls: SAMPLE_API_CALLS,
    attachmentReading: 'per-policy',
  };
}

const SONNET_AU = 'au.anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_AU = 'au.anthropic.claude-haiku-4-5-20251001-v1:0';
const SYDNEY = 'ap-southeast-2';
const MELBOURNE = 'ap-southeast-4';
const CLAUDE_PLATFORM = 'aws-external-anthropic.amazonaws.com';
/** Where the synthetic organization trail is said to be; the replay reads the same files from memory. */
const TRAIL = `s3://org-trail-sample/AWSLogs/${ORGANIZATION_ID}/`;
const WINDOW = { from: '2026-11-01', to: '2026-11-28' };

/** One team's calls over part of the window, from which the trail's records are generated. */
interface Workload {
  readonly accountId: string;
  /** The IAM role the team's sessions assume. */
  readonly role: string;
  /** @default 'bedrock.amazonaws.com' */
  readonly eventSource?: string;
  /** @default 'InvokeModel' */
  readonly eventName?: string;
  readonly modelId: string;
  /** The Region the call is made in (`awsRegion`). */
  readonly region: string;
  /** Regions that serve the profile's calls in turn (`additionalEventData.inferenceRegion`); none for an on-demand call. */
  readonly servedIn?: readonly string[];
  readonly from: string;
  readonly to: string;
  /** Calls on a weekday; weekends are quieter. */
  readonly perDay: number;
}

const TEAMS: readonly Workload[] = [
  { accountId: ACCOUNTS.claimsProd, role: 'claims-assistant', modelId: SONNET_AU, region: SYDNEY, servedIn: [SYDNEY, MELBOURNE], from: '2026-11-01', to: '2026-11-28', perDay: 40 },
  { accountId: ACCOUNTS.paymentsProd, role: 'fraud-triage', eventName: 'Converse', modelId: HAIKU_AU, region: SYDNEY, servedIn: [SYDNEY, MELBOURNE], from: '2026-11-03', to: '2026-11-28', perDay: 20 },
  { accountId: ACCOUNTS.paymentsProd, role: 'fraud-triage', modelId: 'amazon.titan-embed-text-v2:0', region: SYDNEY, from: '2026-11-01', to: '2026-11-28', perDay: 10 },
  // Before the posture reached Prod: a global. profile, served in the US. The audit (later) reads the account PROTECTED.
  {
    accountId: ACCOUNTS.claimsProd,
    role: 'claims-batch',
    modelId: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    region: SYDNEY,
    servedIn: ['us-east-1', 'us-west-2'],
    from: '2026-11-02',
    to: '2026-11-06',
    perDay: 14,
  },
  {
    accountId: ACCOUNTS.dataScience,
    role: 'data-scientist',
    modelId: 'global.anthropic.claude-opus-4-6-v1',
    region: SYDNEY,
    servedIn: ['us-east-1', 'eu-west-1', 'us-east-2'],
    from: '2026-11-08',
    to: '2026-11-27',
    perDay: 6,
  },
  // One team on apac., served in Tokyo and Singapore.
  {
    accountId: ACCOUNTS.dataScience,
    role: 'forecasting',
    eventName: 'Converse',
    modelId: 'apac.amazon.nova-lite-v1:0',
    region: SYDNEY,
    servedIn: ['ap-northeast-1', 'ap-southeast-1'],
    from: '2026-11-10',
    to: '2026-11-24',
    perDay: 5,
  },
  { accountId: ACCOUNTS.dataScience, role: 'data-scientist', eventSource: CLAUDE_PLATFORM, eventName: 'CreateInference', modelId: 'claude-opus-4-5', region: 'us-west-2', from: '2026-11-18', to: '2026-11-21', perDay: 3 },
  // The au.-only policy governs profiles, not Regions: a direct call in us-east-1 goes through (the audit reads the account PARTIAL).
  { accountId: ACCOUNTS.experiments, role: 'experimenter', modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', region: 'us-east-1', from: '2026-11-15', to: '2026-11-21', perDay: 4 },
  {
    accountId: ACCOUNTS.management,
    role: 'AWSReservedSSO_AdministratorAccess_0123456789abcdef',
    eventName: 'Converse',
    modelId: 'global.amazon.nova-2-lite-v1:0',
    region: 'us-east-1',
    servedIn: ['us-east-1'],
    from: '2026-11-19',
    to: '2026-11-19',
    perDay: 3,
  },
  // Attempts the posture refuses (once attached): evidence the control works.
  { accountId: ACCOUNTS.claimsDev, role: 'developer', modelId: 'apac.amazon.nova-micro-v1:0', region: SYDNEY, from: '2026-11-12', to: '2026-11-13', perDay: 4 },
  { accountId: ACCOUNTS.paymentsProd, role: 'fraud-triage', eventSource: CLAUDE_PLATFORM, eventName: 'CreateInference', modelId: 'claude-sonnet-4-5', region: SYDNEY, from: '2026-11-20', to: '2026-11-20', perDay: 2 },
  // The Dev OU's Control Tower Region deny refuses the Melbourne leg: those au. calls fail (the audit reads the account PARTIAL).
  { accountId: ACCOUNTS.claimsDev, role: 'developer', modelId: SONNET_AU, region: SYDNEY, servedIn: [SYDNEY, MELBOURNE], from: '2026-11-01', to: '2026-11-28', perDay: 8 },
];

/**
 * The day the posture was attached to the Workloads OU. The audit reads the
 * organization as it is on its day; the trail spans the weeks before, when
 * calls from Workloads accounts were decided without the posture.
 */
const POSTURE_ATTACHED = '2026-11-07';

/** The account's SCPs, level by level (root, its OUs, the account), named by policy ID; on `day`, as attached then. */
function scpChain(snapshot: OrgSnapshot, accountId: string, day?: string): PolicyLevel[] {
  const node = snapshot.accounts.find((a) => a.id === accountId);
  if (!node) throw new Error(`account ${accountId} is not in the sample organization`);
  const level = (id: string, policyIds: readonly string[]): PolicyLevel => ({
    id,
    policies: policyIds
      .filter((p) => !(day !== undefined && day < POSTURE_ATTACHED && id === WORKLOADS.id && p === 'p-sample0posture'))
      .map((p) => ({ name: p, document: JSON.parse(snapshot.policies.get(p)!.content) })),
  });
  return [...node.path.map((c) => level(c.id, c.policyIds)), level(node.id, node.policyIds)];
}

/** The call as the replay keys it, by the role SCPs see (`aws:PrincipalArn`). */
function callKey(
  accountId: string, role: string, eventSource: string, eventName: string, modelId: string | null, region: string, inferenceRegion: string | null,
): TrafficKey {
  return {
    accountId,
    principalArn: `arn:aws:iam::${accountId}:role/${role}`,
    eventSource,
    eventName,
    modelId,
    sourceRegion: region,
    inferenceRegion,
    errorCode: null,
    alreadyDeniedBySCP: false,
  };
}

/**
 * The explicit-deny message IAM gives when a service control policy refuses a
 * request, naming the policy; undefined when the account's SCPs let every
 * request of the call through (each request rebuilt as the traffic replay
 * rebuilds a logged call, and decided by the library's evaluator). SCPs never
 * apply to the management account.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
function scpDenial(snapshot: OrgSnapshot, levels: readonly PolicyLevel[], key: TrafficKey, caller: string): string | undefined {
  if (key.accountId === snapshot.managementAccountId) return undefined;
  for (const request of reconstructRequests(key)) {
    const result = evaluateScpChain(levels, request);
    if (result.decision !== 'ExplicitlyDenied') continue;
    const policy = result.deniedBy[0].split('/')[0];
    return `User: ${caller} is not authorized to perform: ${request.action} on resource: ${request.resource} with an explicit deny in a service control policy: `
      + `arn:aws:organizations::${snapshot.managementAccountId}:policy/${snapshot.organizationId}/service_control_policy/${policy}`;
  }
  return undefined;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** The identity of a role session, as CloudTrail writes it (`sessionContext.sessionIssuer` is what SCPs see). */
function sessionIdentity(accountId: string, role: string, session: string, day: string): Record<string, unknown> {
  const roleId = `AROA${accountId}${hex(role.length, 4).toUpperCase()}`;
  return {
    type: 'AssumedRole',
    principalId: `${roleId}:${session}`,
    arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`,
    accountId,
    accessKeyId: `ASIA${accountId}SAMPLE`,
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${accountId}:role/${role}`, accountId, userName: role },
      attributes: { creationDate: `${day}T05:58:00Z`, mfaAuthenticated: 'false' },
    },
  };
}

/**
 * One call's record, in the shape CloudTrail writes for Bedrock runtime calls
 * (management events, with `additionalEventData.inferenceRegion` for a
 * profile) and for Claude Platform inference (a data event on the workspace),
 * a refused call carrying the errorCode and the explicit-deny message IAM writes.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
function callRecord(snapshot: OrgSnapshot, w: Workload, time: string, n: number, served: string | undefined): Record<string, unknown> {
  const day = time.slice(0, 10);
  const eventSource = w.eventSource ?? 'bedrock.amazonaws.com';
  const eventName = w.eventName ?? 'InvokeModel';
  const session = `${w.role.slice(0, 24)}-${day.replace(/-/g, '')}`;
  const platform = eventSource === CLAUDE_PLATFORM;
  const key = callKey(w.accountId, w.role, eventSource, eventName, w.modelId, w.region, served ?? null);
  const message = scpDenial(snapshot, scpChain(snapshot, w.accountId, day), key, `arn:aws:sts::${w.accountId}:assumed-role/${w.role}/${session}`);
  const denial = message ? { errorCode: 'AccessDenied', errorMessage: message } : {};
  return {
    eventVersion: '1.11',
    userIdentity: sessionIdentity(w.accountId, w.role, session, day),
    eventTime: time,
    eventSource,
    eventName,
    awsRegion: w.region,
    sourceIPAddress: `10.${Number(w.accountId.slice(-2))}.${n % 200}.${(n * 7) % 250 + 1}`,
    userAgent: 'Boto3/1.41.0 md/Botocore#1.41.0 ua/2.1 os/linux lang/python#3.12',
    ...denial,
    requestParameters: platform ? { model: w.modelId } : { modelId: w.modelId },
    responseElements: null,
    ...(served && !message ? { additionalEventData: { inferenceRegion: served } } : {}),
    requestID: `5a3e0000-0000-4000-8000-${hex(n, 12)}`,
    eventID: `e7e10000-0000-4000-8000-${hex(n, 12)}`,
    readOnly: !platform,
    ...(platform ? { resources: [{ accountId: w.accountId, type: 'AWS::AWSExternalAnthropic::Workspace', ARN: `arn:aws:aws-external-anthropic:${w.region}:${w.accountId}:workspace/wrkspc_01Sample` }] } : {}),
    eventType: 'AwsApiCall',
    managementEvent: !platform,
    recipientAccountId: w.accountId,
    eventCategory: platform ? 'Data' : 'Management',
    ...(platform ? {} : { tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `bedrock-runtime.${w.region}.amazonaws.com` } }),
  };
}

/** The session's AssumeRole, made by the compute service: a record of another service, which the replay counts and skips. */
function assumeRoleRecord(w: Workload, day: string, n: number): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'AWSService', invokedBy: 'ecs-tasks.amazonaws.com' },
    eventTime: `${day}T05:58:00Z`,
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    awsRegion: w.region,
    sourceIPAddress: 'ecs-tasks.amazonaws.com',
    userAgent: 'ecs-tasks.amazonaws.com',
    requestParameters: { roleArn: `arn:aws:iam::${w.accountId}:role/${w.role}`, roleSessionName: `${w.role.slice(0, 24)}-${day.replace(/-/g, '')}` },
    responseElements: null,
    requestID: `5a3e0000-0000-4000-9000-${hex(n, 12)}`,
    eventID: `e7e10000-0000-4000-9000-${hex(n, 12)}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: w.accountId,
    eventCategory: 'Management',
  };
}

/**
 * The synthetic trail's records. Each workload calls on each of its days with a
 * weekly rhythm (weekends at about a third), spread over 06:00 to 20:00 UTC; a
 * profile's calls are served in its Regions in a fixed rotation (about 60% in
 * the first). Everything is a function of the day and the call's index, so
 * every run writes the same records.
 */
export function sampleTrailRecords(): Record<string, unknown>[] {
  const snapshot = sampleSnapshot();
  const records: Record<string, unknown>[] = [];
  let n = 0;
  for (const w of TEAMS) {
    days(w.from, w.to).forEach((day, d) => {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const count = Math.round(w.perDay * (weekday === 0 || weekday === 6 ? 0.35 : 1) * (1 + ((d * 7) % 5) / 10));
      if (count === 0) return;
      records.push(assumeRoleRecord(w, day, n++));
      const start = Date.parse(`${day}T06:00:00Z`);
      for (let i = 0; i < count; i++) {
        const servedIn = w.servedIn ?? [];
        const served = servedIn.length <= 1 ? servedIn[0] : (i * 3 + d) % 5 < 3 ? servedIn[0] : servedIn[1 + ((i + d) % (servedIn.length - 1))];
        const time = iso(start + Math.floor((i * 14 * 3_600_000) / count) + ((i * 37 + d * 11) % 97) * 1000);
        records.push(callRecord(snapshot, w, time, n++, served));
      }
    });
  }
  return records;
}

/** The records as an organization trail's files: one gzip JSON file per account, Region and day, in key order. */
export function sampleTrailFiles(): { key: string; body: Buffer }[] {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const r of sampleTrailRecords()) {
    const k = `${r.recipientAccountId}/CloudTrail/${r.awsRegion}/${String(r.eventTime).slice(0, 10).replace(/-/g, '/')}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.keys()].sort().map((k, i) => {
    const records = groups.get(k)!.sort((a, b) => String(a.eventTime).localeCompare(String(b.eventTime)));
    const [accountId, , region, y, m, d] = k.split('/');
    const name = `${accountId}_CloudTrail_${region}_${y}${m}${d}T2355Z_sample${hex(i, 8)}.json.gz`;
    return { key: `${k}/${name}`, body: gzipSync(JSON.stringify({ Records: records })) };
  });
}

/**
 * The synthetic traffic replay: the trail's files read by the library's own
 * replay (scanned, judged by the evaluator against the default posture's
 * documents, aggregated), with the management account named as
 * `--management-account` names it.
 */
export async function sampleTraffic(): Promise<TrafficReport> {
  const files = sampleTrailFiles();
  const source: LogSource = {
    description: TRAIL,
    list: async function* list() {
      for (const f of files) yield { name: `${TRAIL}${f.key}`, read: async () => f.body };
    },
  };
  return replaySource(source, {
    filter: WINDOW,
    posture: replayPosture({}, 'sampleTraffic', ACCOUNTS.management),
    version: SAMPLE_TOOL_VERSION,
    concurrency: 1,
    now: new Date(TRAFFIC_AT),
  });
}

const PROBE_ROLE = 'SovereignBedrockProbe';
const PROBE_SESSION = 'sovereign-probe';

const sdkError = (name: string, status: number, message: string) => Object.assign(new Error(message), {
  name,
  $metadata: { httpStatusCode: status },
});

/**
 * Probe callers that answer as the account's deployed SCPs would: each request
 * is rebuilt as the traffic replay rebuilds a logged call (profile check and
 * model legs, once per Region the catalog says the profile may serve from) and
 * decided by the library's evaluator over the account's policies in the sample
 * organization. A request any leg of which is explicitly denied fails with the
 * AccessDeniedException message IAM writes for an SCP deny; the others answer.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export function postureProbeCallers(snapshot: OrgSnapshot, accountId: string): ProbeCallers {
  const levels = scpChain(snapshot, accountId);
  const caller = `arn:aws:sts::${accountId}:assumed-role/${PROBE_ROLE}/${PROBE_SESSION}`;
  const decide = (eventSource: string, eventName: string, region: string, modelId: string | null) => {
    const profile = modelId ? SYDNEY_CATALOG.models.flatMap((m) => m.profiles).find((p) => p.inferenceProfileId === modelId) : undefined;
    const destinations = profile ? profile.destinations.filter((r) => r !== '*') : [];
    for (const inferenceRegion of destinations.length > 0 ? destinations : [null]) {
      const message = scpDenial(snapshot, levels, callKey(accountId, PROBE_ROLE, eventSource, eventName, modelId, region, inferenceRegion), caller);
      if (message) throw sdkError('AccessDeniedException', 403, message);
    }
  };
  return {
    async converse(region, modelId) {
      decide('bedrock.amazonaws.com', 'Converse', region, modelId);
      return 'Converse returned stopReason max_tokens, 14 input and 1 output tokens';
    },
    async agentCoreListActors(region, memoryId) {
      decide('bedrock-agentcore.amazonaws.com', 'ListActors', region, null);
      throw sdkError('ResourceNotFoundException', 404, `Memory ${memoryId} not found`);
    },
  };
}

/** The synthetic probe run: the default paths from Sydney, in the claims-prod account, answered as its SCPs decide. */
export async function sampleProbe(): Promise<ProbeReport> {
  const errors = new ValidationErrors();
  const paths = probePaths(SYDNEY_CATALOG, { originRegion: SYDNEY }, errors);
  errors.throwIfAny('sampleProbe');
  return runProbe({
    paths,
    callers: postureProbeCallers(sampleSnapshot(), ACCOUNTS.claimsProd),
    originRegion: SYDNEY,
    version: SAMPLE_TOOL_VERSION,
    accountId: ACCOUNTS.claimsProd,
    now: () => new Date(PROBED_AT),
  });
}

/** Every file of docs/sample-report/, by name. */
export async function renderSample(): Promise<Record<string, string>> {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const files: Record<string, string> = {
    'audit.json': json(auditJson(auditSnapshot(sampleSnapshot(), { now: AUDITED_AT }), SAMPLE_TOOL_VERSION)),
    'traffic.json': json(await sampleTraffic()),
    'probe.json': json(await sampleProbe()),
  };
  const report = buildEvidenceReport({
    audit: { file: 'audit.json', content: files['audit.json'] },
    traffic: { file: 'traffic.json', content: files['traffic.json'] },
    probe: { file: 'probe.json', content: files['probe.json'] },
  }, { toolVersion: SAMPLE_TOOL_VERSION, now: REPORTED_AT });
  return { ...files, 'report.html': report.html };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await renderSample();
  const stale = Object.entries(files).filter(([name, text]) => !existsSync(join(SAMPLE_DIR, name)) || readFileSync(join(SAMPLE_DIR, name), 'utf8') !== text);
  if (check) {
    for (const [name] of stale) process.stderr.write(`docs/sample-report/${name} is out of date\n`);
    process.exitCode = stale.length > 0 ? 1 : 0;
  } else {
    mkdirSync(SAMPLE_DIR, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(SAMPLE_DIR, name), text);
    process.stdout.write(`wrote ${Object.keys(files).map((f) => `docs/sample-report/${f}`).join(', ')} (${stale.length} changed)\n`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  });
}
