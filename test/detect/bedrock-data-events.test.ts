import { Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { BedrockDataEvents } from '../../src';
import { managementSelectorsFromBasic } from '../../src/core/detect/advanced-selectors';
import { newStack, validationErrors } from '../helpers/stack';

function trailProps(stack: ReturnType<typeof newStack>): any {
  return Object.values(Template.fromStack(stack).findResources('AWS::CloudTrail::Trail'))[0].Properties;
}

const typesOf = (selectors: any[]) => selectors
  .map((s) => s.FieldSelectors.find((f: any) => f.Field === 'resources.type')?.Equals[0])
  .filter((t) => t !== undefined);

describe('BedrockDataEvents', () => {
  test('adds one advanced selector per resource type, after a management selector', () => {
    const stack = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail');
    const types = BedrockDataEvents.enable(trail);
    expect(types).toEqual([
      'AWS::Bedrock::AsyncInvoke', 'AWS::Bedrock::Model', 'AWS::Bedrock::AgentAlias',
      'AWS::Bedrock::InlineAgent', 'AWS::Bedrock::FlowAlias', 'AWS::Bedrock::KnowledgeBase',
      'AWS::Bedrock::DataAutomationProfile', 'AWS::BedrockAgentCore::Gateway', 'AWS::AWSExternalAnthropic::Workspace',
    ]);
    const props = trailProps(stack);
    expect(props.EventSelectors).toBeUndefined();
    expect(props.AdvancedEventSelectors).toEqual([
      { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      ...types.map((t) => ({
        Name: `Bedrock data events: ${t}`,
        FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: [t] }],
      })),
    ]);
  });

  test('chosen types, merged across calls without duplicates', () => {
    const stack = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail');
    BedrockDataEvents.enable(trail, { resourceTypes: ['AWS::Bedrock::AgentAlias'] });
    const types = BedrockDataEvents.enable(trail, { resourceTypes: ['AWS::Bedrock::Guardrail', 'AWS::Bedrock::AgentAlias'] });
    expect(types).toEqual(['AWS::Bedrock::AgentAlias', 'AWS::Bedrock::Guardrail']);
    expect(typesOf(trailProps(stack).AdvancedEventSelectors)).toEqual(types);
  });

  test('carries a read-only management selector over', () => {
    const stack = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail', { managementEvents: cloudtrail.ReadWriteType.READ_ONLY });
    BedrockDataEvents.enable(trail, { resourceTypes: ['AWS::Bedrock::Model'] });
    expect(trailProps(stack).AdvancedEventSelectors[0]).toEqual({
      Name: 'Management events',
      FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['true'] }],
    });
  });

  test('a basic data selector on the same trail is a synth-time error', () => {
    const stack = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail');
    BedrockDataEvents.enable(trail);
    trail.addEventSelector(cloudtrail.DataResourceType.S3_OBJECT, ['arn:aws:s3:::example-bucket/']); // after enable(): still caught
    expect(validationErrors(stack)).toMatch(/BedrockDataEvents: event selector 0 logs data events through a basic selector .* express it as an advanced selector/);
  });

  test('hand-written advanced selectors are kept, and not duplicated', () => {
    const stack = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail');
    const handWritten = [
      { name: 'All management', fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] },
      { name: 'Agents', fieldSelectors: [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: ['AWS::Bedrock::AgentAlias'] }] },
    ];
    (trail.node.defaultChild as cloudtrail.CfnTrail).advancedEventSelectors = handWritten;
    BedrockDataEvents.enable(trail, { resourceTypes: ['AWS::Bedrock::AgentAlias', 'AWS::Bedrock::KnowledgeBase'] });
    const selectors = trailProps(stack).AdvancedEventSelectors;
    expect(selectors.map((s: any) => s.Name)).toEqual(['All management', 'Agents', 'Bedrock data events: AWS::Bedrock::KnowledgeBase']);
  });

  test('unknown resource types are rejected, naming the prop and the accepted values', () => {
    const trail = new cloudtrail.Trail(newStack(), 'Trail');
    expect(() => BedrockDataEvents.enable(trail, { resourceTypes: ['AWS::Bedrock::Agent', 'AWS::S3::Object'] })).toThrow(
      /BedrockDataEvents\.enable\(\) on Test\/Trail: invalid props \(2 problems\):\n {2}- resourceTypes\[0\]: "AWS::Bedrock::Agent" is not a Bedrock data-event resource type\. Use one of AWS::Bedrock::AgentAlias, /);
    expect(() => BedrockDataEvents.enable(trail, { resourceTypes: [] })).toThrow(/resourceTypes: must not be empty/);
  });
});

describe('managementSelectorsFromBasic', () => {
  test.each([
    ['no selectors: all management events', [], [[{ field: 'eventCategory', equalTo: ['Management'] }]]],
    ['write-only', [{ includeManagementEvents: true, readWriteType: 'WriteOnly' }],
      [[{ field: 'eventCategory', equalTo: ['Management'] }, { field: 'readOnly', equalTo: ['false'] }]]],
    ['excluded sources', [{ includeManagementEvents: true, readWriteType: 'All', excludeManagementEventSources: ['kms.amazonaws.com'] }],
      [[{ field: 'eventCategory', equalTo: ['Management'] }, { field: 'eventSource', notEqualTo: ['kms.amazonaws.com'] }]]],
    ['management switched off', [{ includeManagementEvents: false }], []],
  ])('%s', (_name, basic, expected) => {
    const { selectors, problems } = managementSelectorsFromBasic(basic);
    expect(problems).toEqual([]);
    expect(selectors.map((s) => s.fieldSelectors)).toEqual(expected);
  });
});
