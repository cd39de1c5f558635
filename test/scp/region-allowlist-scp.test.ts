import { RegionAllowlistScp } from '../../src';
import { newStack, onlyPolicy } from '../helpers/stack';

describe('RegionAllowlistScp', () => {
  test('default policy JSON (snapshot)', () => {
    const stack = newStack();
    const scp = new RegionAllowlistScp(stack, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    // The template (keys sorted by jest) and the exact minified text sent to Organizations.
    expect({ template: onlyPolicy(stack), minified: scp.policyJson }).toMatchSnapshot();
  });

  test('covers bedrock and bedrock-mantle, nothing else', () => {
    const stack = newStack();
    new RegionAllowlistScp(stack, 'Regions', { targetIds: ['ou-ab12-34cd56ef'] });
    for (const s of onlyPolicy(stack).Content.Statement) {
      expect(s.Action).toEqual(['bedrock:*', 'bedrock-mantle:*']);
      expect(s.Resource).toBe('*');
    }
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
    expect(boundary.Action).toBe('bedrock:*');
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
