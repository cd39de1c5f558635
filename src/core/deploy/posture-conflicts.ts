import { Probe, postureProbes } from '../audit/probes';
import { regionDenyRemedies, remedyLines } from '../audit/region-deny-remedy';
import { AccountVerdict, judgeAccount, ProbeOutcome, Protection } from '../audit/verdict';
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
  readonly probes: Probe[];
  readonly verdict: AccountVerdict;
}

/** An account ID to put in probe ARNs when the target is a root or an OU. */
const PROBE_ACCOUNT = '111111111111';

/**
 * The one place the deploy-time check evaluates: the SCPs already on the
 * target's path plus the posture's own documents on the target, over the
 * audit's probes with the library's evaluator. Policies already attached under
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
  const probes = postureProbes(ACCOUNT_ID.test(target) ? target : PROBE_ACCOUNT, { allowedRegions });
  return { target, levels, probes, verdict: judgeAccount(levels, probes) };
}

/**
 * Each failed probe as a sentence naming what decides it and what to change;
 * probes that stay allowed share one cause (the posture does not apply to
 * workload roles), so they share one sentence.
 */
function findingLines(result: PostureOnTarget, postureNames: ReadonlySet<string>): string[] {
  const remedies = regionDenyRemedies(result.levels, result.probes, result.verdict.failures);
  const lines = result.verdict.failures.filter((f: ProbeOutcome) => f.expected === 'Allowed').map((f) => {
    const what = `${f.description} (${f.id})`;
    if (f.deniedBy.length === 0) {
      return `${what} would be implicitly denied: some level of the path has no SCP that allows it. Keep FullAWSAccess (or an equivalent Allow) attached at every level`;
    }
    const fix = remedyLines(remedies.filter((r) => r.probe === f.id));
    const byPosture = f.deniedBy.every((d) => postureNames.has(d.slice(0, d.lastIndexOf('/'))));
    const advice = fix.length > 0 ? fix.join(' ')
      : byPosture ? 'The posture\'s own options deny it: check allowedRegions and allowedProfilePrefixes'
        : 'Narrow that statement so it leaves the Australian Regions and au. inference profiles alone, or detach it from this target';
    return `${what} would be denied by ${f.deniedBy.join(', ')}. Fix: ${advice}`;
  });
  const open = result.verdict.failures.filter((f) => f.expected === 'Denied').map((f) => f.id);
  if (open.length > 0) {
    lines.push(`the posture would not take effect for workload roles: ${open.join(', ')} would stay allowed. `
      + 'Narrow exemptPrincipalArns to the break-glass roles, and check the posture\'s options');
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
    for (const l of findingLines(r, names)) lines.push(`${r.target}: ${l}`);
  }
  return lines.length === 0 ? undefined : cap(lines);
}
