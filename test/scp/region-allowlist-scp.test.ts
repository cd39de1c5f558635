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

  test('the Region rules cover bedrock, bedrock-mantle, bedrock-agentcore and bedrock-websearch by default', () => {
    const stack = newStack();
    new RegionAllowlistScp(stack, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    const [boundary, origin] = onlyPolicy(stack).Content.Statement;
    for (const s of [boundary, origin]) {
      expect(s.Action).toEqual(['bedrock:*', 'bedrock-mantle:*', 'bedrock-agentcore:*', 'bedrock-websearch:*']);
      expect(s.Resource).toBe('*');
    }
    expect(warnings(stack)).toEqual([]);
  });

  test('Claude Platform on AWS is denied in every Region, and re-enabling it warns that it leaves AWS', () => {
    const on = newStack();
    new RegionAllowlistScp(on, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    expect(onlyPolicy(on).Content.Statement.find((s: any) => s.Sid === 'DenyClaudePlatformOnAws'))
      .toEqual({ Sid: 'DenyClaudePlatformOnAws', Effect: 'Deny', Action: 'aws-external-anthropic:*', Resource: '*' });

    const off = newStack();
    new RegionAllowlistScp(off, 'Regions', { targetIds: ['ou-ab12-34cd56ef'], allowClaudePlatformOnAws: true });
    expect(onlyPolicy(off).Content.Statement.map((s: any) => s.Sid)).not.toContain('DenyClaudePlatformOnAws');
    expect(warnings(off).join('\n')).toMatch(/allowClaudePlatformOnAws: Claude Platform on AWS may process data outside AWS/);
  });

  test('a covered service can be left out, with a warning; bedrock cannot', () => {
    const stack = newStack();
    new RegionAllowlistScp(stack, 'Regions', {
      targetIds: ['ou-ab12-34cd56ef'], coveredServices: [CoveredService.BEDROCK, CoveredService.BEDROCK_AGENTCORE],
    });
    const [boundary] = onlyPolicy(stack).Content.Statement;
    expect(boundary.Action).toEqual(['bedrock:*', 'bedrock-agentcore:*']);
    const w = warnings(stack).join('\n');
    expect(w).toMatch(/coveredServices: bedrock-mantle:\* is not covered/);
    expect(w).toMatch(/coveredServices: bedrock-websearch:\* is not covered/);

    expect(errorOf(() => new RegionAllowlistScp(newStack(), 'R', {
      targetIds: ['ou-ab12-34cd56ef'], coveredServices: [CoveredService.BEDROCK_MANTLE, 'nova-act' as CoveredService],
    }))).toMatch(/coveredServices\[1\]: "nova-act" is not a service this posture covers. Use one of bedrock, bedrock-mantle, bedrock-agentcore, bedrock-websearch[\s\S]*coveredServices: must include bedrock/);
    expect(errorOf(() => new RegionAllowlistScp(newStack(), 'R', {
      targetIds: ['ou-ab12-34cd56ef'], coveredServices: [CoveredService.BEDROCK], includeBedrockMantle: true,
    }))).toMatch(/includeBedrockMantle: is true but coveredServices omits bedrock-mantle/);
  });

  test('service-side controls: on by default except AgentCore Memory; turning one off warns', () => {
    const sids = (stack: any) => onlyPolicy(stack).Content.Statement.map((s: any) => s.Sid);
    const dflt = newStack();
    new RegionAllowlistScp(dflt, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    expect(sids(dflt)).toEqual([
      'DenyBedrockOutsideResidencyRegions', 'DenyBedrockOutsideAllowedRegions', 'DenyClaudePlatformOnAws',
      'DenyDataSharingWithModelProviders', 'DenyMantleDataSharingWithModelProviders',
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
    expect(boundary.Action).toEqual(['bedrock:*', 'bedrock-agentcore:*', 'bedrock-websearch:*']);
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
