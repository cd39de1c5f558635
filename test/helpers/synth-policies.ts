import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  AuBedrockResidencyScp, AuOnlyInferenceScp, RegionAllowlistScp, ResidencyPolicyOptions,
} from '../../src';

export type PolicyVariant = 'auOnly' | 'regionAllowlist' | 'posture';
export const POLICY_VARIANTS: readonly PolicyVariant[] = ['auOnly', 'regionAllowlist', 'posture'];

/**
 * Synthesizes the three SCP constructs with the same options and returns each
 * policy's `Content` exactly as it appears in the CloudFormation template.
 */
export function synthesizedPolicies(options: ResidencyPolicyOptions = {}): Record<PolicyVariant, unknown> {
  const app = new App();
  const stack = new Stack(app, 'Posture');
  const targetIds = ['ou-ab12-34cd56ef'];
  new AuOnlyInferenceScp(stack, 'AuOnly', { ...options, targetIds, policyName: 'auOnly' });
  new RegionAllowlistScp(stack, 'Regions', { ...options, targetIds, policyName: 'regionAllowlist' });
  new AuBedrockResidencyScp(stack, 'Posture', {
    ...options, targetIds: ['ou-ef56-78ab90cd'], policyName: 'posture',
  });
  const resources = Template.fromStack(stack).findResources('AWS::Organizations::Policy');
  const byName: Record<string, unknown> = {};
  for (const r of Object.values(resources)) byName[r.Properties.Name] = r.Properties.Content;
  return { auOnly: byName.auOnly, regionAllowlist: byName.regionAllowlist, posture: byName.posture };
}
