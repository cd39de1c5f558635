/**
 * The guardrail and Data Automation profile gate, read against the Service
 * Authorization Reference data: it never denies a resource type other than the
 * profiles, and it denies every profile whose prefix is not approved.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { evaluateScpChain } from '../../../src/core/evaluate/scp-evaluator';
import { denyUnapprovedRoutingProfiles } from '../../../src/core/statements/deny-unapproved-routing-profiles';
import { resolveResidencyRules } from '../../../src/core/statements/residency-rules';
import { PROFILE_GATES } from '../../../src/core/statements/service-authorization.generated';

const DATA = join(__dirname, '..', '..', '..', 'node_modules', '@cloud-copilot', 'iam-data', 'data');
const resourceTypes = JSON.parse(readFileSync(join(DATA, 'resourceTypes', 'bedrock.json'), 'utf8')) as Record<string, { arn: string }>;
const actions = JSON.parse(readFileSync(join(DATA, 'actions', 'bedrock.json'), 'utf8')) as Record<string, { name: string; resourceTypes: { name: string }[] }>;

const FULL = { name: 'FullAWSAccess', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };

function decide(statement: unknown, action: string, resource: string): string {
  const doc = { Version: '2012-10-17', Statement: [statement] };
  return evaluateScpChain([{ id: 'ou', policies: [FULL, { name: 'gate', document: doc }] }], {
    action, resource, context: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app', 'aws:RequestedRegion': 'ap-southeast-2' },
  }).decision;
}

/** A concrete ARN of a resource type, from its template. */
function sample(type: string, id: string): string {
  return resourceTypes[type].arn
    .replace('${Partition}', 'aws').replace('${Region}', 'ap-northeast-1').replace('${Account}', '111122223333')
    .replace(/\$\{[^}]+\}/g, id);
}

describe('denyUnapprovedRoutingProfiles', () => {
  const statement = denyUnapprovedRoutingProfiles(resolveResidencyRules());

  test.each(PROFILE_GATES.flatMap((g) => g.actions.map((a) => [a, g.profileType] as const)))('%s: every accepted resource type but the profile passes', (action, profileType) => {
    const sar = Object.values(actions).find((a) => `bedrock:${a.name}` === action)!;
    for (const t of sar.resourceTypes.map((r) => r.name).filter((n) => n !== profileType)) {
      expect({ t, decision: decide(statement, action, sample(t, 'abc123')) }).toEqual({ t, decision: 'Allowed' });
    }
  });

  test.each(PROFILE_GATES.map((g) => [g.profileType, g.actions[0]] as const))('%s: only au. passes, in any Region', (profileType, action) => {
    for (const id of ['apac.guardrail.v1:0', 'global.x', 'us.x', 'zz.future-prefix', 'aus.lookalike', 'AU.uppercase']) {
      expect({ id, decision: decide(statement, action, sample(profileType, id)) }).toEqual({ id, decision: 'ExplicitlyDenied' });
    }
    expect(decide(statement, action, sample(profileType, 'au.guardrail.v1:0'))).toBe('Allowed');
  });

  test('an approved prefix list opens exactly those prefixes', () => {
    const apac = denyUnapprovedRoutingProfiles(resolveResidencyRules({ allowedProfilePrefixes: ['au.', 'apac.'] }));
    expect(decide(apac, 'bedrock:ApplyGuardrail', sample('guardrail-profile', 'apac.guardrail.v1:0'))).toBe('Allowed');
    expect(decide(apac, 'bedrock:ApplyGuardrail', sample('guardrail-profile', 'global.guardrail.v1:0'))).toBe('ExplicitlyDenied');
  });
});
