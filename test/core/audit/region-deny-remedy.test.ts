import * as sdk from '@aws-sdk/client-organizations';
import { ResidencyPolicies } from '../../../src';
import { auditSnapshot } from '../../../src/core/audit/audit-report';
import { judgeChain } from '../../../src/core/audit/judge-chain';
import { readOrganization } from '../../../src/core/audit/org-walker';
import { regionDenyRemedies, remedyLines } from '../../../src/core/audit/region-deny-remedy';
import { renderMarkdown, renderTable } from '../../../src/core/audit/render-report';
import { regionDenyParameters } from '../../../src/core/control-tower-region-deny';
import { sdkOrganizationsApi } from '../../../src/core/organizations/sdk-organizations-api';
import { FULL_AWS_ACCESS, landingZoneRegionDeny, ouRegionDeny } from '../../helpers/control-tower-scps';
import { mockOrganization } from '../../helpers/fake-organization';

const ACCOUNT = '333333333333';

/** Root with FullAWSAccess, an OU with the posture plus the given policies, the account. */
function chain(extra: { name: string; document: unknown }[]) {
  return [
    { id: 'r-ab12', policies: [{ name: 'FullAWSAccess', document: FULL_AWS_ACCESS }] },
    { id: 'ou-ab12-34cd56ef', policies: [{ name: 'FullAWSAccess', document: FULL_AWS_ACCESS }, { name: 'bedrock-au-residency', document: ResidencyPolicies.posture() }, ...extra] },
    { id: ACCOUNT, policies: [{ name: 'FullAWSAccess', document: FULL_AWS_ACCESS }] },
  ];
}

function remediesFor(extra: { name: string; document: unknown }[]) {
  const levels = chain(extra);
  const verdict = judgeChain(levels, { account: ACCOUNT });
  return { verdict, remedies: regionDenyRemedies(levels, verdict.failures) };
}

describe('the remedy for a Region deny that blocks an Australian path', () => {
  test('Control Tower landing-zone Region deny governing Sydney only: govern Melbourne, never edit the SCP', () => {
    const { verdict, remedies } = remediesFor([{ name: 'aws-guardrails-XyZ123', document: landingZoneRegionDeny(['ap-southeast-2']) }]);
    expect(verdict.protection).toBe('PARTIAL');
    // The Melbourne legs of au. calls (invoke and stream) are what it breaks; one change fixes both.
    expect(remedies.map((r) => r.probe)).toEqual([
      'allow:au-leg:ap-southeast-2:ap-southeast-4:InvokeModel', 'allow:au-leg:ap-southeast-2:ap-southeast-4:InvokeModelWithResponseStream',
    ]);
    expect(remedyLines(remedies)).toHaveLength(1);
    expect(remedies[0]).toEqual({
      probe: 'allow:au-leg:ap-southeast-2:ap-southeast-4:InvokeModel',
      policy: 'aws-guardrails-XyZ123',
      statement: 'GRREGIONDENY',
      region: 'ap-southeast-4',
      owner: 'control-tower-landing-zone',
      change: expect.stringContaining('add ap-southeast-4 to the governed Regions in the landing zone settings, which makes its aws:RequestedRegion list ["ap-southeast-2", "ap-southeast-4"]'),
    });
    expect(remedies[0].change).toMatch(/Do not edit this Control Tower SCP/);
  });

  test('OU Region deny control without Melbourne: update AllowedRegions (ControlTowerRegionDeny)', () => {
    const doc = ouRegionDeny([{ key: 'AllowedRegions', value: ['ap-southeast-2'] }]);
    const { remedies } = remediesFor([{ name: 'aws-guardrails-OuDeny', document: doc }]);
    expect([...new Set(remedies.map((r) => `${r.owner} ${r.statement}`))]).toEqual(['control-tower-ou-control CTMULTISERVICEPV1']);
    expect(remedies[0].change).toContain('Update the enabled control\'s AllowedRegions parameter to ["ap-southeast-2", "ap-southeast-4"]');
    expect(remedies[0].change).toContain('ControlTowerRegionDeny');
  });

  test('a customer SCP: the exact statement, operator and new list', () => {
    const custom = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', NotAction: ['iam:*'], Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'ap-southeast-2' } } },
      ],
    };
    const { remedies } = remediesFor([{ name: 'region-lock', document: custom }]);
    expect(remedyLines(remedies)).toEqual([
      'In policy region-lock, statement #0: add "ap-southeast-4" to the aws:RequestedRegion values of its StringNotEqualsIfExists condition, making them ["ap-southeast-2", "ap-southeast-4"].',
    ]);
  });

  test('no remedy when the fixed control is in place, nor for a denial that is not a Region deny', () => {
    const fixed = remediesFor([{ name: 'aws-guardrails-OuDeny', document: ouRegionDeny(regionDenyParameters({})) }]);
    expect([fixed.verdict.protection, fixed.verdict.failures, fixed.remedies]).toEqual(['PROTECTED', [], []]);
    const denyBedrock = { Version: '2012-10-17', Statement: [{ Sid: 'NoBedrock', Effect: 'Deny', Action: 'bedrock:*', Resource: '*' }] };
    const { verdict, remedies } = remediesFor([{ name: 'no-bedrock', document: denyBedrock }]);
    expect(verdict.failures.length).toBeGreaterThan(0);
    expect(remedies).toEqual([]);
  });
});

describe('the audit names the remedy for a Region-deny PARTIAL', () => {
  let mock: ReturnType<typeof mockOrganization>;
  beforeEach(() => { mock = mockOrganization(); });
  afterEach(() => mock.restore());

  test('in the account result, the table and the markdown evidence', async () => {
    const api = sdkOrganizationsApi(sdk, new sdk.OrganizationsClient({ region: 'us-east-1' }));
    const report = auditSnapshot(await readOrganization(api, { retry: { sleep: async () => {}, random: () => 0 } }), { now: new Date(0) });
    const dev = report.accounts.find((a) => a.name === 'dev-app')!;
    expect(dev.protection).toBe('PARTIAL');
    expect(dev.remedies).toEqual([expect.stringMatching(/^Control Tower's landing-zone Region deny \(aws-guardrails-RegionDeny, statement GRREGIONDENY\) does not govern ap-southeast-4/)]);
    // Accounts whose failures are not a Region deny get no remedy.
    expect(report.accounts.filter((a) => a.remedies).map((a) => a.name)).toEqual(['dev-app']);
    expect(renderTable(report)).toMatch(/444444444444 .*model leg served in ap-southeast-4 .*: denied, expected allowed.*; Fix: Control Tower's landing-zone Region deny/);
    expect(renderMarkdown(report)).toMatch(/### 444444444444 dev-app: PARTIAL[\s\S]*Remedy:\n\n- Control Tower's landing-zone Region deny \(aws-guardrails-RegionDeny/);
  });
});
