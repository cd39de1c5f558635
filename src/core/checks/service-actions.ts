import { SERVICE_ACTIONS } from './service-actions.generated';
import { DENIED_EVERYWHERE_PREFIXES } from '../surface/ai-surface';

/**
 * Action lists the rules judge, computed from the Service Authorization Reference
 * data (generated into `service-actions.generated.ts`), so a wildcard such as
 * `bedrock-agentcore:Invoke*` is expanded against the real action names and a
 * new action is picked up by regenerating, not by editing a list.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */

type ActionRow = readonly [string, string, readonly string[]];

function rows(prefix: string): readonly ActionRow[] {
  return SERVICE_ACTIONS[prefix] ?? [];
}

function names(prefix: string, keep: (row: ActionRow) => boolean): string[] {
  return rows(prefix).filter(keep).map(([name]) => `${prefix}:${name}`);
}

/** Access levels are `Write`, `Read`, `List`, `Tagging, Write`, `Permissions management, Write`. */
const writes = ([, level]: ActionRow) => level.split(',').map((l) => l.trim()).includes('Write');

/** Whether the generated data lists `prefix:Action` (case-insensitive, as IAM compares actions). */
export function isKnownAction(action: string): boolean {
  const [prefix, name] = action.split(':');
  return rows(prefix).some(([n]) => n.toLowerCase() === (name ?? '').toLowerCase());
}

/** A plain read of something stored: a Read- or List-level action named `Get…` or `List…`. */
const plainRead = ([name, level]: ActionRow) => !writes([name, level, []]) && /^(Get|List)[A-Z]/.test(name);

/**
 * AgentCore actions that send data to the service: every action but plain
 * reads. That keeps Write-level actions (CreateEvent, InvokeAgentRuntime,
 * StartBrowserSession, Evaluate...) and also those the reference files under
 * Read or List although they carry content: InvokeRegistryMcp,
 * RetrieveMemoryRecords (a search query), SearchRegistryRecords,
 * ConnectBrowserAutomationStream.
 */
export const AGENTCORE_DATA_ACTIONS: readonly string[] = names('bedrock-agentcore', (r) => !plainRead(r));

/**
 * Claude Platform on AWS actions that send data to Anthropic: every Write-level
 * action (CreateInference, CountTokens, CreateFile, CreateSession...). Read and
 * List actions, and CallWithBearerToken on its own, send no prompt.
 */
export const CLAUDE_PLATFORM_DATA_ACTIONS: readonly string[] = names('aws-external-anthropic', writes);

/**
 * AWS Agent Registry actions that send data to the registry: every action but
 * plain reads, so record creation and update (embedded), search (directly and
 * through the MCP endpoint) and approval.
 */
export const AGENT_REGISTRY_DATA_ACTIONS: readonly string[] = names('agent-registry', (r) => !plainRead(r));

/**
 * The services the AI surface table denies in every Region, other than Claude
 * Platform on AWS (which has its own rule): their Write-level actions, which
 * send them data. Today: Amazon Nova Act (`CreateAct`, `InvokeActStep`...).
 */
export const NO_AUSTRALIAN_PROCESSING_PREFIXES: readonly string[] = DENIED_EVERYWHERE_PREFIXES.filter((p) => p !== 'aws-external-anthropic');
export const NO_AUSTRALIAN_PROCESSING_DATA_ACTIONS: readonly string[] = NO_AUSTRALIAN_PROCESSING_PREFIXES.flatMap((p) => names(p, writes));

/** Web search for models: every action (InvokeSearch, InvokeFetch, ExternalWebAccess) carries a query. */
export const WEB_SEARCH_ACTIONS: readonly string[] = names('bedrock-websearch', () => true);

/**
 * Bedrock actions that use a guardrail profile: applying a guardrail through it
 * and configuring a guardrail to use it. Resource-policy actions are left out.
 */
export const GUARDRAIL_PROFILE_ACTIONS: readonly string[] = names('bedrock',
  ([name, , types]) => types.includes('guardrail-profile') && !name.endsWith('ResourcePolicy'));

/** Bedrock Data Automation actions that run through a data-automation profile. */
export const DATA_AUTOMATION_PROFILE_ACTIONS: readonly string[] = names('bedrock',
  ([, , types]) => types.includes('data-automation-profile'));
