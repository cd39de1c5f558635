import { DENIED_EVERYWHERE_PREFIXES, REGION_BOUND_PREFIXES } from '../coverage';

/**
 * The CloudTrail `eventSource` values of the governed surface, derived from the
 * service prefixes the posture governs (src/core/coverage.ts), so a prefix added
 * there is replayed here without another list to keep in step.
 *
 * A CloudTrail event source is the service's endpoint name: `bedrock.amazonaws.com`,
 * `bedrock-mantle.amazonaws.com`, `bedrock-agentcore.amazonaws.com`. A source is
 * governed when its name is a governed prefix or starts with one followed by `-`
 * or `.` (AgentCore and Claude Platform have control-plane sources whose exact
 * names AWS does not spell out; matching by prefix keeps them in).
 *
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export function governedPrefixes(): readonly string[] {
  return [...REGION_BOUND_PREFIXES, ...DENIED_EVERYWHERE_PREFIXES];
}

/** The IAM prefix whose surface an event source belongs to, or undefined when it is not governed. */
export function governedPrefixOf(eventSource: string, prefixes: readonly string[] = governedPrefixes()): string | undefined {
  const name = eventSource.endsWith('.amazonaws.com') ? eventSource.slice(0, -'.amazonaws.com'.length) : eventSource;
  // The longest match: `bedrock-mantle` before `bedrock`.
  let best: string | undefined;
  for (const p of prefixes) {
    if (name === p || name.startsWith(`${p}-`) || name.startsWith(`${p}.`)) {
      if (!best || p.length > best.length) best = p;
    }
  }
  return best;
}

/**
 * Byte strings of which at least one appears in the text of every record of the
 * governed surface (its `eventSource` value contains it): a record containing
 * none of them cannot concern the surface and is counted without being parsed.
 * The stems are the prefixes with every stem that contains a shorter stem left
 * out (`bedrock` covers `bedrock-mantle`).
 */
export function prefilterMarkers(prefixes: readonly string[] = governedPrefixes()): string[] {
  const sorted = [...new Set(prefixes)].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const p of sorted) if (!out.some((m) => p.includes(m))) out.push(p);
  return out;
}
