import { AU_BEDROCK_1 } from './au-bedrock-1-unscoped-invocation';
import { AU_BEDROCK_2 } from './au-bedrock-2-foreign-inference-profiles';
import { AU_BEDROCK_3 } from './au-bedrock-3-foreign-foundation-models';
import { AU_BEDROCK_4 } from './au-bedrock-4-bedrock-resource-models';
import { AU_BEDROCK_5 } from './au-bedrock-5-mantle-outside-australia';
import { CheckRule } from '../../core/checks/findings';

export { AU_BEDROCK_1, AU_BEDROCK_2, AU_BEDROCK_3, AU_BEDROCK_4, AU_BEDROCK_5 };

/** Every rule, in ID order. */
export const ALL_RULES: readonly CheckRule[] = [AU_BEDROCK_1, AU_BEDROCK_2, AU_BEDROCK_3, AU_BEDROCK_4, AU_BEDROCK_5];
