import { surfaceActions, SurfaceAction } from './service-surface';
import {
  PolicyLevel, PolicyStatement, policyStatements, statementActionApplies, UnsupportedPolicyError,
} from '../evaluate/scp-evaluator';

/** One condition entry of a statement: `Operator: { key: values }`. */
export interface Clause {
  readonly operator: string;
  readonly key: string;
  /** Lower-cased key, for grouping (condition keys ignore case). */
  readonly keyLower: string;
  readonly values: string[];
}

/** A statement of the chain that can apply to some action of the governed surface. */
export interface CoveredStatement {
  /** Root, OU or account ID of the level that carries it. */
  readonly levelId: string;
  readonly policy: string;
  /** `policy/Sid`, or `policy/#index` without a Sid. */
  readonly label: string;
  readonly effect: 'Allow' | 'Deny';
  readonly statement: PolicyStatement;
  readonly clauses: Clause[];
}

/** A chain read once: its statements that touch the surface, and what they mention. */
export interface ChainAnalysis {
  /** The chain with every document parsed (the evaluator then never parses again). */
  readonly levels: PolicyLevel[];
  readonly covered: CoveredStatement[];
  readonly surface: SurfaceAction[];
}

function asList(v: unknown): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
}

/**
 * Parses every policy of the chain and keeps the statements whose Action or
 * NotAction reaches an action of the governed prefixes: only they can decide a
 * probe. Policy variables (`${...}`) in those statements make the request space
 * open-ended, so such a chain is refused (UnsupportedPolicyError) rather than
 * judged on a guess.
 */
export function analyseChain(levels: readonly PolicyLevel[]): ChainAnalysis {
  const surface = surfaceActions();
  const parsed: PolicyLevel[] = [];
  const covered: CoveredStatement[] = [];
  for (const level of levels) {
    const policies: { name: string; document: unknown }[] = [];
    for (const policy of level.policies) {
      const statements = policyStatements(policy.document, policy.name);
      policies.push({ name: policy.name, document: { Version: '2012-10-17', Statement: statements } });
      statements.forEach((s, i) => {
        if (!surface.some((a) => statementActionApplies(s, a.action))) return;
        const label = `${policy.name}/${s.Sid ?? `#${i}`}`;
        const clauses: Clause[] = [];
        for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
          for (const [key, values] of Object.entries(keys)) {
            clauses.push({ operator, key, keyLower: key.toLowerCase(), values: asList(values) });
          }
        }
        const texts = [...asList(s.Resource), ...asList(s.NotResource), ...clauses.flatMap((c) => c.values)];
        const variable = texts.find((t) => t.includes('${'));
        if (variable !== undefined) {
          throw new UnsupportedPolicyError(`${label}: policy variable in "${variable}"; the audit cannot enumerate the values it stands for`);
        }
        covered.push({ levelId: level.id, policy: policy.name, label, effect: s.Effect as 'Allow' | 'Deny', statement: s, clauses });
      });
    }
    parsed.push({ id: level.id, policies });
  }
  return { levels: parsed, covered, surface };
}

/** Every clause on a key (any case) among the covered statements. */
export function clausesOn(analysis: ChainAnalysis, keyLower: string): Clause[] {
  return analysis.covered.flatMap((s) => s.clauses.filter((c) => c.keyLower === keyLower));
}

/** Resource and NotResource patterns of the covered statements. */
export function resourcePatterns(analysis: ChainAnalysis): string[] {
  return [...new Set(analysis.covered.flatMap((s) => [...asList(s.statement.Resource), ...asList(s.statement.NotResource)]))];
}

/**
 * Concrete strings a wildcard pattern stands for: the pattern with `*` read as
 * nothing and as `zz`, `?` as `z`; a literal is itself.
 */
export function instances(pattern: string): string[] {
  if (!pattern.includes('*') && !pattern.includes('?')) return [pattern];
  return [...new Set([
    pattern.replace(/\*/g, '').replace(/\?/g, 'z'),
    pattern.replace(/\*/g, 'zz').replace(/\?/g, 'z'),
  ])];
}

/**
 * Instances of an ARN pattern for one Region and account: a wildcard Region or
 * account part takes the probe's own, so the carve-out is probed where it bites.
 */
export function arnInstances(pattern: string, region: string, account: string, service?: string): string[] {
  const parts = pattern.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return instances(pattern);
  const fill = (part: string, value: string) => (part.includes('*') || part.includes('?') ? value : part);
  const head = [parts[0], fill(parts[1], 'aws'), service ? fill(parts[2], service) : parts[2], fill(parts[3], region), fill(parts[4], account)];
  const tail = parts.slice(5).join(':');
  return instances(tail).map((t) => [...head, t].join(':')).flatMap((a) => instances(a));
}
