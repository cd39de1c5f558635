import { ExportFile, ExportPostureInput } from './export-types';
import { CFCT_POLICY_DIR, LZA_POLICY_DIR, cfctManifest, lzaOrganizationConfig } from './landing-zone-configs';
import { packedPolicySet } from './policy-set';
import { regionDenyExportFiles } from './region-deny-export';
import { validateExportInput } from './validate-export';
import { validateRegionDenyInput } from '../control-tower-region-deny';
import { MAX_SCP_SIZE } from '../quota-maximums';
import { SYDNEY } from '../regions';
import { DEFAULT_MAX_POLICIES_PER_TARGET, DEFAULT_MAX_POLICY_SIZE, DEFAULT_POLICIES_ATTACHED_ELSEWHERE } from '../size-budget';
import { coverageWarnings } from '../statements/coverage-warnings';
import { resolveResidencyRules } from '../statements/residency-rules';
import { exemptionWarnings } from '../statements/validate-residency-rules';
import { ValidationErrors } from '../validation-errors';

/** The files of an export and what the user should know about them (a posture spilled over several SCPs). */
export interface ExportResult {
  readonly files: ExportFile[];
  readonly warnings: string[];
}

/**
 * The residency posture as files for a pipeline that deploys SCPs itself:
 * `json` (policy files only), `cfct` (policy files and a CfCT manifest),
 * `lza` (policy files and an LZA organization-config snippet). Pure: returns
 * `{ path, content }` and writes nothing. Invalid input throws one error that
 * lists every problem, including a posture the slot budget cannot hold.
 */
export function exportPosture(input: ExportPostureInput, where = 'exportPosture'): ExportFile[] {
  return exportPostureWithWarnings(input, where).files;
}

/**
 * `exportPosture` with its warnings: a lock over `maxPolicySize` spills over
 * the fewest SCPs that hold its statements (more policy files, each listed in
 * the manifest), within the slot budget (`maxPoliciesPerTarget` less
 * `policiesAttachedElsewhere`); only a posture the budget cannot hold is refused.
 */
export function exportPostureWithWarnings(input: ExportPostureInput, where = 'exportPosture'): ExportResult {
  const errors = new ValidationErrors();
  validateExportInput(input, errors);
  const regionDeny = regionDenyExportFiles(input?.controlTowerRegionDeny, errors);
  errors.throwIfAny(where);

  const limit = input.maxPolicySize ?? DEFAULT_MAX_POLICY_SIZE;
  const maxPolicies = input.maxPoliciesPerTarget ?? DEFAULT_MAX_POLICIES_PER_TARGET;
  const elsewhere = input.policiesAttachedElsewhere ?? DEFAULT_POLICIES_ATTACHED_ELSEWHERE;
  const budget = Math.max(0, maxPolicies - elsewhere);
  const locks = packedPolicySet(resolveResidencyRules(input.options ?? {}), input.split ?? false, input.namePrefix ?? '', limit, budget);
  const used = locks.reduce((n, l) => n + l.plan.documents.length, 0);
  for (const lock of locks) {
    if (lock.plan.fits && used <= budget) continue;
    const advice = lock.plan.fits
      ? `together the policies need ${used} SCPs and the budget is ${budget}${input.split ? '; export them combined (no split) to share slots' : ''}`
      : lock.plan.advice;
    errors.add(lock.plan.tooLarge.length > 0 ? 'maxPolicySize' : 'maxPoliciesPerTarget', `policy ${lock.name}: ${advice}. `
      + `The budget is maxPoliciesPerTarget (${maxPolicies}) less policiesAttachedElsewhere (${elsewhere})`
      + (limit < MAX_SCP_SIZE ? `; or raise maxPolicySize (AWS allows at most ${MAX_SCP_SIZE})` : ''));
  }
  errors.throwIfAny(where);

  const policies = locks.flatMap((l) => l.policies);
  const warnings = locks.filter((l) => l.policies.length > 1).map((l) =>
    `policy ${l.name} is over the SCP size quota of ${limit} characters: it spans ${l.policies.length} SCPs `
    + `(${l.policies.map((p) => `${p.name} ${p.json.length}`).join(', ')} characters), taking ${l.policies.length} of the ${budget} SCP slots `
    + 'per target the budget leaves. Each statement is kept whole in one of them; attach all of them to the same targets.');
  const dir = input.format === 'lza' ? LZA_POLICY_DIR : CFCT_POLICY_DIR;
  const files: ExportFile[] = policies.map((p) => ({ path: `${dir}/${p.name}.json`, content: p.json }));
  const targets = input.targets ?? {};
  if (input.format === 'cfct') files.push({ path: 'manifest.yaml', content: cfctManifest(policies, targets, input.homeRegion ?? SYDNEY, warnings) });
  if (input.format === 'lza') files.push({ path: 'organization-config.yaml', content: lzaOrganizationConfig(policies, targets, warnings) });
  return { files: [...files, ...regionDeny], warnings };
}

/**
 * The warnings the constructs would raise for the same options (paths left
 * open, acknowledged account-wide exemptions, wildcards in exemption names,
 * Bedrock actions exempted from the Region deny), each under the option it
 * concerns, named as the export's errors name them. Call after `exportPosture` accepted the input.
 */
export function exportPostureWarnings(input: ExportPostureInput): string[] {
  const options = input.options ?? {};
  const rules = resolveResidencyRules(options);
  const acknowledged = (options.acknowledgedAccountWideExemptions ?? []).filter((a) => (options.exemptPrincipalArns ?? []).includes(a));
  const regionDeny = input.controlTowerRegionDeny;
  return [
    ...coverageWarnings(rules).map((w) => w.message),
    ...acknowledged.map((a) => `exemptPrincipalArns: "${a}" exempts every principal it names in account ${a.split(':')[4]} (acknowledged): the policy restricts nothing they do.`),
    ...exemptionWarnings(options),
    ...(regionDeny ? validateRegionDenyInput(regionDeny, new ValidationErrors()).map((w) => `controlTowerRegionDeny.${w}`) : []),
  ];
}
