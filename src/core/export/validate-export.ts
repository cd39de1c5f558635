import { ExportPostureInput, ExportTargetsInput, POSTURE_FORMATS } from './export-types';
import { AU_ONLY_POLICY_NAME, COMBINED_POLICY_NAME, PART_SUFFIX_ROOM, REGION_ALLOWLIST_POLICY_NAME } from './policy-set';
import { OU_ID, ROOT_ID } from '../identifiers';
import { MAX_SCP_SIZE, MAX_SCPS_PER_TARGET } from '../quota-maximums';
import { validateResidencyRulesInput } from '../statements/validate-residency-rules';
import { ValidationErrors } from '../validation-errors';
import { checkBoolean, checkObject, checkPositiveInteger, describeType, regionProblem } from '../validators';

/** Letters, digits, `-` and `_`: safe as an Organizations policy name, a file name and a YAML plain scalar. */
const NAME_PREFIX = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
// A posture that spills adds `-part2`... to the name: keep room for it.
const LONGEST_BASE_NAME = Math.max(COMBINED_POLICY_NAME.length, AU_ONLY_POLICY_NAME.length, REGION_ALLOWLIST_POLICY_NAME.length) + PART_SUFFIX_ROOM;
const MAX_POLICY_NAME = 128;

function checkTargetList(prop: string, values: readonly string[] | undefined, errors: ValidationErrors): void {
  if (values === undefined) return;
  if (!Array.isArray(values)) {
    errors.add(prop, 'must be a list of strings');
    return;
  }
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const at = `${prop}[${i}]`;
    if (typeof v !== 'string' || v.trim() === '') {
      errors.add(at, 'must be a non-empty string');
      return;
    }
    if (v !== v.trim()) errors.add(at, `"${v}" has leading or trailing spaces`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(v)) errors.add(at, 'must not contain control characters or line breaks');
    if (/^\d+$/.test(v) && v.length !== 12) errors.add(at, `"${v}" looks like an account ID but is not 12 digits`);
    if (seen.has(v)) errors.add(at, `"${v}" is listed more than once`);
    seen.add(v);
  });
}

/**
 * Both pipelines name OUs, not IDs: CfCT's `organizational_units` takes OU names
 * (https://docs.aws.amazon.com/controltower/latest/userguide/cfcn-byo-customizations.html), LZA's
 * `deploymentTargets.organizationalUnits` the names or paths of organization-config.yaml. An ID there
 * matches no OU, so the policy would attach nowhere.
 */
function checkOuNames(format: string, values: readonly string[] | undefined, errors: ValidationErrors): void {
  if (!Array.isArray(values)) return;
  values.forEach((v, i) => {
    if (typeof v !== 'string' || !(OU_ID.test(v) || ROOT_ID.test(v))) return;
    errors.add(`targets.organizationalUnits[${i}]`, `"${v}" is an ID; ${format === 'cfct'
      ? 'CfCT names OUs by name in manifest.yaml. Use the OU\'s name as Control Tower shows it, like Workloads'
      : 'LZA names OUs as organization-config.yaml does. Use the OU\'s name or path, like Workloads/Prod'}`);
  });
}

function checkTargets(input: ExportPostureInput, errors: ValidationErrors): void {
  const targets: ExportTargetsInput | undefined = input.targets;
  if (input.format === 'json') return; // policy files only: nothing is attached
  if (targets !== undefined && targets !== null && (typeof targets !== 'object' || Array.isArray(targets))) {
    errors.add('targets', `must be an object with organizationalUnits and/or accounts, got ${describeType(targets)}`);
    return;
  }
  const ous = targets?.organizationalUnits ?? [];
  const accounts = targets?.accounts ?? [];
  if (ous.length === 0 && accounts.length === 0) {
    errors.add('targets', `must name at least one organizational unit or account for ${input.format}. `
      + (input.format === 'cfct'
        ? 'Use OU names as CfCT knows them (Workloads) and account IDs or names'
        : 'Use OU names or paths as organization-config.yaml names them (Workloads/Prod) and account names from accounts-config.yaml'));
  }
  checkTargetList('targets.organizationalUnits', targets?.organizationalUnits, errors);
  checkOuNames(input.format, targets?.organizationalUnits, errors);
  checkTargetList('targets.accounts', targets?.accounts, errors);
}

/** Every problem with an export request, each under the name of the option it concerns. */
export function validateExportInput(input: ExportPostureInput, errors: ValidationErrors): void {
  if (input === undefined || input === null || typeof input !== 'object') {
    errors.add('props', `must be an object with at least format, got ${describeType(input)}`);
    return;
  }
  if (!POSTURE_FORMATS.includes(input.format)) {
    errors.add('format', `"${input.format}" is not an export format. Use one of ${POSTURE_FORMATS.join(', ')}`);
  }
  checkTargets(input, errors);
  if (input.namePrefix !== undefined && input.namePrefix !== null) {
    if (typeof input.namePrefix !== 'string' || !NAME_PREFIX.test(input.namePrefix)) {
      errors.add('namePrefix', `"${input.namePrefix}" is not a valid prefix. Use letters, digits, - and _, starting with a letter or digit, like acme-`);
    } else if (input.namePrefix.length + LONGEST_BASE_NAME > MAX_POLICY_NAME) {
      errors.add('namePrefix', `is ${input.namePrefix.length} characters long; policy names may have at most ${MAX_POLICY_NAME}, so use at most ${MAX_POLICY_NAME - LONGEST_BASE_NAME}`);
    }
  }
  checkPositiveInteger('maxPolicySize', input.maxPolicySize, errors, 1, MAX_SCP_SIZE);
  checkBoolean('split', input.split, errors);
  checkPositiveInteger('maxPoliciesPerTarget', input.maxPoliciesPerTarget, errors, 1, MAX_SCPS_PER_TARGET);
  checkPositiveInteger('policiesAttachedElsewhere', input.policiesAttachedElsewhere, errors, 0, MAX_SCPS_PER_TARGET - 1);
  if (input.homeRegion !== undefined && input.homeRegion !== null) {
    if (input.format !== 'cfct') errors.add('homeRegion', `is only used with format cfct (the manifest's region line), not ${input.format}`);
    const problem = regionProblem(input.homeRegion);
    if (problem) errors.add('homeRegion', problem);
  }
  if (checkObject('options', input.options, errors)) validateResidencyRulesInput(input.options!, errors);
}
