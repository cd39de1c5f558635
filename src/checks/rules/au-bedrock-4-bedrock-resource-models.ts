import { CheckRule, RuleFinding } from '../../core/checks/findings';
import { resolveString } from '../../core/checks/intrinsics';
import { judgeModelReference } from '../../core/checks/model-reference';
import { TemplateContext, locationOf } from '../../core/checks/template';

const ID = 'AuBedrock4';

/**
 * Property names (compared case-insensitively, because a flow's JSON
 * `DefinitionString` may use the API's camelCase) that hold a model ID, profile
 * ID or ARN, per resource type. They are looked for at any depth: agents carry
 * models in prompt overrides too, flows in every prompt and knowledge-base node.
 */
const MODEL_KEYS: Readonly<Record<string, readonly string[]>> = {
  'AWS::Bedrock::Agent': ['foundationmodel'],
  'AWS::Bedrock::KnowledgeBase': ['embeddingmodelarn'],
  'AWS::Bedrock::Flow': ['modelid', 'modelarn'],
  'AWS::Bedrock::ApplicationInferenceProfile': ['copyfrom'],
  'AWS::Bedrock::Prompt': ['modelid'],
  'AWS::Bedrock::DataSource': ['modelarn'],
  'AWS::Bedrock::IntelligentPromptRouter': ['modelarn'],
};

const FLOW_TEXT_KEYS: readonly string[] = ['DefinitionString', 'DefinitionSubstitutions', 'DefinitionS3Location'];

/** `${Name}` placeholders of a flow's DefinitionString, replaced as CloudFormation does. */
function substitute(text: string, substitutions: unknown): string {
  if (typeof substitutions !== 'object' || substitutions === null) return text;
  return text.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    const v = (substitutions as Record<string, unknown>)[name];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : whole;
  });
}

function walk(
  value: unknown, at: string, keys: readonly string[], ctx: TemplateContext, findings: RuleFinding[], substitutions?: unknown,
): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, locationOf(at, i), keys, ctx, findings, substitutions));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const where = locationOf(at, key);
    if (!keys.includes(key.toLowerCase())) {
      if (key !== 'Tags') walk(child, where, keys, ctx, findings, substitutions);
      continue;
    }
    const resolved = resolveString(typeof child === 'string' ? substitute(child, substitutions) : child, ctx);
    if (!resolved) continue;
    const problem = judgeModelReference(resolved, ctx);
    if (problem) findings.push({ ruleId: ID, severity: problem.severity, location: where, message: `${key} ${problem.message}`, fix: problem.fix });
  }
}

/** A flow defined as JSON text is read like the `Definition` object; one in S3 cannot be read. */
function walkFlowText(props: Readonly<Record<string, unknown>>, keys: readonly string[], ctx: TemplateContext, findings: RuleFinding[]): void {
  const text = props.DefinitionString;
  if (text !== undefined) {
    let parsed: unknown;
    try {
      parsed = typeof text === 'string' ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined) {
      findings.push({ ruleId: ID, severity: 'warning', location: 'Properties/DefinitionString', message: 'cannot verify the flow\'s models: DefinitionString is not JSON text the checks can read' });
    } else {
      walk(parsed, 'Properties/DefinitionString', keys, ctx, findings, props.DefinitionSubstitutions);
    }
  }
  if (props.DefinitionS3Location !== undefined) {
    findings.push({
      ruleId: ID,
      severity: 'warning',
      location: 'Properties/DefinitionS3Location',
      message: 'cannot verify the flow\'s models: the definition is in S3, outside the template',
      fix: 'Define the flow with Definition (or DefinitionString) so its models can be checked, or suppress with a reason.',
    });
  }
}

/**
 * AuBedrock4: Bedrock resources that name a model or inference profile that
 * serves calls outside Australia: an agent's foundation model, a knowledge
 * base's embedding model, a flow's or prompt's model, what an application
 * inference profile copies from (also data-source parsing models and prompt
 * router targets). Bare base model IDs are judged as on-demand in Sydney
 * against the Sydney model catalog, whose reason the finding quotes.
 */
export const AU_BEDROCK_4: CheckRule = {
  id: ID,
  name: 'Bedrock resources that name models outside Australia',
  description: 'An agent (FoundationModel), knowledge base (EmbeddingModelArn), flow (model IDs in its definition), prompt (variants\' ModelId), application inference profile (ModelSource.CopyFrom), data source or prompt router names a model that is not an au. profile, not a foundation model in Australia, or (as a bare ID) not on-demand in Sydney per the Sydney model catalog.',
  fix: 'Name an au. inference profile ID or ARN, or a model that is on-demand in ap-southeast-2 (SydneyModelCatalog.resolve gives the ID to use and alternatives).',
  check(resource, ctx) {
    const keys = MODEL_KEYS[resource.type];
    if (!keys) return [];
    const findings: RuleFinding[] = [];
    if (resource.type === 'AWS::Bedrock::Flow') {
      // DefinitionString is JSON text with its own substitutions; read it apart from the object form.
      const objectForm = Object.fromEntries(Object.entries(resource.properties).filter(([k]) => !FLOW_TEXT_KEYS.includes(k)));
      walk(objectForm, 'Properties', keys, ctx, findings);
      walkFlowText(resource.properties, keys, ctx, findings);
    } else {
      walk(resource.properties, 'Properties', keys, ctx, findings);
    }
    return findings;
  },
};
