import { FindingSeverity } from './findings';
import { ResolvedString, UNKNOWN, isFullyUnknown } from './intrinsics';
import { AUSTRALIA } from '../geography';

export interface ProfileProblem {
  readonly severity: FindingSeverity;
  readonly message: string;
}

/**
 * Whether a guardrail-profile or data-automation-profile reference (a bare ID
 * such as `apac.guardrail.v1:0`, or an ARN ending in `TYPE/ID`) keeps the work in
 * Australia. Only the `au.` prefix does; any other ID, known prefix or not, is an
 * error, so a new geography cannot slip through.
 */
export function judgeProfileReference(value: ResolvedString, type: string): ProfileProblem | undefined {
  const shown = `"${value.display}"`;
  if (isFullyUnknown(value)) return { severity: 'warning', message: `cannot verify ${shown}: the ${type} is a deploy-time value` };
  const text = value.text.trim();
  const marker = `:${type}/`;
  const id = text.startsWith('arn:') ? (text.includes(marker) ? text.slice(text.indexOf(marker) + marker.length) : undefined) : text;
  if (id === undefined) return { severity: 'warning', message: `cannot verify ${shown}: not a ${type} ARN` };
  if (id.startsWith(AUSTRALIA.profilePrefix)) return undefined;
  if (id.includes(UNKNOWN)) return { severity: 'warning', message: `cannot verify ${shown}: the ${type} ID is a deploy-time value` };
  return { severity: 'error', message: `${shown} is not an ${AUSTRALIA.profilePrefix} ${type}: its destination Regions are outside Australia` };
}
