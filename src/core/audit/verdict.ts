import { EvaluationRequest } from '../evaluate/scp-evaluator';

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
