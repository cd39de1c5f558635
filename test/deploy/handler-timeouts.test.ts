import { Template } from 'aws-cdk-lib/assertions';
import { AuBedrockResidencyScp, OrganizationalUnitPath, ScpSlotGuard } from '../../src';
import { DEPLOY_CALL_TIMEOUT_MS } from '../../src/core/deploy/organizations-calls';
import { newStack } from '../helpers/stack';

test('a silent Organizations call fails a deploy-time check long before its function times out', () => {
  const stack = newStack();
  const prod = new OrganizationalUnitPath(stack, 'Prod', { path: 'Root/Workloads/Prod' });
  ScpSlotGuard.protect(new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [prod.organizationalUnitId], policyName: 'p' }));
  const handlers = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))
    .filter((f) => /OU paths|SCP/.test(f.Properties.Description ?? '') && !/provider framework/.test(f.Properties.Description));
  expect(handlers.length).toBeGreaterThanOrEqual(2);
  for (const fn of handlers) {
    // A call that never answers costs its time limit twice (one retry) plus a backoff of at most 10 s.
    const fits = 2 * DEPLOY_CALL_TIMEOUT_MS + 10_000 < (fn.Properties.Timeout * 1000) / 4;
    expect([fn.Properties.Description, fits]).toEqual([fn.Properties.Description, true]);
  }
});
