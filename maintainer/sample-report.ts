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
 * The traffic and probe documents are written here to the JSON contracts of
 * `traffic --format json` and `probe --format json`, not by those commands
 * (they need a real trail and real endpoints).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ResidencyPolicies } from '../src';
import { auditJson, auditSnapshot } from '../src/core/audit/audit-report';
import { AccountNode, ContainerNode, OrgSnapshot } from '../src/core/audit/org-walker';
import { buildEvidenceReport } from '../src/core/report/evidence-report';
import { PROBE_KIND, ProbeInput, ProbeResult, TRAFFIC_KIND, TrafficCall, TrafficInput } from '../src/core/report/report-inputs';

export const SAMPLE_DIR = join(__dirname, '..', 'docs', 'sample-report');
/** The version the sample says wrote it: fixed, so a release does not make the sample stale. */
export const SAMPLE_TOOL_VERSION = '0.0.0-sample';
const TOOL = { name: 'cdk-sovereign-bedrock', version: SAMPLE_TOOL_VERSION };
const AUDITED_AT = new Date('2026-11-29T22:00:00Z');
const PROBED_AT = '2026-11-29T22:30:00Z';
const TRAFFIC_AT = '2026-11-29T23:00:00Z';
const REPORTED_AT = new Date('2026-11-30T00:00:00Z');

const FULL_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
/** A Control Tower Region deny (the CT.MULTISERVICE.PV.1 shape) without the exemption au. profile legs need. */
const REGION_DENY = {
  Version: '2012-10-17',
  Statement: [{
    Sid: 'GRREGIONDENY',
    Effect: 'Deny',
    NotAction: ['iam:*', 'organizations:*', 'sts:*', 'support:*', 'cloudfront:*', 'route53:*', 'budgets:*'],
    Resource: '*',
    Condition: {
      StringNotEquals: { 'aws:RequestedRegion': ['ap-southeast-2'] },
      ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/AWSControlTowerExecution'] },
    },
  }],
};

const POLICIES: Record<string, { name: string; doc: unknown; awsManaged?: boolean }> = {
  'p-FullAWSAccess': { name: 'FullAWSAccess', doc: FULL_ACCESS, awsManaged: true },
  'p-sample0posture': { name: 'bedrock-au-residency', doc: ResidencyPolicies.posture() },
  'p-sample0auonly': { name: 'bedrock-au-only-inference-profiles', doc: ResidencyPolicies.auOnlyInference() },
  'p-sample0rgdeny': { name: 'aws-guardrails-RegionDeny', doc: REGION_DENY },
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
    organizationId: 'o-sample12345',
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
const role = (accountId: string, name: string) => `arn:aws:sts::${accountId}:assumed-role/${name}/session`;

interface CallSpec {
  readonly accountId: string;
  readonly principal: string;
  readonly modelId: string | null;
  readonly prefix: string | null;
  readonly source: string;
  readonly served: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly perDay: number;
  readonly decision?: 'ALLOWED' | 'DENIED';
  readonly statement?: string;
  readonly deniedBySCP?: boolean;
  readonly alternative?: string;
  readonly eventName?: string;
}

const CALLS: CallSpec[] = [
  {
    accountId: ACCOUNTS.claimsProd,
    principal: role(ACCOUNTS.claimsProd, 'claims-assistant'),
    modelId: SONNET_AU,
    prefix: 'au.',
    source: 'ap-southeast-2',
    served: ['ap-southeast-2', 'ap-southeast-4'],
    from: '2026-11-01',
    to: '2026-11-28',
    perDay: 180,
  },
  {
    accountId: ACCOUNTS.paymentsProd,
    principal: role(ACCOUNTS.paymentsProd, 'fraud-triage'),
    modelId: HAIKU_AU,
    prefix: 'au.',
    source: 'ap-southeast-2',
    served: ['ap-southeast-2', 'ap-southeast-4'],
    from: '2026-11-03',
    to: '2026-11-28',
    perDay: 90,
  },
  {
    accountId: ACCOUNTS.paymentsProd,
    principal: role(ACCOUNTS.paymentsProd, 'fraud-triage'),
    modelId: 'amazon.titan-embed-text-v2:0',
    prefix: null,
    source: 'ap-southeast-2',
    served: ['ap-southeast-2'],
    from: '2026-11-01',
    to: '2026-11-28',
    perDay: 40,
  },
  // Before the posture reached Prod: a global. profile, served in the US. The audit (later) reads the account PROTECTED.
  {
    accountId: ACCOUNTS.claimsProd,
    principal: role(ACCOUNTS.claimsProd, 'claims-batch'),
    modelId: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    prefix: 'global.',
    source: 'ap-southeast-2',
    served: ['us-east-1', 'us-west-2'],
    from: '2026-11-02',
    to: '2026-11-06',
    perDay: 12,
    decision: 'DENIED',
    statement: 'DenyUnapprovedInferenceProfiles',
    alternative: SONNET_AU,
  },
  {
    accountId: ACCOUNTS.dataScience,
    principal: role(ACCOUNTS.dataScience, 'data-scientist'),
    modelId: 'global.anthropic.claude-opus-4-6-v1',
    prefix: 'global.',
    source: 'ap-southeast-2',
    served: ['us-east-1', 'eu-west-1', 'us-east-2'],
    from: '2026-11-08',
    to: '2026-11-27',
    perDay: 25,
    decision: 'DENIED',
    statement: 'DenyUnapprovedInferenceProfiles',
    alternative: 'au.anthropic.claude-opus-4-6-v1',
  },
  {
    accountId: ACCOUNTS.dataScience,
    principal: role(ACCOUNTS.dataScience, 'notebook'),
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    prefix: null,
    source: 'us-east-1',
    served: ['us-east-1'],
    from: '2026-11-15',
    to: '2026-11-21',
    perDay: 8,
    decision: 'DENIED',
    statement: 'DenyBedrockOutsideResidencyRegions',
    alternative: SONNET_AU,
  },
  {
    accountId: ACCOUNTS.experiments,
    principal: role(ACCOUNTS.experiments, 'experimenter'),
    modelId: 'apac.amazon.nova-lite-v1:0',
    prefix: 'apac.',
    source: 'ap-southeast-2',
    served: ['ap-southeast-2', 'ap-northeast-1', 'ap-southeast-1'],
    from: '2026-11-10',
    to: '2026-11-24',
    perDay: 9,
    decision: 'DENIED',
    statement: 'DenyUnapprovedInferenceProfiles',
  },
  {
    accountId: ACCOUNTS.management,
    principal: role(ACCOUNTS.management, 'AWSReservedSSO_AdministratorAccess_0123456789abcdef'),
    modelId: 'global.amazon.nova-2-lite-v1:0',
    prefix: 'global.',
    source: 'us-east-1',
    served: ['us-east-1'],
    from: '2026-11-19',
    to: '2026-11-19',
    perDay: 3,
    decision: 'DENIED',
    statement: 'DenyUnapprovedInferenceProfiles',
    alternative: 'an au. profile from an account under the posture',
  },
  // Attempts the posture refused: evidence the control works.
  {
    accountId: ACCOUNTS.claimsDev,
    principal: role(ACCOUNTS.claimsDev, 'developer'),
    modelId: 'apac.amazon.nova-micro-v1:0',
    prefix: 'apac.',
    source: 'ap-southeast-2',
    served: ['ap-southeast-2'],
    from: '2026-11-12',
    to: '2026-11-13',
    perDay: 4,
    decision: 'DENIED',
    statement: 'DenyUnapprovedInferenceProfiles',
    deniedBySCP: true,
    alternative: 'au.amazon.nova-micro-v1:0',
  },
  {
    accountId: ACCOUNTS.claimsDev,
    principal: role(ACCOUNTS.claimsDev, 'developer'),
    modelId: SONNET_AU,
    prefix: 'au.',
    source: 'ap-southeast-2',
    served: ['ap-southeast-2'],
    from: '2026-11-01',
    to: '2026-11-28',
    perDay: 30,
  },
];

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/** The synthetic traffic replay, per the `traffic --format json` contract. */
export function sampleTraffic(): TrafficInput {
  const calls: TrafficCall[] = [];
  const timeline = new Map<string, number>();
  for (const spec of CALLS) {
    spec.served.forEach((served, i) => {
      let count = 0;
      days(spec.from, spec.to).forEach((day, d) => {
        // A weekly rhythm and a fixed split across the served Regions: varied, and the same on every run.
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        const base = Math.round(spec.perDay * (weekday === 0 || weekday === 6 ? 0.35 : 1) * (1 + ((d * 7) % 5) / 10));
        const share = spec.served.length === 1 ? base : Math.round(base * (i === 0 ? 0.6 : 0.4 / (spec.served.length - 1)));
        if (share === 0) return;
        count += share;
        if (!spec.deniedBySCP) timeline.set(`${day}|${served}`, (timeline.get(`${day}|${served}`) ?? 0) + share);
      });
      calls.push({
        accountId: spec.accountId,
        principalArn: spec.principal,
        eventSource: 'bedrock.amazonaws.com',
        eventName: spec.eventName ?? 'InvokeModel',
        modelId: spec.modelId,
        profilePrefix: spec.prefix,
        sourceRegion: spec.source,
        servedRegion: served,
        decision: spec.decision ?? 'ALLOWED',
        statement: spec.statement ?? null,
        alreadyDeniedBySCP: spec.deniedBySCP ?? false,
        count,
        australianAlternative: spec.alternative ?? null,
        firstSeen: `${spec.from}T00:41:07Z`,
        lastSeen: `${spec.to}T23:12:55Z`,
      });
    });
  }
  const sum = (f: (c: TrafficCall) => boolean) => calls.filter(f).reduce((s, c) => s + c.count, 0);
  const residencyEvents = sum(() => true);
  return {
    kind: TRAFFIC_KIND,
    schemaVersion: 1,
    tool: TOOL,
    generatedAt: TRAFFIC_AT,
    window: { from: '2026-11-01', to: '2026-11-28', firstEvent: '2026-11-01T00:41:07Z', lastEvent: '2026-11-28T23:12:55Z' },
    source: 's3://org-trail-sample/AWSLogs/o-sample12345/',
    posture: { allowedRegions: 'ap-southeast-2', allowedProfilePrefixes: 'au.', exemptPrincipals: 'none' },
    summary: {
      filesRead: 5376,
      eventsRead: residencyEvents + 184_220,
      residencyEvents,
      servedOutsideAustralia: sum((c) => !['ap-southeast-2', 'ap-southeast-4'].includes(c.servedRegion) && !c.alreadyDeniedBySCP),
      wouldBeDenied: sum((c) => c.decision === 'DENIED'),
      deniedBySCP: sum((c) => c.alreadyDeniedBySCP),
      malformedFiles: 0,
      malformedRecords: 0,
    },
    calls,
    timeline: [...timeline].map(([k, count]) => ({ day: k.split('|')[0], servedRegion: k.split('|')[1], count }))
      .sort((a, b) => a.day.localeCompare(b.day) || a.servedRegion.localeCompare(b.servedRegion)),
    blindSpots: [
      { surface: 'Data events (InvokeAgent, Retrieve, RetrieveAndGenerate, InvokeFlow, StartAsyncInvoke)', reason: 'the trail has no data-event selectors for Bedrock' },
      { surface: 'Service-side cross-Region inference (AgentCore Memory built-in strategies, online evaluations)', reason: 'runs in an AWS-managed account; CloudTrail does not record where' },
    ],
    problems: [],
  };
}

const probe = (path: string, service: string, region: string, modelId: string, expect: 'ALLOWED' | 'DENIED', detail: string): ProbeResult => ({
  path, service, region, modelId, expect, outcome: expect === 'ALLOWED' ? 'REACHED' : 'DENIED_BY_SCP', ok: true, detail,
});

/** The synthetic probe run, per the `probe --format json` contract. */
export function sampleProbe(): ProbeInput {
  const results = [
    probe('au. inference profile from Sydney', 'bedrock-runtime', 'ap-southeast-2', SONNET_AU, 'ALLOWED', 'Converse answered (served in ap-southeast-2).'),
    probe('On-demand call in Sydney', 'bedrock-runtime', 'ap-southeast-2', 'amazon.titan-embed-text-v2:0', 'ALLOWED', 'InvokeModel answered.'),
    probe('global. inference profile from Sydney', 'bedrock-runtime', 'ap-southeast-2', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'DENIED',
      'AccessDeniedException: explicit deny in a service control policy.'),
    probe('apac. inference profile from Sydney', 'bedrock-runtime', 'ap-southeast-2', 'apac.amazon.nova-lite-v1:0', 'DENIED',
      'AccessDeniedException: explicit deny in a service control policy.'),
    probe('On-demand call in us-east-1', 'bedrock-runtime', 'us-east-1', 'amazon.nova-lite-v1:0', 'DENIED', 'AccessDeniedException: explicit deny in a service control policy.'),
    probe('On-demand call in Melbourne (not an allowed origin)', 'bedrock-runtime', 'ap-southeast-4', 'anthropic.claude-haiku-4-5-20251001-v1:0', 'DENIED',
      'AccessDeniedException: explicit deny in a service control policy.'),
    probe('AgentCore Runtime in Tokyo', 'bedrock-agentcore', 'ap-northeast-1', '-', 'DENIED', 'AccessDeniedException: explicit deny in a service control policy.'),
  ];
  return {
    kind: PROBE_KIND,
    schemaVersion: 1,
    tool: TOOL,
    generatedAt: PROBED_AT,
    accountId: ACCOUNTS.claimsProd,
    callerArn: role(ACCOUNTS.claimsProd, 'SovereignBedrockProbe'),
    originRegion: 'ap-southeast-2',
    results,
    summary: { passed: results.length, failed: 0, inconclusive: 0 },
  };
}

/** Every file of docs/sample-report/, by name. */
export function renderSample(): Record<string, string> {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const files: Record<string, string> = {
    'audit.json': json(auditJson(auditSnapshot(sampleSnapshot(), { now: AUDITED_AT }), SAMPLE_TOOL_VERSION)),
    'traffic.json': json(sampleTraffic()),
    'probe.json': json(sampleProbe()),
  };
  const report = buildEvidenceReport({
    audit: { file: 'audit.json', content: files['audit.json'] },
    traffic: { file: 'traffic.json', content: files['traffic.json'] },
    probe: { file: 'probe.json', content: files['probe.json'] },
  }, { toolVersion: SAMPLE_TOOL_VERSION, now: REPORTED_AT });
  return { ...files, 'report.html': report.html };
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const files = renderSample();
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
