import { CheckRule } from '../../core/checks/findings';
import { AUSTRALIA } from '../../core/geography';
import { describeRegion } from '../../core/regions';

const ID = 'AuBedrock11';
const PREFIX = 'AWS::BedrockAgentCore::';

/**
 * AuBedrock11: AgentCore resources (runtimes, memories, gateways, browsers,
 * code interpreters, evaluators...) process what agents send them in the
 * Region they are created in. A stack that creates one outside Australia puts
 * that processing abroad. An environment-agnostic stack is a warning: its
 * Region is chosen at deployment.
 */
export const AU_BEDROCK_11: CheckRule = {
  id: ID,
  name: 'AgentCore resources outside Australia',
  description: 'An AWS::BedrockAgentCore::* resource in a stack whose Region is outside Australia; a warning when the stack is environment-agnostic (its Region is known only at deployment).',
  fix: 'Deploy AgentCore resources in a stack with env { region: "ap-southeast-2" } (or ap-southeast-4).',
  check(resource, ctx) {
    if (!resource.type.startsWith(PREFIX)) return [];
    const kind = resource.type.slice(PREFIX.length);
    if (ctx.region === undefined) {
      return [{
        ruleId: ID,
        severity: 'warning',
        location: 'Properties',
        message: `cannot verify: AgentCore ${kind} in an environment-agnostic stack, whose Region is chosen at deployment`,
      }];
    }
    if (AUSTRALIA.homeRegions.includes(ctx.region)) return [];
    return [{
      ruleId: ID,
      severity: 'error',
      location: 'Properties',
      message: `AgentCore ${kind} in ${describeRegion(ctx.region)}, outside Australia: what agents send it is processed there`,
    }];
  },
};
