import { analyseChain, ChainAnalysis } from './chain-analysis';
import {
  deriveProbes, ordinaryPrincipals, PROBE_ACCOUNT, StandardOptions, vouchedApplicationProfiles, workloadPrincipal,
} from './derived-probes';
import { AccountVerdict, ProbeOutcome, Protection } from './verdict';
import { evaluateCondition, UnsupportedPolicyError } from '../evaluate/condition-operators';
import { evaluateScpChain, PolicyLevel } from '../evaluate/scp-evaluator';

/** What kind of condition switches a deny off. */
export type EscapeHatchKind = 'principal-arn' | 'principal-tag' | 'network' | 'application-inference-profile' | 'condition-key';

/**
 * A condition under which a deny that guards the governed surface stops
 * applying: the deny holds only while the condition is true, so whoever can
 * make it false passes.
 */
export interface EscapeHatch {
  readonly kind: EscapeHatchKind;
  /** Root, OU or account ID of the level whose policy carries it. */
  readonly level: string;
  readonly policy: string;
  /** `policy/Sid` */
  readonly statement: string;
  readonly operator: string;
  readonly key: string;
  readonly values: string[];
  /**
   * True when ordinary roles can fall under it: a principal pattern that matches
   * a workload, Identity Center or service role, or any condition a principal
   * can arrange for itself (tags, network path, other keys).
   */
  readonly broad: boolean;
  readonly note: string;
}

export interface ChainVerdict extends AccountVerdict {
  /** Conditions that switch a guarding deny off, with the policy and statement that carry them. */
  readonly escapeHatches: EscapeHatch[];
  /** Requests evaluated (must-deny and must-allow). */
  readonly probeCount: number;
  /** Probes decided against the standard, before truncation of `failures`. */
  readonly failureCount: number;
}

export interface JudgeOptions extends StandardOptions {
  /** Failures kept in the verdict (the count is always complete). @default 40 */
  readonly maxFailures?: number;
}

const BASE_KEYS = new Set(['aws:PrincipalArn', 'aws:RequestedRegion', 'bedrock:InferenceProfileArn']);

function pick(context: Readonly<Record<string, string | string[]>>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(context).filter(([k]) => BASE_KEYS.has(k)));
}

function kindOf(keyLower: string): EscapeHatchKind {
  if (keyLower === 'aws:principalarn') return 'principal-arn';
  if (keyLower.startsWith('aws:principaltag/')) return 'principal-tag';
  if (['aws:sourcevpce', 'aws:sourcevpc', 'aws:sourceip', 'aws:vpcsourceip'].includes(keyLower)) return 'network';
  return 'condition-key';
}

const NOTES: Record<EscapeHatchKind, string> = {
  'principal-arn': 'principals whose ARN makes this condition false are not denied',
  'principal-tag': 'anyone allowed to tag a principal can set this tag and leave the deny',
  'network': 'requests arriving by another network path are not denied',
  'application-inference-profile': 'legs through this application profile are not denied: the audit cannot see which profile it wraps; confirm it wraps an au. profile',
  'condition-key': 'requests for which this condition is false are not denied',
};

const GOVERNED_KEY = /^(bedrock|bedrock-mantle|bedrock-agentcore|bedrock-websearch|aws-external-anthropic):/;

/**
 * Every condition of a Deny statement that guards the surface, except the ones
 * that scope it to the paths it denies (`aws:RequestedRegion`, and
 * `bedrock:InferenceProfileArn` against system profile patterns).
 *
 * Conditions on the governed services' own keys (a model, a data-retention
 * mode) describe what a request asks for, not who makes it: they count only on
 * statements in `guarding`, those that deny a must-deny request as an ordinary
 * role makes it. Without `guarding`, every statement counts.
 */
export function escapeHatches(analysis: ChainAnalysis, account = PROBE_ACCOUNT, guarding?: ReadonlySet<string>): EscapeHatch[] {
  const ordinary = ordinaryPrincipals(account);
  const vouched = vouchedApplicationProfiles(analysis);
  const out: EscapeHatch[] = [];
  for (const s of analysis.covered) {
    if (s.effect !== 'Deny') continue;
    for (const c of s.clauses) {
      if (c.keyLower === 'aws:requestedregion') continue;
      if (guarding && !guarding.has(s.label) && GOVERNED_KEY.test(c.keyLower) && c.keyLower !== 'bedrock:inferenceprofilearn') continue;
      let kind = kindOf(c.keyLower);
      let values = c.values;
      if (c.keyLower === 'bedrock:inferenceprofilearn') {
        values = c.values.filter((v) => vouched.has(v));
        if (values.length === 0) continue;
        kind = 'application-inference-profile';
      }
      const broad = kind === 'principal-arn'
        ? ordinary.some((p) => !evaluateCondition(c.operator, c.key, c.values, { 'aws:PrincipalArn': p }))
        : kind !== 'application-inference-profile';
      out.push({
        kind,
        level: s.levelId,
        policy: s.policy,
        statement: s.label,
        operator: c.operator,
        key: c.key,
        values,
        broad,
        note: broad && kind === 'principal-arn' ? 'matches ordinary roles (workload, Identity Center or service roles): they are not denied' : NOTES[kind],
      });
    }
  }
  return out;
}

/** The chain reduced to the statements that can touch the surface: the others never match a probe. */
function reduced(analysis: ChainAnalysis): PolicyLevel[] {
  return analysis.levels.map((l) => ({
    id: l.id,
    policies: analysis.covered.filter((s) => s.levelId === l.id).length === 0
      ? [{ name: '(none)', document: { Statement: [] } }]
      : [...new Set(analysis.covered.filter((s) => s.levelId === l.id).map((s) => s.policy))].map((name) => ({
        name,
        // Each statement keeps its label (a Sid-less one its index in the original policy) for deniedBy.
        document: {
          Statement: analysis.covered.filter((s) => s.levelId === l.id && s.policy === name)
            .map((s) => ({ ...s.statement, Sid: s.label.slice(name.length + 1) })),
        },
      })),
  }));
}

/**
 * Judges one chain of service control policies (root first, account last)
 * against the audit's standard, with probes generated from the chain. This is
 * the entry point for anything that needs a verdict on a chain: the audit, and
 * deploy-time checks of a target's existing SCPs plus the posture.
 *
 * PROTECTED only when no generated request that must be denied is allowed and
 * every Australian path stays open; UNPROTECTED when no must-deny request is
 * denied; PARTIAL otherwise; ERROR when the chain cannot be read or enumerated.
 */
export function judgeChain(levels: readonly PolicyLevel[], options: JudgeOptions = {}): ChainVerdict {
  let analysis: ChainAnalysis;
  try {
    analysis = analyseChain(levels);
  } catch (e) {
    if (e instanceof UnsupportedPolicyError) return errorVerdict(e.message);
    throw e;
  }
  let probes;
  try {
    probes = deriveProbes(analysis, options);
  } catch (e) {
    if (e instanceof UnsupportedPolicyError) return errorVerdict(e.message, escapeHatches(analysis, options.account));
    throw e;
  }
  const chain = reduced(analysis);
  const workload = workloadPrincipal(options.account ?? PROBE_ACCOUNT);
  const guarding = new Set<string>();
  const seenBase = new Set<string>();
  const failures: ProbeOutcome[] = [];
  let mustDeny = 0;
  let denied = 0;
  for (const p of probes) {
    if (p.expect === 'Allowed') {
      const results = (p.variants ?? [p.request]).map((r) => evaluateScpChain(chain, r));
      if (!results.some((r) => r.decision === 'Allowed')) {
        failures.push({ id: p.id, description: p.description, expected: 'Allowed', actual: 'Denied', deniedBy: results[0].deniedBy, request: p.request });
      }
      continue;
    }
    mustDeny++;
    const r = evaluateScpChain(chain, p.request);
    // Statements that deny a must-deny request as an ordinary role makes it, with nothing extra in its context.
    const base = { ...p.request, context: { ...pick(p.request.context), 'aws:PrincipalArn': workload } };
    const baseKey = JSON.stringify(base);
    if (!seenBase.has(baseKey)) {
      seenBase.add(baseKey);
      evaluateScpChain(chain, base).deniedBy.forEach((label) => guarding.add(label));
    }
    if (r.decision === 'Allowed') failures.push({ id: p.id, description: p.description, expected: 'Denied', actual: 'Allowed', deniedBy: [], request: p.request });
    else denied++;
  }
  const hatches = escapeHatches(analysis, options.account, guarding);
  const max = options.maxFailures ?? 40;
  const base = { escapeHatches: hatches, probeCount: probes.length, failureCount: failures.length, failures: failures.slice(0, max) };
  if (failures.length === 0) return { protection: Protection.PROTECTED, ...base };
  if (mustDeny > 0 && denied === 0) return { protection: Protection.UNPROTECTED, ...base };
  return { protection: Protection.PARTIAL, ...base };
}

function errorVerdict(message: string, hatches: EscapeHatch[] = []): ChainVerdict {
  return { protection: Protection.ERROR, failures: [], message, escapeHatches: hatches, probeCount: 0, failureCount: 0 };
}

/**
 * Whether a chain's verdict can depend on the account it is attached to: it
 * names an account in an ARN, a key about accounts, or a digit outside an ARN.
 * Chains that cannot are judged once for every account that shares them.
 */
export function accountSensitive(analysis: ChainAnalysis): boolean {
  for (const s of analysis.covered) {
    const strings = [
      ...[s.statement.Resource, s.statement.NotResource].flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
      ...s.clauses.filter((c) => c.keyLower !== 'aws:requestedregion').flatMap((c) => c.values),
    ];
    if (s.clauses.some((c) => /account|orgpaths/.test(c.keyLower))) return true;
    for (const t of strings) {
      if (t.startsWith('arn:')) {
        const part = t.split(':')[4];
        if (part !== undefined && part !== '' && part !== '*' && part !== 'aws') return true;
      } else if (/\d/.test(t)) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether a policy has a statement that can apply to the governed surface.
 * Policies that cannot (most guardrails) never change a verdict, so chains that
 * differ only by them are the same chain to the audit. A policy that cannot be
 * read counts as touching it, so its chains are judged (and reported ERROR).
 */
export function touchesSurface(document: unknown, name: string): boolean {
  try {
    return analyseChain([{ id: 'level', policies: [{ name, document }] }]).covered.length > 0;
  } catch {
    return true;
  }
}

/**
 * Judges chains with memoisation: accounts that share a chain (the same
 * policies at every level) are judged once, unless the chain names accounts.
 */
export class ChainJudge {
  private readonly cache = new Map<string, ChainVerdict>();
  private judged = 0;

  constructor(private readonly options: JudgeOptions = {}) {}

  /** Chains evaluated so far (cache misses). */
  public get evaluations(): number {
    return this.judged;
  }

  /**
   * @param chainKey identifies the chain's content (policy IDs per level, root first)
   * @param account the account the chain governs
   */
  public judge(chainKey: string, levels: readonly PolicyLevel[], account: string): ChainVerdict {
    const shared = this.cache.get(chainKey);
    if (shared) return shared;
    const own = this.cache.get(`${chainKey}#${account}`);
    if (own) return own;
    let sensitive = false;
    try {
      sensitive = accountSensitive(analyseChain(levels));
    } catch {
      // judgeChain reports the problem.
    }
    this.judged++;
    const verdict = judgeChain(levels, { ...this.options, account: sensitive ? account : this.options.account });
    this.cache.set(sensitive ? `${chainKey}#${account}` : chainKey, verdict);
    return verdict;
  }
}
