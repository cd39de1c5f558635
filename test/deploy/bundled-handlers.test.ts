/**
 * The esbuild bundles in assets/ are what Lambda runs: load them as Lambda would
 * (CommonJS, `handler` export, the SDK resolved from outside the bundle) and
 * drive them against the mocked organization.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as sdk from '@aws-sdk/client-organizations';
import { ResidencyPolicies } from '../../src';
import { mockOrganization } from '../helpers/fake-organization';

const POSTURE = ResidencyPolicies.posture();

const ASSETS = path.join(__dirname, '..', '..', 'assets', 'deploy');
const load = (name: string) => jest.requireActual(path.join(ASSETS, `${name}.lambda`, 'index.js'));

test('the bundles leave the SDK out and stay small', () => {
  // The conflict check carries the audit's judge and its dated extract of the Service
  // Authorization Reference (about 100 KB); the other handlers are a few KB of logic.
  for (const [name, limit] of [['ou-path', 50_000], ['scp-slot-guard', 50_000], ['scp-conflict-check', 200_000]] as const) {
    const code = fs.readFileSync(path.join(ASSETS, `${name}.lambda`, 'index.js'), 'utf8');
    expect(code).toContain('require("@aws-sdk/client-organizations")');
    expect(code).not.toMatch(/smithy|@aws-sdk\/core/);
    expect([name, code.length < limit]).toEqual([name, true]);
  }
});

test('the bundled OU path handler resolves a path', async () => {
  mockOrganization();
  const { handler } = load('ou-path');
  await expect(handler({ RequestType: 'Create', LogicalResourceId: 'P', ResourceProperties: { Path: 'Root/Workloads/Dev' } }))
    .resolves.toEqual({ PhysicalResourceId: 'ou-ab12-devdevde|Root/Workloads/Dev', Data: { Id: 'ou-ab12-devdevde' } });
});

test('the bundled slot guard counts attachments', async () => {
  const mock = mockOrganization();
  const { handler } = load('scp-slot-guard');
  // The handler logs the full reason before CloudFormation's shortened one.
  const error = jest.spyOn(console, 'error').mockImplementation(() => {});
  await expect(handler({
    RequestType: 'Create',
    LogicalResourceId: 'G',
    ResourceProperties: { MaxPoliciesPerTarget: '3', Policies: [{ Key: 'K', Name: 'new-scp', TargetIds: ['ou-ab12-security'] }] },
  })).rejects.toThrow('ou-ab12-security already has 3 SCPs (FullAWSAccess, aws-guardrails-AbCdEf, bedrock-au-residency); attaching new-scp would make 4, over the limit of 3');
  expect(mock.commandCalls(sdk.ListPoliciesForTargetCommand)).toHaveLength(1);
  expect(error).toHaveBeenCalledWith(expect.stringContaining('attaching new-scp would make 4'));
  error.mockRestore();
});

test('the bundled conflict check reads the path and names the Region deny that blocks Melbourne', async () => {
  mockOrganization();
  const { handler } = load('scp-conflict-check');
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  const result = await handler({
    RequestType: 'Create',
    LogicalResourceId: 'C',
    ResourceProperties: {
      OnConflict: 'WARN',
      Policies: [{ Name: 'new-posture', Document: JSON.stringify(POSTURE), TargetIds: ['444444444444'], AllowedRegions: [] }],
    },
  });
  expect(result.Data.Findings).toMatch(/^444444444444: .*model leg served in ap-southeast-4 \(InvokeModel\) \(and 1 more like it\) would be denied by aws-guardrails-RegionDeny\/GRREGIONDENY/);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('ScpConflictCheck findings: 444444444444'));
  warn.mockRestore();
});
