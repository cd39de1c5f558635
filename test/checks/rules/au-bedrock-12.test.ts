import * as agentcore from 'aws-cdk-lib/aws-bedrockagentcore';
import { AU_BEDROCK_12 } from '../../../src/checks/rules/au-bedrock-12-agentcore-memory-built-in-strategies';
import { runRule, summary, sydneyApp, validateApp } from '../helpers';

const AU_SONNET = 'au.anthropic.claude-sonnet-4-5-20250929-v1:0';

function memory(stack: any, strategies: agentcore.CfnMemory.MemoryStrategyProperty[]) {
  return new agentcore.CfnMemory(stack, 'Memory', { name: 'notes', eventExpiryDuration: 30, memoryStrategies: strategies });
}

describe('AuBedrock12: AgentCore Memory built-in strategies (CDK app)', () => {
  test('a built-in semantic strategy fails: AgentCore may serve it across Regions where no SCP applies', () => {
    const { app, stack } = sydneyApp();
    memory(stack, [{ semanticMemoryStrategy: { name: 'facts' } }, { summaryMemoryStrategy: { name: 'summary' } }]);
    const report = validateApp(app);
    expect(summary(report, 'AuBedrock12')).toEqual([
      expect.stringMatching(/^AuBedrock12 error: .*SemanticMemoryStrategy is a built-in strategy: .*cross-Region inference outside Australia.*no SCP applies/),
      expect.stringMatching(/^AuBedrock12 error: .*SummaryMemoryStrategy is a built-in strategy/),
    ]);
    expect(report.violations[0].fix).toMatch(/built-in strategy with overrides/);
  });

  test('an override naming an apac. profile fails on that model', () => {
    const { app, stack } = sydneyApp();
    memory(stack, [{
      customMemoryStrategy: {
        name: 'facts',
        configuration: { semanticOverride: { extraction: { appendToPrompt: 'x', modelId: 'apac.anthropic.claude-sonnet-4-20250514-v1:0' } } },
      },
    }]);
    const report = validateApp(app);
    expect(summary(report, 'AuBedrock12')).toEqual([expect.stringMatching(/^AuBedrock12 error: .*override model "apac\.anthropic/)]);
    expect(report.violations.find((v) => v.ruleName === 'AuBedrock12')!.violatingResources[0].locations)
      .toEqual(['Properties/MemoryStrategies/0/CustomMemoryStrategy/Configuration/SemanticOverride/Extraction/ModelId']);
  });

  test('compliant: overrides naming au. profiles, a self-managed strategy, no strategy', () => {
    const { app, stack } = sydneyApp();
    memory(stack, [{
      customMemoryStrategy: {
        name: 'facts',
        configuration: {
          semanticOverride: {
            extraction: { appendToPrompt: 'x', modelId: AU_SONNET },
            consolidation: { appendToPrompt: 'x', modelId: AU_SONNET },
          },
          summaryOverride: { consolidation: { appendToPrompt: 'x', modelId: AU_SONNET } },
        },
      },
    }, {
      customMemoryStrategy: { name: 'own', configuration: { selfManagedConfiguration: { historicalContextWindowSize: 4 } } },
    }]);
    expect(summary(validateApp(app), 'AuBedrock12')).toEqual([]);
  });
});

describe('AuBedrock12: built-in evaluators', () => {
  const evaluation = (ids: string[]) => runRule(AU_BEDROCK_12, 'AWS::BedrockAgentCore::OnlineEvaluationConfig', {
    OnlineEvaluationConfigName: 'e', EvaluationExecutionRoleArn: 'arn:aws:iam::111122223333:role/r', Evaluators: ids.map((EvaluatorId) => ({ EvaluatorId })),
  });

  test('an online evaluation with a built-in evaluator fails; custom evaluators pass', () => {
    expect(evaluation(['Builtin.Helpfulness', 'arn:aws:bedrock-agentcore:ap-southeast-2:111122223333:evaluator/mine-1a2b3c'])).toEqual([
      expect.objectContaining({ severity: 'error', location: 'Properties/Evaluators/0/EvaluatorId', message: expect.stringMatching(/^Builtin\.Helpfulness is a built-in evaluator/) }),
    ]);
    expect(evaluation(['arn:aws:bedrock-agentcore:ap-southeast-2:111122223333:evaluator/mine-1a2b3c'])).toEqual([]);
  });
});

describe('AuBedrock12 on template fragments', () => {
  test('odd input never throws', () => {
    for (const MemoryStrategies of [undefined, 'x', [null, 3, { CustomMemoryStrategy: 'x' }, { CustomMemoryStrategy: { Configuration: { SemanticOverride: 7 } } }]]) {
      expect(runRule(AU_BEDROCK_12, 'AWS::BedrockAgentCore::Memory', { MemoryStrategies })).toEqual([]);
    }
  });
});
