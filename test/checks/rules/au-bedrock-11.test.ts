import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as agentcore from 'aws-cdk-lib/aws-bedrockagentcore';
import { SovereignBedrockChecks, SovereignBedrockChecksAspect } from '../../../src';
import { AU_BEDROCK_11 } from '../../../src/checks/rules/au-bedrock-11-agentcore-resources-outside-australia';
import { ACCOUNT, summary, validateApp } from '../helpers';

function memoryIn(region?: string): App {
  const app = new App();
  const stack = new Stack(app, 'Agents', region ? { env: { account: ACCOUNT, region } } : {});
  new agentcore.CfnMemory(stack, 'Memory', { name: 'notes', eventExpiryDuration: 30 });
  return app;
}

describe('AuBedrock11: AgentCore resources outside Australia (CDK app)', () => {
  test('an AgentCore memory in a stack in us-east-1 fails', () => {
    const report = validateApp(memoryIn('us-east-1'));
    expect(summary(report)).toEqual(['AuBedrock11 error: AgentCore resources outside Australia: AgentCore Memory in us-east-1, outside Australia: what agents send it is processed there']);
    expect(report.violations[0].fix).toMatch(/region: "ap-southeast-2"/);
  });

  test('in an environment-agnostic stack it is a warning', () => {
    expect(summary(validateApp(memoryIn()))).toEqual([expect.stringMatching(/^AuBedrock11 warning: .*cannot verify: AgentCore Memory in an environment-agnostic stack/)]);
  });

  test('compliant: Sydney and Melbourne', () => {
    expect(validateApp(memoryIn('ap-southeast-2')).violations).toEqual([]);
    expect(validateApp(memoryIn('ap-southeast-4')).violations).toEqual([]);
  });

  test('checkTemplate takes the Region as an argument', () => {
    const template = { Resources: { M: { Type: 'AWS::BedrockAgentCore::Runtime', Properties: {} } } };
    const checks = new SovereignBedrockChecks({ rules: ['AuBedrock11'] });
    expect(checks.checkTemplate(template, 'eu-west-1').map((f) => f.severity)).toEqual(['error']);
    expect(checks.checkTemplate(template, 'ap-southeast-2')).toEqual([]);
    expect(checks.checkTemplate(template).map((f) => f.severity)).toEqual(['warning']);
  });

  test('resources of other services are not judged', () => {
    expect(AU_BEDROCK_11.check({ logicalId: 'B', type: 'AWS::S3::Bucket', properties: {}, metadata: {} }, { resourceTypes: {}, region: 'us-east-1' })).toEqual([]);
  });
});

describe('AuBedrock11 through the Aspect', () => {
  test('the Aspect reads the stack Region: an error in us-east-1, nothing in Sydney', () => {
    const errorsIn = (region: string) => {
      const app = memoryIn(region);
      Aspects.of(app).add(new SovereignBedrockChecksAspect({ rules: ['AuBedrock11'] }));
      return Annotations.fromStack(app.node.findChild('Agents') as Stack).findError('*', Match.stringLikeRegexp('AuBedrock11'));
    };
    expect(errorsIn('us-east-1')).toHaveLength(1);
    expect(errorsIn('ap-southeast-2')).toHaveLength(0);
  });
});
