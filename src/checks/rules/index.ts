import { AU_BEDROCK_1 } from './au-bedrock-1-unscoped-invocation';
import { AU_BEDROCK_10 } from './au-bedrock-10-data-automation';
import { AU_BEDROCK_11 } from './au-bedrock-11-agentcore-resources-outside-australia';
import { AU_BEDROCK_12 } from './au-bedrock-12-agentcore-memory-built-in-strategies';
import { AU_BEDROCK_13 } from './au-bedrock-13-broad-managed-policies';
import { AU_BEDROCK_14 } from './au-bedrock-14-policies-defined-elsewhere';
import { AU_BEDROCK_15 } from './au-bedrock-15-agent-registry-outside-australia';
import { AU_BEDROCK_16 } from './au-bedrock-16-no-australian-processing';
import { AU_BEDROCK_2 } from './au-bedrock-2-foreign-inference-profiles';
import { AU_BEDROCK_3 } from './au-bedrock-3-foreign-foundation-models';
import { AU_BEDROCK_4 } from './au-bedrock-4-bedrock-resource-models';
import { AU_BEDROCK_5 } from './au-bedrock-5-mantle-outside-australia';
import { AU_BEDROCK_6 } from './au-bedrock-6-agentcore-outside-australia';
import { AU_BEDROCK_7 } from './au-bedrock-7-claude-platform';
import { AU_BEDROCK_8 } from './au-bedrock-8-web-search';
import { AU_BEDROCK_9 } from './au-bedrock-9-guardrail-profiles';
import { CheckRule } from '../../core/checks/findings';

export {
  AU_BEDROCK_1, AU_BEDROCK_2, AU_BEDROCK_3, AU_BEDROCK_4, AU_BEDROCK_5, AU_BEDROCK_6, AU_BEDROCK_7,
  AU_BEDROCK_8, AU_BEDROCK_9, AU_BEDROCK_10, AU_BEDROCK_11, AU_BEDROCK_12, AU_BEDROCK_13, AU_BEDROCK_14,
  AU_BEDROCK_15, AU_BEDROCK_16,
};

/** Every rule, in ID order. */
export const ALL_RULES: readonly CheckRule[] = [
  AU_BEDROCK_1, AU_BEDROCK_2, AU_BEDROCK_3, AU_BEDROCK_4, AU_BEDROCK_5, AU_BEDROCK_6, AU_BEDROCK_7,
  AU_BEDROCK_8, AU_BEDROCK_9, AU_BEDROCK_10, AU_BEDROCK_11, AU_BEDROCK_12, AU_BEDROCK_13, AU_BEDROCK_14,
  AU_BEDROCK_15, AU_BEDROCK_16,
];
