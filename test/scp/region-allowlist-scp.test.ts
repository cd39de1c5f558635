import { CoveredService, RegionAllowlistScp } from '../../src';
import { errorOf } from '../helpers/errors';
import { newStack, onlyPolicy, warnings } from '../helpers/stack';

describe('RegionAllowlistScp', () => {
  test('default policy JSON (snapshot)', () => {
    const stack = newStack();
    const scp = new RegionAllowlistScp(stack, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    // The template (keys sorted by jest) and the exact minified text sent to Organizations.
    expect({ template: onlyPolicy(stack), minified: scp.policyJson }).toMatchSnapshot();
  });

  test('the Region rules cover every Region-governed prefix of the AI surface table by default; the boundary also covers SageMaker invocation', () => {
    const stack = newStack();
    new RegionAllowlistScp(stack, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    const [boundary, origin] = onlyPolicy(stack).Content.Statement;
    const governed = ['bedrock:*', 'bedrock-mantle:*', 'bedrock-agentcore:*', 'bedrock-websearch:*', 'agent-registry:*'];
    expect(boundary.Action).toEqual([...governed, 'sagemaker:InvokeEndpoint*']);
    expect(origin.Action).toEqual(governed);
    for (const s of [boundary, origin]) expect(s.Resource).toBe('*');
    expect(warnings(stack)).toEqual([]);
  });

  test('SageMaker invocation abroad (Bedrock Marketplace endpoints) can be allowed, with a warning', () => {
    const stack = newStack();
    new RegionAllowlistScp(stack, 'Regions', { targetIds: ['ou-ab12-34cd56ef'], denySageMakerInferenceAbroad: false });
    const [boundary] = onlyPolicy(stack).Content.Statement;
    expect(boundary.Action).not.toContain('sagemaker:InvokeEndpoint*');
    expect(warnings(stack).join('\n')).toMatch(/denySageMakerInferenceAbroad is false: Bedrock Marketplace models/);
  });

  test('a resource named in a Region outside Sydney and Melbourne is denied for content-sending actions of the covered services', () => {
    const stack = newStack();
    new RegionAllowlistScp(stack, 'Regions', { targetIds: ['ou-ab12-34cd56ef'], coveredServices: [CoveredService.BEDROCK] });
    const st = onlyPolicy(stack).Content.Statement.find((s: any) => s.Sid === 'DenyResourcesOutsideResidencyRegions');
    expect(st.NotResource).toEqual(['arn:aws:*:ap-southeast-2:*:*', 'arn:aws:*:ap-southeast-4:*:*']);
    expect(st.Action).toEqual(expect.arrayContaining(['bedrock:InvokeModel*', 'bedrock:ApplyGuardrail']));
    expect(st.Action.every((a: string) => a.startsWith('bedrock:'))).toBe(true);
  });

  test('Claude Platform on AWS and Nova Act are denied in every Region, and re-enabling either warns', () => {
    const SID = 'DenyServicesWithoutAustralianProcessing';
    const find = (stack: any) => onlyPolicy(stack).Content.Statement.find((s: any) => s.Sid === SID);
    const on = newStack();
    new RegionAllowlistScp(on, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    expect(find(on)).toEqual({ Sid: SID, Effect: 'Deny', Action: ['aws-external-anthropic:*', 'nova-act:*'], Resource: '*' });

    const claude = newStack();
    new RegionAllowlistScp(claude, 'Regions', { targetIds: ['ou-ab12-34cd56ef'], allowClaudePlatformOnAws: true });
    expect(find(claude)).toEqual({ Sid: SID, Effect: 'Deny', Action: 'nova-act:*', Resource: '*' });
    expect(warnings(claude).join('\n')).toMatch(/allowClaudePlatformOnAws: Claude Platform on AWS may process data outside AWS/);

    const both = newStack();
    new RegionAllowlistScp(both, 'Regions', { targetIds: ['ou-ab12-34cd56ef'], allowClaudePlatformOnAws: true, allowNovaAct: true });
    expect(find(both)).toBeUndefined();
    expect(warnings(both).join('\n')).toMatch(/allowNovaAct: AWS documents no Australian Region for Amazon Nova Act/);
  });

  test('a covered service can be left out, with a warning; bedrock cannot', () => {
    const stack = newStack();
    new RegionAllowlistScp(stack, 'Regions', {
      targetIds: ['ou-ab12-34cd56ef'], coveredServices: [CoveredService.BEDROCK, CoveredService.BEDROCK_AGENTCORE],
    });
    const [boundary] = onlyPolicy(stack).Content.Statement;
    expect(boundary.Action).toEqual(['bedrock:*', 'bedrock-agentcore:*', 'sagemaker:InvokeEndpoint*']);
    const w = warnings(stack).join('\n');
    expect(w).toMatch(/coveredServices: bedrock-mantle:\* is not covered/);
    expect(w).toMatch(/coveredServices: bedrock-websearch:\* is not covered/);

    expect(errorOf(() => new RegionAllowlistScp(newStack(), 'R', {
      targetIds: ['ou-ab12-34cd56ef'], coveredServices: [CoveredService.BEDROCK_MANTLE, 'nova-act' as CoveredService],
    }))).toMatch(/coveredServices\[1\]: "nova-act" is not a service this posture covers. Use one of bedrock, bedrock-mantle, bedrock-agentcore, bedrock-websearch, agent-registry[\s\S]*coveredServices: must include bedrock/);
    expect(errorOf(() => new RegionAllowlistScp(newStack(), 'R', {
      targetIds: ['ou-ab12-34cd56ef'], coveredServices: [CoveredService.BEDROCK], includeBedrockMantle: true,
    }))).toMatch(/includeBedrockMantle: is true but coveredServices omits bedrock-mantle/);
  });

  test('service-side controls: on by default except AgentCore Memory; turning one off warns', () => {
    const sids = (stack: any) => onlyPolicy(stack).Content.Statement.map((s: any) => s.Sid);
    const dflt = newStack();
    new RegionAllowlistScp(dflt, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    expect(sids(dflt)).toEqual([
      'DenyBedrockOutsideResidencyRegions', 'DenyBedrockOutsideAllowedRegions', 'DenyResourcesOutsideResidencyRegions',
      'DenyServicesWithoutAustralianProcessing', 'DenyDataSharingWithModelProviders', 'DenyMantleDataSharingWithModelProviders',
      'DenyServiceSideCrossRegionInference', 'DenyBuiltInEvaluators',
    ]);
    const all = newStack();
    new RegionAllowlistScp(all, 'Regions', {
      targetIds: ['ou-ab12-34cd56ef'], denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true },
    });
    expect(sids(all)).toEqual(expect.arrayContaining([
      'DenyAgentCoreMemoryChanges', 'DenyLongTermBedrockApiKeys', 'DenyLongTermMantleApiKeys', 'DenyCreatingLongTermBedrockApiKeys',
    ]));
    const open = newStack();
    new RegionAllowlistScp(open, 'Regions', {
      targetIds: ['ou-ab12-34cd56ef'], serviceSideInference: { denyAgentRegistry: false, denyStructuredDataQueries: false },
    });
    const side = onlyPolicy(open).Content.Statement.find((s: any) => s.Sid === 'DenyServiceSideCrossRegionInference');
    expect(side.Action).toEqual(['bedrock-agentcore:StartPolicyGeneration']);
    const w = warnings(open);
    expect(w).toHaveLength(2);
    expect(w.join('\n')).toMatch(/serviceSideInference.denyStructuredDataQueries is false/);
    expect(w.join('\n')).toMatch(/serviceSideInference.denyAgentRegistry is false: AWS Agent Registry semantic search from Sydney may be processed in any commercial Region/);
  });

  test('Melbourne is inside the boundary but only for legs of au. profiles', () => {
    const stack = newStack();
    new RegionAllowlistScp(stack, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    const [boundary, origin] = onlyPolicy(stack).Content.Statement;
    expect(boundary.Condition.StringNotEquals['aws:RequestedRegion']).toEqual(['ap-southeast-2', 'ap-southeast-4']);
    expect(origin.Condition.StringNotEquals['aws:RequestedRegion']).toEqual(['ap-southeast-2']);
    expect(origin.Condition.ArnNotLike['bedrock:InferenceProfileArn']).toEqual(['arn:aws:bedrock:*:*:inference-profile/au.*']);
  });

  test('allowed Regions widen both statements; Mantle can be left out', () => {
    const stack = newStack();
    new RegionAllowlistScp(stack, 'Regions', {
      targetIds: ['ou-ab12-34cd56ef'],
      allowedRegions: ['ap-southeast-4', 'ap-southeast-2'],
      includeBedrockMantle: false,
    });
    const [boundary, origin] = onlyPolicy(stack).Content.Statement;
    expect(boundary.Action).toEqual(['bedrock:*', 'bedrock-agentcore:*', 'bedrock-websearch:*', 'agent-registry:*', 'sagemaker:InvokeEndpoint*']);
    expect(boundary.Condition.StringNotEquals['aws:RequestedRegion']).toEqual(['ap-southeast-2', 'ap-southeast-4']);
    expect(origin.Condition.StringNotEquals['aws:RequestedRegion']).toEqual(['ap-southeast-2', 'ap-southeast-4']);
  });

  test('addTarget attaches later targets', () => {
    const stack = newStack();
    const scp = new RegionAllowlistScp(stack, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    scp.addTarget('123456789012');
    scp.addTarget('123456789012');
    expect(scp.targetIds).toEqual(['ou-ab12-34cd56ef', '123456789012']);
    expect(onlyPolicy(stack).TargetIds).toEqual(['ou-ab12-34cd56ef', '123456789012']);
  });
});
