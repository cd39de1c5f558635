import {
  ChainAnalysis, Clause, arnInstances, clausesOn, instances, resourcePatterns,
} from './chain-analysis';
import { isDeniedEverywhere, isPartlyGoverned, profileKeyActions, resourceArn, resourceTypeOf, SurfaceAction } from './service-surface';
import { evaluateCondition, UnsupportedPolicyError } from '../evaluate/condition-operators';
import { EvaluationRequest, statementActionApplies, statementResourceApplies } from '../evaluate/scp-evaluator';
import { wildcardMatch } from '../evaluate/wildcard';
import { AUSTRALIA } from '../geography';
import { SYSTEM_PROFILE_PREFIXES } from '../inference-profiles';
import { COMMERCIAL_REGIONS, MELBOURNE, SYDNEY, UNSPECIFIED_REGION } from '../regions';

/**
 * The audit's standard, applied to requests generated from the chain itself.
 *
 * Must be denied (for every ordinary principal, whatever else the request carries):
 * - any action of a prefix the AI surface table marks Region-governed (`bedrock`,
 *   `bedrock-mantle`, `bedrock-agentcore`, `bedrock-websearch`, `agent-registry`)
 *   in a Region outside Sydney and Melbourne, or with `aws:RequestedRegion` = `unspecified`;
 * - any action of a prefix it marks denied everywhere (Claude Platform on AWS,
 *   Amazon Nova Act) anywhere;
 * - SageMaker endpoint invocation (`sagemaker:InvokeEndpoint*`, how Bedrock
 *   Marketplace models are reached without a `bedrock:` action) outside Sydney and Melbourne;
 * - any model leg carrying `bedrock:InferenceProfileArn` of a profile that is not `au.`
 *   (or of an application profile the chain does not name), in any Region;
 * - Apply/Invoke calls on guardrail profiles and data-automation profiles other than `au.`;
 * - calls without an inference profile in an Australian Region that is not an allowed origin.
 *
 * Must stay open (for an ordinary workload role): on-demand model calls in each allowed
 * origin, `au.` profile calls (profile check and model legs in Sydney and Melbourne),
 * guardrails and `au.guardrail.v1:0` in Sydney.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-cross-region-support.html
 */
export interface StandardOptions {
  /** Australian Regions from which calls may originate. @default ['ap-southeast-2'] */
  readonly allowedRegions?: readonly string[];
  /** The account the probes run in. @default '111111111111' */
  readonly account?: string;
}

export type PrincipalClass = 'ordinary' | 'named';
export type ProfileClass = 'none' | 'au' | 'foreign' | 'vouched';
export type RegionClass = 'origin' | 'australia' | 'abroad';

/** A generated request and what the standard expects of it. */
export interface DerivedProbe {
  readonly id: string;
  readonly description: string;
  readonly expect: 'Allowed' | 'Denied';
  /** Must-deny probes: the request. Must-allow probes: the first variant. */
  readonly request: EvaluationRequest;
  /** Must-allow probes: the path is open when any variant is allowed (conditions a workload can meet). */
  readonly variants?: readonly EvaluationRequest[];
}

export const PROBE_ACCOUNT = '111111111111';
const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const NOVA = 'amazon.nova-pro-v1:0';
const UNMENTIONED = 'cdk-sovereign-bedrock-audit-unmentioned';

/** The principal probes run as by default: an ordinary workload role. */
export function workloadPrincipal(account: string): string {
  return `arn:aws:iam::${account}:role/cdk-sovereign-bedrock-audit-probe`;
}

/**
 * Principals any account has that a residency exemption must not cover: a
 * workload role, an IAM Identity Center permission-set role, an IAM user and a
 * service role. An exemption that matches one of them is broad.
 */
export function ordinaryPrincipals(account: string): string[] {
  return [
    workloadPrincipal(account),
    `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_PowerUserAccess_0123456789abcdef`,
    `arn:aws:iam::${account}:user/developer`,
    `arn:aws:iam::${account}:role/service-role/AmazonBedrockExecutionRoleForAgents_audit`,
  ];
}

/** Keys every request carries: their absence is not a request AWS would make. */
const ALWAYS_PRESENT = new Set([
  'aws:requestedregion', 'aws:principalarn', 'aws:principalaccount', 'aws:principalorgid', 'aws:principalorgpaths',
  'aws:principaltype', 'aws:userid', 'aws:currenttime', 'aws:epochtime', 'aws:securetransport',
  'aws:principalisawsservice', 'aws:viaawsservice',
]);

const REGION_KEY = 'aws:requestedregion';
const PROFILE_KEY = 'bedrock:inferenceprofilearn';
const PRINCIPAL_KEY = 'aws:principalarn';
const AXIS_KEYS = new Set([REGION_KEY, PROFILE_KEY, PRINCIPAL_KEY]);

type Value = string | string[] | undefined;

function baseOperator(op: string): string {
  const rest = op.includes(':') ? op.slice(op.indexOf(':') + 1) : op;
  return rest.endsWith('IfExists') ? rest.slice(0, -'IfExists'.length) : rest;
}

function signature(clauses: readonly Clause[], context: Record<string, Value>): string {
  const ctx = Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
  return clauses.map((c) => (evaluateCondition(c.operator, c.key, c.values, ctx) ? '1' : '0')).join('');
}

/** Keeps one candidate per (class, signature): members of a class are decided alike by the chain. */
function dedupe<T>(items: readonly T[], keyOf: (t: T) => string): { item: T; alike: number }[] {
  const seen = new Map<string, { item: T; alike: number }>();
  for (const item of items) {
    const k = keyOf(item);
    const hit = seen.get(k);
    if (hit) hit.alike++;
    else seen.set(k, { item, alike: 1 });
  }
  return [...seen.values()];
}

/** Values worth trying for a condition key the chain mentions: its values, near misses, one it does not mention, absence. */
function keyValues(clauses: readonly Clause[], keyLower: string): Value[] {
  const values = new Set<string>();
  for (const c of clauses) {
    const base = baseOperator(c.operator);
    for (const v of c.values) {
      if (base.startsWith('Numeric')) {
        const n = Number(v);
        values.add(v);
        if (!Number.isNaN(n)) [n - 1, n + 1].forEach((x) => values.add(String(x)));
      } else if (base.startsWith('Date')) {
        const t = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
        values.add(v);
        if (!Number.isNaN(t)) [t - 1000, t + 1000].forEach((x) => values.add(new Date(x).toISOString()));
      } else if (base.endsWith('IpAddress')) {
        values.add(v.split('/')[0]);
      } else if (base === 'Bool') {
        values.add('true');
        values.add('false');
      } else if (base !== 'Null') {
        // The literal itself (what an equality operator matches) and what it stands for as a pattern.
        values.add(v);
        instances(v).forEach((x) => values.add(x));
      }
    }
  }
  const ops = clauses.map((c) => baseOperator(c.operator));
  if (ops.some((o) => o.endsWith('IpAddress'))) values.add('198.51.100.77');
  else if (ops.some((o) => o.startsWith('Numeric'))) values.add('987654321');
  else if (ops.some((o) => o.startsWith('Date'))) values.add('2001-01-01T00:00:00Z');
  else if (ops.some((o) => o === 'Bool')) ['true', 'false'].forEach((b) => values.add(b));
  else values.add(UNMENTIONED);
  const multi = clauses.some((c) => c.operator.includes(':'));
  const out: Value[] = multi ? [...values].map((v) => [v]) : [...values];
  if (multi) out.push([...values]);
  if (!ALWAYS_PRESENT.has(keyLower)) out.push(undefined);
  return out;
}

interface KeyDimension { readonly key: string; readonly variants: { item: Value; alike: number }[] }

function extraDimensions(analysis: ChainAnalysis): KeyDimension[] {
  const keys = new Map<string, string>();
  for (const s of analysis.covered) for (const c of s.clauses) if (!AXIS_KEYS.has(c.keyLower) && !keys.has(c.keyLower)) keys.set(c.keyLower, c.key);
  return [...keys.entries()].sort().map(([lower, key]) => {
    const clauses = clausesOn(analysis, lower);
    return { key, variants: dedupe(keyValues(clauses, lower), (v) => signature(clauses, { [key]: v })) };
  });
}

const MAX_COMBINATIONS = 4096;

/** Every combination of the extra keys' variants, as context fragments. */
function combinations(dims: readonly KeyDimension[]): Record<string, Value>[] {
  const total = dims.reduce((n, d) => n * d.variants.length, 1);
  if (total > MAX_COMBINATIONS) {
    throw new UnsupportedPolicyError(`the chain's conditions on ${dims.map((d) => d.key).join(', ')} combine into ${total} cases, more than the audit enumerates (${MAX_COMBINATIONS})`);
  }
  let out: Record<string, Value>[] = [{}];
  for (const d of dims) out = out.flatMap((ctx) => d.variants.map((v) => ({ ...ctx, [d.key]: v.item })));
  return out;
}

function clean(context: Record<string, Value>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
}

function describeExtras(extra: Record<string, Value>): string {
  const parts = Object.entries(extra).map(([k, v]) => (v === undefined ? `no ${k}` : `${k}=${Array.isArray(v) ? `[${v.join(',')}]` : v}`));
  return parts.length > 0 ? ` with ${parts.join(', ')}` : '';
}

function profileArn(region: string, account: string, prefix: string): string {
  return `arn:aws:bedrock:${region}:${account}:inference-profile/${prefix}${SONNET}`;
}

/** Which kind of inference profile a `bedrock:InferenceProfileArn` value names. */
export function profileClass(value: string | undefined, vouched: ReadonlySet<string>): ProfileClass {
  if (value === undefined) return 'none';
  const m = /^arn:aws:bedrock:[^:]*:[^:]*:(inference-profile|application-inference-profile)\/(.+)$/.exec(value);
  if (!m) return 'foreign';
  if (m[1] === 'inference-profile') return m[2].startsWith(AUSTRALIA.profilePrefix) ? 'au' : 'foreign';
  return vouched.has(value) ? 'vouched' : 'foreign';
}

/**
 * Application profiles the chain names literally in a condition on
 * `bedrock:InferenceProfileArn`: the owner vouches for what they wrap (their
 * ARN carries no geography). A wildcard over application profiles vouches for nothing.
 */
export function vouchedApplicationProfiles(analysis: ChainAnalysis): Set<string> {
  return new Set(clausesOn(analysis, PROFILE_KEY).flatMap((c) => c.values)
    .filter((v) => /:application-inference-profile\//.test(v) && !v.includes('*') && !v.includes('?')));
}

function regionClass(region: string, origins: readonly string[]): RegionClass {
  if (origins.includes(region)) return 'origin';
  if (AUSTRALIA.homeRegions.includes(region)) return 'australia';
  return 'abroad';
}

function profileResourceClass(type: string, arn: string): 'au' | 'foreign' | 'other' {
  if (type !== 'guardrail-profile' && type !== 'data-automation-profile') return 'other';
  const id = arn.slice(arn.indexOf(`${type}/`) + type.length + 1);
  return id.startsWith(AUSTRALIA.profilePrefix) ? 'au' : 'foreign';
}

function idsFor(type: string): string[] {
  switch (type) {
    case 'inference-profile': return SYSTEM_PROFILE_PREFIXES.map((p) => `${p}${SONNET}`);
    case 'guardrail-profile': return SYSTEM_PROFILE_PREFIXES.map((p) => `${p}guardrail.v1:0`);
    case 'data-automation-profile': return SYSTEM_PROFILE_PREFIXES.map((p) => `${p}data-automation-v1`);
    case 'foundation-model': return [NOVA, SONNET];
    default: return ['audit-probe'];
  }
}

interface ActionGroup {
  readonly prefix: string;
  readonly members: SurfaceAction[];
  readonly profileKey: boolean;
}

/** Actions the chain cannot tell apart (same statements match them) share one group. */
function actionGroups(analysis: ChainAnalysis): ActionGroup[] {
  const keyed = profileKeyActions();
  const groups = new Map<string, ActionGroup>();
  for (const a of analysis.surface) {
    const profileKey = keyed.has(a.action);
    const invocation = /^(Apply|Invoke)/.test(a.name);
    const sig = analysis.covered.map((s) => (statementActionApplies(s.statement, a.action) ? '1' : '0')).join('');
    const k = `${a.prefix}|${profileKey}|${invocation}|${sig}`;
    const g = groups.get(k);
    if (g) g.members.push(a);
    else groups.set(k, { prefix: a.prefix, members: [a], profileKey });
  }
  return [...groups.values()];
}

/** Regions the chain cannot tell apart (and the standard treats alike) share one representative. */
function regionRepresentatives(analysis: ChainAnalysis, origins: readonly string[]): { item: string; alike: number }[] {
  const clauses = clausesOn(analysis, REGION_KEY);
  const patterns = resourcePatterns(analysis).filter((p) => p !== '*');
  const all = ['us-east-1', ...COMMERCIAL_REGIONS.filter((r) => r !== 'us-east-1'), UNSPECIFIED_REGION];
  // A resource pattern that is not an ARN could mention a Region anywhere: probe every Region then.
  if (patterns.some((p) => !p.startsWith('arn:'))) return all.map((item) => ({ item, alike: 1 }));
  return dedupe(all, (r) => {
    const arnRegion = r === UNSPECIFIED_REGION ? '' : r;
    const resourceSig = patterns.map((p) => {
      const part = p.split(':')[3];
      return part === undefined || wildcardMatch(part, arnRegion, true) ? '1' : '0';
    }).join('');
    const standard = r === UNSPECIFIED_REGION ? 'unspecified' : regionClass(r, origins);
    const own = AUSTRALIA.homeRegions.includes(r) ? r : '';
    return `${standard}|${own}|${signature(clauses, { 'aws:RequestedRegion': r })}|${resourceSig}`;
  });
}

interface Candidate<T> { readonly item: T; readonly alike: number }

/**
 * Generates, from a chain and the Service Authorization Reference extract, the
 * requests the standard decides: must-deny probes (every combination that
 * matters) and must-allow probes (the Australian paths).
 */
export function deriveProbes(analysis: ChainAnalysis, options: StandardOptions = {}): DerivedProbe[] {
  const account = options.account ?? PROBE_ACCOUNT;
  const origins = (options.allowedRegions ?? AUSTRALIA.defaultOriginRegions).filter((r) => AUSTRALIA.homeRegions.includes(r));
  const workload = workloadPrincipal(account);
  const vouched = vouchedApplicationProfiles(analysis);
  const extras = combinations(extraDimensions(analysis));

  // Principals: the ordinary ones, and one for each pattern the chain names.
  const principalClauses = clausesOn(analysis, PRINCIPAL_KEY);
  const ordinary = ordinaryPrincipals(account);
  const named = principalClauses.flatMap((c) => c.values).flatMap((v) => [v, ...arnInstances(v, '', account)]).filter((p) => !ordinary.includes(p));
  const principals = dedupe<{ arn: string; cls: PrincipalClass }>(
    [...ordinary.map((arn) => ({ arn, cls: 'ordinary' as const })), ...named.map((arn) => ({ arn, cls: 'named' as const }))],
    (p) => `${p.cls}|${signature(principalClauses, { 'aws:PrincipalArn': p.arn })}`,
  );

  // Inference profiles a model leg may carry.
  const profileClauses = clausesOn(analysis, PROFILE_KEY);
  const profileValues: (string | undefined)[] = [
    undefined,
    ...SYSTEM_PROFILE_PREFIXES.map((p) => profileArn(SYDNEY, account, p)),
    profileArn(MELBOURNE, account, AUSTRALIA.profilePrefix),
    profileArn('us-east-1', account, 'us.'),
    `arn:aws:bedrock:${SYDNEY}:${account}:application-inference-profile/zz00audit000`,
    ...profileClauses.flatMap((c) => c.values).flatMap((v) => [v, ...arnInstances(v, SYDNEY, account, 'bedrock')]),
  ];
  const profiles = dedupe(profileValues, (v) => `${profileClass(v, vouched)}|${signature(profileClauses, { 'bedrock:InferenceProfileArn': v })}`);
  const noProfile = profiles.filter((p) => p.item === undefined);

  const probes: DerivedProbe[] = [];
  const patterns = resourcePatterns(analysis);
  const regions = regionRepresentatives(analysis, origins);

  for (const group of actionGroups(analysis)) {
    const types = new Map<string, SurfaceAction>();
    for (const m of group.members) for (const t of m.resourceTypes.length > 0 ? m.resourceTypes : ['*']) if (!types.has(t)) types.set(t, m);
    const groupNote = group.members.length > 1 ? ` (and ${group.members.length - 1} other ${group.prefix} actions the chain treats alike)` : '';

    for (const { item: region, alike: regionsAlike } of regions) {
      const arnRegion = region === UNSPECIFIED_REGION ? '' : region;
      const rClass = region === UNSPECIFIED_REGION ? 'abroad' : regionClass(region, origins);
      // Resources of every type the group accepts, plus every instance of a pattern the chain names.
      const raw: { type: string; arn: string; action: SurfaceAction }[] = [];
      for (const [type, action] of types) {
        if (type === '*') {
          raw.push({ type, arn: '*', action });
          continue;
        }
        for (const id of idsFor(type)) {
          const arn = resourceArn(group.prefix, type, arnRegion, account, id);
          if (arn) raw.push({ type, arn, action });
        }
      }
      for (const p of patterns) {
        for (const arn of arnInstances(p, arnRegion, account, group.prefix)) {
          const type = resourceTypeOf(group.prefix, arn);
          const action = type ? types.get(type) : undefined;
          if (type && action) raw.push({ type, arn, action });
        }
      }
      const resources = dedupe(raw, (r) => `${r.type === '*' ? '*' : ''}|${profileResourceClass(r.type, r.arn)}|${
        analysis.covered.map((s) => (statementResourceApplies(s.statement, r.arn) ? '1' : '0')).join('')}`);

      for (const { item: res } of resources) {
        const keys: Candidate<string | undefined>[] = group.profileKey && res.type !== '*' ? profiles : noProfile;
        for (const { item: key } of keys) {
          const kClass = profileClass(key, vouched);
          for (const { item: principal } of principals) {
            const expect = expectation(group.prefix, rClass, kClass, principal.cls, res.action.name, profileResourceClass(res.type, res.arn));
            if (!expect) continue;
            for (const extra of extras) {
              const context = clean({ ...extra, 'aws:PrincipalArn': principal.arn, 'aws:RequestedRegion': region, 'bedrock:InferenceProfileArn': key });
              const where = regionsAlike > 1 ? `${region} (and ${regionsAlike - 1} other Regions the chain treats alike)` : region;
              const through = key ? ` through ${key}` : '';
              const as = principal.arn === workload ? '' : ` as ${principal.arn}`;
              probes.push({
                id: `deny:${res.action.action}:${res.type}:${region}:${key ?? 'no-profile'}:${principal.arn}${describeExtras(extra)}`,
                description: `${res.action.action}${groupNote} on ${res.arn} in ${where}${through}${as}${describeExtras(extra)}`,
                expect,
                request: { action: res.action.action, resource: res.arn, context },
              });
            }
          }
        }
      }
    }
  }
  return [...mustAllowProbes(account, origins, extras), ...probes];
}

/** The standard's verdict on one generated request: 'Denied', or undefined when either answer is acceptable. */
function expectation(
  prefix: string, region: RegionClass, profile: ProfileClass, principal: PrincipalClass, actionName: string, profileResource: 'au' | 'foreign' | 'other',
): 'Denied' | undefined {
  // A principal the chain exempts by name is a named escape hatch, reported on its own.
  if (principal === 'named') return undefined;
  if (isDeniedEverywhere(prefix)) return 'Denied';
  if (region === 'abroad') return 'Denied';
  // SageMaker endpoint invocation (Bedrock Marketplace) is judged abroad only: Australia is its own business.
  if (isPartlyGoverned(prefix)) return undefined;
  if (profile === 'foreign') return 'Denied';
  if (profile !== 'none') return undefined;
  if (profileResource === 'foreign' && /^(Apply|Invoke)/.test(actionName)) return 'Denied';
  if (region === 'australia') return 'Denied';
  return undefined;
}

/** The Australian paths that must stay open for an ordinary workload role. */
function mustAllowProbes(account: string, origins: readonly string[], extras: readonly Record<string, Value>[]): DerivedProbe[] {
  const principal = workloadPrincipal(account);
  const fm = (region: string, id: string) => `arn:aws:bedrock:${region}::foundation-model/${id}`;
  const out: DerivedProbe[] = [];
  const add = (id: string, description: string, action: string, resource: string, region: string, profile?: string) => {
    const variants = extras.map((extra) => ({
      action, resource, context: clean({ ...extra, 'aws:PrincipalArn': principal, 'aws:RequestedRegion': region, 'bedrock:InferenceProfileArn': profile }),
    }));
    out.push({ id, description, expect: 'Allowed', request: variants[0], variants });
  };
  for (const origin of origins) {
    const au = profileArn(origin, account, AUSTRALIA.profilePrefix);
    for (const action of ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']) {
      const verb = action === 'bedrock:InvokeModel' ? 'InvokeModel' : 'InvokeModelWithResponseStream';
      add(`allow:on-demand:${origin}:${verb}`, `On-demand ${NOVA} in ${origin} (${verb})`, action, fm(origin, NOVA), origin);
      add(`allow:au-profile-check:${origin}:${verb}`, `au. Sonnet 4.5 from ${origin}: profile check (${verb})`, action, au, origin);
      for (const leg of AUSTRALIA.homeRegions) {
        add(`allow:au-leg:${origin}:${leg}:${verb}`, `au. Sonnet 4.5 from ${origin}: model leg served in ${leg} (${verb})`, action, fm(leg, SONNET), leg, au);
      }
    }
  }
  if (origins.includes(SYDNEY)) {
    add('allow:guardrail:ap-southeast-2', `ApplyGuardrail with a guardrail in ${SYDNEY}`, 'bedrock:ApplyGuardrail',
      `arn:aws:bedrock:${SYDNEY}:${account}:guardrail/audit-probe`, SYDNEY);
    add('allow:au-guardrail-profile:ap-southeast-2', `ApplyGuardrail through the au.guardrail.v1:0 guardrail profile in ${SYDNEY}`, 'bedrock:ApplyGuardrail',
      `arn:aws:bedrock:${SYDNEY}:${account}:guardrail-profile/au.guardrail.v1:0`, SYDNEY);
  }
  return out;
}
