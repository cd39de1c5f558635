import { CheckRule, RuleFinding } from '../../core/checks/findings';
import { resolveString } from '../../core/checks/intrinsics';
import { judgeModelReference } from '../../core/checks/model-reference';
import { TemplateContext, locationOf } from '../../core/checks/template';

const ID = 'AuBedrock12';

/**
 * Built-in memory strategies: AgentCore runs their extraction and
 * consolidation models itself, in a service account, and may use cross-Region
 * inference, including to Tokyo, Seoul, Osaka, Mumbai, Hyderabad and Singapore
 * from Sydney. No SCP sees those calls and CloudTrail does not say where they
 * were served.
 */
const BUILT_IN = ['SemanticMemoryStrategy', 'SummaryMemoryStrategy', 'UserPreferenceMemoryStrategy', 'EpisodicMemoryStrategy'];
/** "Built-in with overrides": the customer names the model, invoked with the memory's execution role. */
const OVERRIDES = ['SemanticOverride', 'SummaryOverride', 'UserPreferenceOverride', 'EpisodicOverride'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `ModelId` below an override, judged like the model of any Bedrock resource. */
function overrideModels(value: unknown, at: string, ctx: TemplateContext, findings: RuleFinding[]): void {
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const where = locationOf(at, key);
    if (key === 'ModelId') {
      const resolved = resolveString(child, ctx);
      const problem = resolved ? judgeModelReference(resolved, ctx) : undefined;
      if (problem) findings.push({ ruleId: ID, severity: problem.severity, location: where, message: `override model ${problem.message}`, fix: problem.fix });
    } else {
      overrideModels(child, where, ctx, findings);
    }
  }
}

/**
 * Built-in evaluators (`Builtin.Helpfulness`...) of an online evaluation: AgentCore
 * picks the Region that runs their judge model within the geography, and from
 * some Regions uses global cross-Region inference. Custom evaluators avoid it.
 */
function evaluatorFindings(evaluators: unknown, ctx: TemplateContext): RuleFinding[] {
  if (!Array.isArray(evaluators)) return [];
  return evaluators.flatMap((e, i) => {
    const id = isRecord(e) ? resolveString(e.EvaluatorId, ctx) : undefined;
    if (!id || !id.text.startsWith('Builtin.')) return [];
    return [{
      ruleId: ID,
      severity: 'error' as const,
      location: locationOf('Properties', 'Evaluators', i, 'EvaluatorId'),
      message: `${id.display} is a built-in evaluator: AgentCore runs its judge model through cross-Region inference, so the agent traces it reads may be processed outside Australia, where no SCP applies`,
      fix: 'Use a custom evaluator (arn:aws:bedrock-agentcore:ap-southeast-2:ACCOUNT:evaluator/ID) whose model is an au. inference profile or a model on-demand in Sydney.',
    }];
  });
}

/**
 * AuBedrock12: an AgentCore Memory with a built-in strategy (semantic,
 * summary, user preference, episodic) has its memory processed by models that
 * AgentCore may run in other Regions, beyond the reach of any SCP. A built-in
 * strategy with overrides runs the model the customer names instead: those
 * models are checked like any Bedrock resource's. Built-in evaluators of an
 * online evaluation configuration are judged the same way.
 *
 * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/cross-region-inference.html
 * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/memory-strategies.html
 * @see https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/evaluations-cross-region-inference.html
 */
export const AU_BEDROCK_12: CheckRule = {
  id: ID,
  name: 'AgentCore built-in memory strategies and evaluators',
  description: 'An AWS::BedrockAgentCore::Memory uses a built-in memory strategy (SemanticMemoryStrategy, SummaryMemoryStrategy, UserPreferenceMemoryStrategy, EpisodicMemoryStrategy), whose models AgentCore may run through cross-Region inference outside Australia where no SCP applies; or a built-in strategy with overrides names a model that is not an au. profile or a model in Australia; or an AWS::BedrockAgentCore::OnlineEvaluationConfig uses a built-in evaluator (Builtin.*), whose judge model runs through cross-Region inference.',
  fix: 'Use a built-in strategy with overrides (CustomMemoryStrategy with SemanticOverride, SummaryOverride, UserPreferenceOverride or EpisodicOverride) naming an au. inference profile, or a self-managed strategy.',
  check(resource, ctx) {
    if (resource.type === 'AWS::BedrockAgentCore::OnlineEvaluationConfig') return evaluatorFindings(resource.properties.Evaluators, ctx);
    if (resource.type !== 'AWS::BedrockAgentCore::Memory') return [];
    const strategies = resource.properties.MemoryStrategies;
    if (!Array.isArray(strategies)) return [];
    const findings: RuleFinding[] = [];
    strategies.forEach((strategy, i) => {
      if (!isRecord(strategy)) return;
      const at = locationOf('Properties', 'MemoryStrategies', i);
      for (const kind of BUILT_IN) {
        if (strategy[kind] === undefined) continue;
        findings.push({
          ruleId: ID,
          severity: 'error',
          location: locationOf(at, kind),
          message: `${kind} is a built-in strategy: AgentCore runs its extraction and consolidation models itself and may serve them through cross-Region inference outside Australia (from Sydney: Tokyo, Seoul, Osaka, Mumbai, Hyderabad, Singapore), where no SCP applies and CloudTrail does not record the Region`,
        });
      }
      const configuration = isRecord(strategy.CustomMemoryStrategy) ? strategy.CustomMemoryStrategy.Configuration : undefined;
      if (!isRecord(configuration)) return;
      for (const kind of OVERRIDES) {
        overrideModels(configuration[kind], locationOf(at, 'CustomMemoryStrategy', 'Configuration', kind), ctx, findings);
      }
    });
    return findings;
  },
};
