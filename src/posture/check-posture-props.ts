import type { AuBedrockPostureProps } from './au-bedrock-posture';
import { ValidationErrors } from '../core/validation-errors';
import { checkBoolean, checkEnum, checkList, checkObject, describeType } from '../core/validators';
import { isToken } from '../private/tokens';

/** `PostureScpMode`'s values, repeated here so that this module does not import the construct. */
const SCP_MODES = ['SINGLE_POLICY', 'SEPARATE_POLICIES', 'NONE'];

const ANY_STRING = { allowEmpty: true, check: () => undefined };

/**
 * What `AuBedrockPosture` checks itself before it creates anything: the shape
 * of every prop it reads or combines (a string where a list belongs would be
 * spread into characters), the mode, and that there is something to create.
 * The contents of the lists it hands on (exemptions, Regions, OU paths) are
 * checked by the constructs it creates, and their problems reported as the
 * posture's, in the posture's terms.
 */
export function checkPostureProps(props: AuBedrockPostureProps | undefined, errors: ValidationErrors): void {
  if (props === undefined || props === null || typeof props !== 'object' || Array.isArray(props)) {
    errors.add('props', `must be an object with at least targetIds or organizationalUnitPaths, got ${describeType(props)}`);
    return;
  }
  checkEnum('scpMode', props.scpMode, SCP_MODES, 'PostureScpMode', errors);
  const mode = props.scpMode ?? 'SINGLE_POLICY';
  const given = (v: unknown) => v !== undefined && v !== null;
  if (mode === 'NONE' && !given(props.detection) && !given(props.invoker)) {
    errors.add('scpMode', 'NONE with neither detection nor invoker leaves nothing to create');
  }
  if (mode !== 'NONE' && !given(props.targetIds) && !given(props.organizationalUnitPaths)) {
    errors.add('targetIds', 'give targetIds (ou-..., account IDs, r-...) or organizationalUnitPaths (Root/Workloads/Prod), or both');
  }
  checkList('targetIds', props.targetIds, ANY_STRING, errors, isToken);
  // Lists the posture combines with its own must be literal: a deploy-time list inside another list cannot be checked.
  checkList('organizationalUnitPaths', props.organizationalUnitPaths, { ...ANY_STRING, literalList: true }, errors, isToken);
  checkList('exemptPrincipalArns', props.exemptPrincipalArns, { ...ANY_STRING, literalList: true }, errors, isToken);
  for (const prop of ['exemptControlTowerRoles', 'guardScpSlots', 'checkExistingScps'] as const) checkBoolean(prop, props[prop], errors);
  checkObject('detection', props.detection, errors);
  checkObject('invoker', props.invoker, errors);
  checkObject('controlTowerRegionDeny', props.controlTowerRegionDeny, errors);
  checkEnum('onScpConflict', props.onScpConflict, ['FAIL', 'WARN'], 'ScpConflictAction', errors);
}
