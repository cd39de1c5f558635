import { Stack } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { SydneyModelCatalog } from '../../../src';
import { AU_BEDROCK_4 } from '../../../src/checks/rules/au-bedrock-4-bedrock-resource-models';
import { ACCOUNT, runRule, summary, sydneyApp, validateApp } from '../helpers';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/BedrockService`;
const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const fm = (region: string, id: string) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
const profile = (id: string) => `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:inference-profile/${id}`;

function knowledgeBase(stack: Stack, id: string, embeddingModelArn: string): bedrock.CfnKnowledgeBase {
  return new bedrock.CfnKnowledgeBase(stack, id, {
    name: id,
    roleArn: ROLE,
    knowledgeBaseConfiguration: { type: 'VECTOR', vectorKnowledgeBaseConfiguration: { embeddingModelArn } },
    storageConfiguration: {
      type: 'OPENSEARCH_SERVERLESS',
      opensearchServerlessConfiguration: {
        collectionArn: `arn:aws:aoss:ap-southeast-2:${ACCOUNT}:collection/abc`,
        vectorIndexName: 'index',
        fieldMapping: { vectorField: 'v', textField: 't', metadataField: 'm' },
      },
    },
  });
}

function promptFlow(stack: Stack, id: string, modelId: string): bedrock.CfnFlow {
  return new bedrock.CfnFlow(stack, id, {
    name: id,
    executionRoleArn: ROLE,
    definition: {
      nodes: [
        { name: 'Input', type: 'Input', outputs: [{ name: 'document', type: 'String' }] },
        {
          name: 'Summarise',
          type: 'Prompt',
          configuration: {
            prompt: {
              sourceConfiguration: {
                inline: { modelId, templateType: 'TEXT', templateConfiguration: { text: { text: 'Summarise {{document}}' } } },
              },
            },
          },
        },
      ],
    },
  });
}

describe('AuBedrock4: Bedrock resources that name models outside Australia (CDK app)', () => {
  test('a knowledge base embedding with Titan Text Embeddings V2 in Sydney passes; Cohere Embed v4 fails with the catalog\'s reason', () => {
    const { app, stack } = sydneyApp();
    knowledgeBase(stack, 'TitanKb', fm('ap-southeast-2', 'amazon.titan-embed-text-v2:0'));
    knowledgeBase(stack, 'CohereKb', fm('ap-southeast-2', 'cohere.embed-v4:0'));
    const report = validateApp(app);
    expect(summary(report)).toEqual([
      'AuBedrock4 error: Bedrock resources that name models outside Australia: EmbeddingModelArn "arn:aws:bedrock:ap-southeast-2::foundation-model/cohere.embed-v4:0": '
      + SydneyModelCatalog.resolve('cohere.embed-v4:0').reason,
    ]);
    expect(SydneyModelCatalog.resolve('cohere.embed-v4:0').reason).toMatch(/only through global\.\* \(any commercial Region worldwide\): no Australian path/);
    expect(report.violations[0].violatingResources).toEqual([expect.objectContaining({
      resourceLogicalId: 'CohereKb',
      locations: ['Properties/KnowledgeBaseConfiguration/VectorKnowledgeBaseConfiguration/EmbeddingModelArn'],
    })]);
    expect(report.violations[0].fix).toMatch(/^Use a model with an Australian path: .*Titan/);
  });

  test('a knowledge base embedding model in another Region, or in the Region-less form, fails', () => {
    const { app, stack } = sydneyApp();
    knowledgeBase(stack, 'Virginia', fm('us-east-1', 'amazon.titan-embed-text-v2:0'));
    knowledgeBase(stack, 'Global', fm('', 'cohere.embed-v4:0'));
    expect(summary(validateApp(app)).sort()).toEqual([
      expect.stringMatching(/EmbeddingModelArn "arn:aws:bedrock:::foundation-model\/cohere\.embed-v4:0" is the Region-less form used for the model leg of a global\. cross-Region call/),
      expect.stringMatching(/EmbeddingModelArn ".*us-east-1.*" is a foundation-model in us-east-1, outside Australia$/),
    ]);
  });

  test('agents: an au. profile and a model on-demand in Sydney pass; a bare ID that is not on-demand, a global. profile and a prompt override fail', () => {
    const { app, stack } = sydneyApp();
    new bedrock.CfnAgent(stack, 'AuAgent', { agentName: 'au', foundationModel: `au.${SONNET_45}` });
    new bedrock.CfnAgent(stack, 'NovaAgent', { agentName: 'nova', foundationModel: 'amazon.nova-pro-v1:0' });
    new bedrock.CfnAgent(stack, 'BareAgent', { agentName: 'bare', foundationModel: SONNET_45 });
    new bedrock.CfnAgent(stack, 'GlobalAgent', { agentName: 'global', foundationModel: profile(`global.${SONNET_45}`) });
    new bedrock.CfnAgent(stack, 'OverrideAgent', {
      agentName: 'override',
      foundationModel: `au.${SONNET_45}`,
      promptOverrideConfiguration: {
        promptConfigurations: [{ promptType: 'ORCHESTRATION', foundationModel: 'apac.anthropic.claude-3-haiku-20240307-v1:0' }],
      },
    });
    const report = validateApp(app);
    const byResource = Object.fromEntries(report.violations.map((v) => [v.violatingResources[0].resourceLogicalId, v]));
    expect(Object.keys(byResource).sort()).toEqual(['BareAgent', 'GlobalAgent', 'OverrideAgent']);
    expect(byResource.BareAgent.description).toMatch(/FoundationModel "anthropic\.claude-sonnet-4-5-20250929-v1:0" is not on-demand in ap-southeast-2: Claude Sonnet 4\.5 is reachable from Sydney through au\./);
    expect(byResource.BareAgent.fix).toBe(`Use au.${SONNET_45} (served in Sydney or Melbourne only).`);
    expect(byResource.GlobalAgent.description).toMatch(/names the global\. profile of Claude Sonnet 4\.5, which can serve a Sydney call in any commercial Region worldwide/);
    expect(byResource.OverrideAgent.violatingResources[0].locations).toEqual(['Properties/PromptOverrideConfiguration/PromptConfigurations/0/FoundationModel']);
  });

  test('flows: every model in the definition is checked', () => {
    const { app, stack } = sydneyApp();
    promptFlow(stack, 'AuFlow', `au.${SONNET_45}`);
    promptFlow(stack, 'ApacFlow', 'apac.anthropic.claude-3-7-sonnet-20250219-v1:0');
    const report = validateApp(app);
    expect(summary(report)).toEqual([expect.stringMatching(/^AuBedrock4 error: .*ModelId "apac\.anthropic\.claude-3-7-sonnet-20250219-v1:0": .*names the apac\. profile of Claude 3\.7 Sonnet/)]);
    expect(report.violations[0].violatingResources[0].locations).toEqual(['Properties/Definition/Nodes/1/Configuration/Prompt/SourceConfiguration/Inline/ModelId']);
  });

  test('flows defined as JSON text (with substitutions) are read; one in S3 is a warning', () => {
    const { app, stack } = sydneyApp();
    new bedrock.CfnFlow(stack, 'TextFlow', {
      name: 'text',
      executionRoleArn: ROLE,
      definitionString: JSON.stringify({ nodes: [{ name: 'P', type: 'Prompt', configuration: { prompt: { sourceConfiguration: { inline: { modelId: '${Model}' } } } } }] }),
      definitionSubstitutions: { Model: 'global.anthropic.claude-opus-4-5-20251101-v1:0' },
    });
    new bedrock.CfnFlow(stack, 'S3Flow', { name: 's3', executionRoleArn: ROLE, definitionS3Location: { bucket: 'b', key: 'flow.json' } });
    expect(summary(validateApp(app)).sort()).toEqual([
      expect.stringMatching(/^AuBedrock4 error: .*modelId "global\.anthropic\.claude-opus-4-5-20251101-v1:0": .*no Australian path/),
      expect.stringMatching(/^AuBedrock4 warning: .*cannot verify the flow's models: the definition is in S3/),
    ]);
  });

  test('application inference profiles: what they copy from decides', () => {
    const { app, stack } = sydneyApp();
    const copy = (id: string, copyFrom: string) =>
      new bedrock.CfnApplicationInferenceProfile(stack, id, { inferenceProfileName: id, modelSource: { copyFrom } });
    copy('FromAu', profile(`au.${SONNET_45}`));
    copy('FromNova', fm('ap-southeast-2', 'amazon.nova-pro-v1:0'));
    copy('FromGlobal', profile(`global.${SONNET_45}`));
    copy('FromApacModel', fm('ap-northeast-1', 'amazon.nova-pro-v1:0'));
    const report = validateApp(app);
    expect(report.violations.map((v) => v.violatingResources[0].resourceLogicalId).sort()).toEqual(['FromApacModel', 'FromGlobal']);
    expect(report.violations.every((v) => v.violatingResources[0].locations[0] === 'Properties/ModelSource/CopyFrom')).toBe(true);
  });

  test('prompts: each variant\'s ModelId', () => {
    const { app, stack } = sydneyApp();
    const variant = (name: string, modelId: string) => ({ name, modelId, templateType: 'TEXT', templateConfiguration: { text: { text: 'Hi' } } });
    new bedrock.CfnPrompt(stack, 'Prompt', {
      name: 'p',
      variants: [variant('nova', 'amazon.nova-lite-v1:0'), variant('llama', 'meta.llama3-3-70b-instruct-v1:0')],
    });
    const report = validateApp(app);
    expect(summary(report)).toEqual([expect.stringMatching(/ModelId "meta\.llama3-3-70b-instruct-v1:0": .*Llama 3\.3 70B.*no Australian path/)]);
    expect(report.violations[0].violatingResources[0].locations).toEqual(['Properties/Variants/1/ModelId']);
  });
});

describe('AuBedrock4 on template fragments', () => {
  const agent = (FoundationModel: unknown, others: Record<string, string> = {}) =>
    runRule(AU_BEDROCK_4, 'AWS::Bedrock::Agent', { AgentName: 'a', FoundationModel }, others);

  test('a model not in the catalog is a warning that says so', () => {
    expect(agent('acme.model-v1')).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^FoundationModel cannot verify "acme\.model-v1": "acme\.model-v1" is not in the Sydney model catalog/) })]);
  });

  test('an application inference profile of the same template is checked where it is defined', () => {
    expect(agent({ 'Fn::GetAtt': ['Profile', 'InferenceProfileArn'] }, { Profile: 'AWS::Bedrock::ApplicationInferenceProfile' })).toEqual([]);
    expect(agent(`arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:application-inference-profile/a1b2c3d4e5f6`))
      .toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  test('a Region that is a deploy-time value: an on-demand model is a warning, a model without an Australian path still an error', () => {
    const join = (id: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':bedrock:', { Ref: 'AWS::Region' }, '::foundation-model/', id]] });
    expect(agent(join('amazon.titan-embed-text-v2:0'))).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/Region is a deploy-time value/) })]);
    expect(agent(join('cohere.embed-v4:0'))).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  test('a parameter is a warning; a malformed value never throws', () => {
    expect(agent({ Ref: 'ModelParam' })).toEqual([expect.objectContaining({ severity: 'warning' })]);
    for (const odd of [42, null, {}, [], { 'Fn::If': ['C', 'a', 'b'] }, 'arn:aws:bedrock', 'arn:aws:bedrock:ap-southeast-2::weird']) {
      expect(() => agent(odd)).not.toThrow();
    }
    expect(() => runRule(AU_BEDROCK_4, 'AWS::Bedrock::Flow', { DefinitionString: '{not json' })).not.toThrow();
  });

  test('other resource types are not read', () => {
    expect(runRule(AU_BEDROCK_4, 'AWS::Lambda::Function', { Environment: { Variables: { ModelId: 'global.x' } } })).toEqual([]);
  });
});
