import { Probe } from './probes';
import { EvaluationRequest, evaluateScpChain, PolicyLevel, UnsupportedPolicyError } from '../evaluate/scp-evaluator';

export enum Protection {
  /** Every probe decided as the posture requires. */
  PROTECTED = 'PROTECTED',
  /** Some probes decided wrongly: a leak, or an Australian path broken. */
  PARTIAL = 'PARTIAL',
  /** No call that must be denied is denied. */
  UNPROTECTED = 'UNPROTECTED',
  /** The management account: SCPs never apply to it. */
  NOT_COVERED = 'NOT_COVERED',
  /** The account could not be evaluated (unreadable policies, API failure). */
  ERROR = 'ERROR',
}

export interface ProbeOutcome {
  readonly id: string;
  readonly description: string;
  readonly expected: 'Allowed' | 'Denied';
  readonly actual: 'Allowed' | 'Denied';
  /** Deny statements that matched, as `policy/Sid`. */
  readonly deniedBy: string[];
  /** The request, for generated probes. */
  readonly request?: EvaluationRequest;
}

export interface AccountVerdict {
  readonly protection: Protection;
  /** Probes whose decision differed from the posture's. */
  readonly failures: ProbeOutcome[];
  readonly message?: string;
}

/**
 * Evaluates a chain against a fixed list of probes. The audit itself uses
 * `judgeChain`, which derives its probes from the chain; this stays for callers
 * with a hand-picked list.
 */
export function judgeAccount(levels: readonly PolicyLevel[], probes: readonly Probe[]): AccountVerdict {
  const outcomes: ProbeOutcome[] = [];
  try {
    for (const p of probes) {
      const r = evaluateScpChain(levels, p.request);
      outcomes.push({
        id: p.id,
        description: p.description,
        expected: p.expect,
        actual: r.decision === 'Allowed' ? 'Allowed' : 'Denied',
        deniedBy: r.deniedBy,
      });
    }
  } catch (e) {
    if (e instanceof UnsupportedPolicyError) return { protection: Protection.ERROR, failures: [], message: e.message };
    throw e;
  }
  const failures = outcomes.filter((o) => o.actual !== o.expected);
  const mustDeny = outcomes.filter((o) => o.expected === 'Denied');
  if (failures.length === 0) return { protection: Protection.PROTECTED, failures };
  if (mustDeny.every((o) => o.actual === 'Allowed')) return { protection: Protection.UNPROTECTED, failures };
  return { protection: Protection.PARTIAL, failures };
}
