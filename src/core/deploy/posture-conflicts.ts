import { ChainVerdict, judgeChain } from '../audit/judge-chain';
import { regionDenyRemedies, remedyLines } from '../audit/region-deny-remedy';
import { ProbeOutcome, Protection } from '../audit/verdict';
import { PolicyLevel } from '../evaluate/scp-evaluator';
import { ACCOUNT_ID } from '../identifiers';

/** One SCP of the posture being deployed, as the conflict check's properties carry it. */
export interface PostureDocument {
  readonly name: string;
  /** The policy document (JSON text or object). */
  readonly document: unknown;
}

export interface PostureOnTarget {
  readonly target: string;
  /** The chain evaluated: what is attached now, with the posture on the target in place of any older version. */
  readonly levels: PolicyLevel[];
  /** The audit's verdict over requests derived from the chain (failures carry their requests). */
  readonly verdict: ChainVerdict;
}

/**
 * The one place the deploy-time check evaluates: the SCPs already on the
 * target's path plus the posture's own documents on the target, judged as the
 * audit judges an account: requests derived from the chain and the Service
 * Authorization Reference, evaluated with the library's evaluator. Policies already attached under
 * a posture policy's name are the previous version of that policy and are left
 * out: this deployment replaces them.
 */
export function evaluatePostureOnTarget(
  existing: readonly PolicyLevel[], posture: readonly PostureDocument[], target: string, allowedRegions?: readonly string[],
): PostureOnTarget {
  const replaced = new Set(posture.map((p) => p.name));
  const levels: PolicyLevel[] = existing.map((l, i) => ({
    id: l.id,
    policies: [
      ...l.policies.filter((p) => !(i === existing.length - 1 && replaced.has(p.name))),
      ...(i === existing.length - 1 ? posture : []),
    ],
  }));
  const verdict = judgeChain(levels, { allowedRegions, ...(ACCOUNT_ID.test(target) ? { account: target } : {}) });
  return { target, levels, verdict };
}

/**
 * Each failed probe as a sentence naming what decides it and what to change;
 * probes that stay allowed share one cause (the posture does not apply to
 * workload roles), so they share one sentence.
 */
function findingLines(result: PostureOnTarget, postureNames: ReadonlySet<string>): string[] {
  const remedies = regionDenyRemedies(result.levels, result.verdict.failures);
  // Requests denied for the same reason with the same fix (InvokeModel and its streaming form) share one sentence.
  const grouped = new Map<string, string[]>();
  for (const f of result.verdict.failures.filter((x: ProbeOutcome) => x.expected === 'Allowed')) {
    let sentence: string;
    if (f.deniedBy.length === 0) {
      sentence = 'would be implicitly denied: some level of the path has no SCP that allows it. Keep FullAWSAccess (or an equivalent Allow) attached at every level';
    } else {
      const fix = remedyLines(remedies.filter((r) => r.probe === f.id));
      const byPosture = f.deniedBy.every((d) => postureNames.has(d.slice(0, d.lastIndexOf('/'))));
      const advice = fix.length > 0 ? fix.join(' ')
        : byPosture ? 'The posture\'s own options deny it: check allowedRegions and allowedProfilePrefixes'
          : 'Narrow that statement so it leaves the Australian Regions and au. inference profiles alone, or detach it from this target';
      sentence = `would be denied by ${f.deniedBy.join(', ')}. Fix: ${advice}`;
    }
    grouped.set(sentence, [...(grouped.get(sentence) ?? []), f.description]);
  }
  const lines = [...grouped].map(([sentence, what]) => `${what[0]}${what.length > 1 ? ` (and ${what.length - 1} more like it)` : ''} ${sentence}`);
  const open = result.verdict.failures.filter((f) => f.expected === 'Denied');
  if (open.length > 0) {
    // The conditions that let workload roles past the denies, once each: the same exemption is repeated in each statement that carries it.
    const broad = new Map<string, string[]>();
    for (const h of result.verdict.escapeHatches.filter((x) => x.broad)) {
      const cond = `${h.operator} ${h.key} ${h.values.join(', ')}`;
      broad.set(cond, [...(broad.get(cond) ?? []), h.statement]);
    }
    const allowedCount = result.verdict.failures.filter((f) => f.expected === 'Allowed').length;
    const total = Math.max(open.length, result.verdict.failureCount - allowedCount);
    lines.push(`the posture would not take effect for workload roles: ${total} request(s) that must be denied would stay allowed, `
      + `for example ${open[0].description}`
      + [...broad].map(([cond, statements]) => `. Broad exemption ${cond} in ${statements.length} statement(s), first ${statements[0]}`).join('')
      + '. Narrow exemptPrincipalArns to the break-glass roles, and check the posture\'s options');
  }
  return lines;
}

/** CloudFormation shows a limited status reason; long reports are cut with a count of what was left out. */
export const MAX_MESSAGE_CHARS = 3500;

function cap(lines: string[]): string {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.length > MAX_MESSAGE_CHARS && out.length > 0) {
      out.push(`… and ${lines.length - i} more`);
      break;
    }
    out.push(line);
    used += line.length + 2;
  }
  return out.join('; ');
}

/**
 * The check's report, or undefined when the posture and what is already
 * attached agree on every target. The management account is named apart: SCPs
 * never apply to it, so a posture aimed at it cannot take effect at all.
 */
export function conflictReport(
  results: readonly PostureOnTarget[], posture: readonly PostureDocument[], managementAccountId?: string,
): string | undefined {
  const names = new Set(posture.map((p) => p.name));
  const lines: string[] = [];
  for (const r of results) {
    if (managementAccountId && r.target === managementAccountId) {
      lines.push(`${r.target} is the organization's management account: SCPs never apply to it, so the posture cannot take effect there. `
        + 'Move Bedrock workloads to a member account and target that account or its OU');
      continue;
    }
    if (r.verdict.protection === Protection.PROTECTED) continue;
    if (r.verdict.protection === Protection.ERROR) {
      lines.push(`${r.target}: the SCPs on its path could not be evaluated (${r.verdict.message})`);
      continue;
    }
    for (const l of findingLines(r, names)) lines.push(`${r.target}: ${l.replace(/\.$/, '')}`);
  }
  return lines.length === 0 ? undefined : cap(lines);
}
