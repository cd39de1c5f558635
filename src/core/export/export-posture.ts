import { ExportFile, ExportPostureInput } from './export-types';
import { CFCT_POLICY_DIR, LZA_POLICY_DIR, cfctManifest, lzaOrganizationConfig } from './landing-zone-configs';
import { policySet } from './policy-set';
import { regionDenyExportFiles } from './region-deny-export';
import { validateExportInput } from './validate-export';
import { validateRegionDenyInput } from '../control-tower-region-deny';
import { MAX_SCP_SIZE } from '../quota-maximums';
import { SYDNEY } from '../regions';
import { DEFAULT_MAX_POLICY_SIZE } from '../size-budget';
import { coverageWarnings } from '../statements/coverage-warnings';
import { resolveResidencyRules } from '../statements/residency-rules';
import { exemptionWarnings } from '../statements/validate-residency-rules';
import { ValidationErrors } from '../validation-errors';

/**
 * The residency posture as files for a pipeline that deploys SCPs itself:
 * `json` (policy files only), `cfct` (policy files and a CfCT manifest),
 * `lza` (policy files and an LZA organization-config snippet). Pure: returns
 * `{ path, content }` and writes nothing. Invalid input throws one error that
 * lists every problem, including policies over the size limit.
 */
export function exportPosture(input: ExportPostureInput, where = 'exportPosture'): ExportFile[] {
  const errors = new ValidationErrors();
  validateExportInput(input, errors);
  const regionDeny = regionDenyExportFiles(input?.controlTowerRegionDeny, errors);
  errors.throwIfAny(where);

  const policies = policySet(resolveResidencyRules(input.options ?? {}), input.split ?? false, input.namePrefix ?? '');
  const limit = input.maxPolicySize ?? DEFAULT_MAX_POLICY_SIZE;
  for (const p of policies) {
    if (p.json.length > limit) {
      errors.add(`policy ${p.name}`, `is ${p.json.length} characters minified; the SCP limit is ${limit}. `
        + `${input.split ? '' : 'Export the two locks apart (split), '}list fewer exemptions or application profiles`
        + (limit < MAX_SCP_SIZE ? `, or raise maxPolicySize (AWS allows at most ${MAX_SCP_SIZE})` : ''));
    }
  }
  errors.throwIfAny(where);

  const dir = input.format === 'lza' ? LZA_POLICY_DIR : CFCT_POLICY_DIR;
  const files: ExportFile[] = policies.map((p) => ({ path: `${dir}/${p.name}.json`, content: p.json }));
  const targets = input.targets ?? {};
  if (input.format === 'cfct') files.push({ path: 'manifest.yaml', content: cfctManifest(policies, targets, input.homeRegion ?? SYDNEY) });
  if (input.format === 'lza') files.push({ path: 'organization-config.yaml', content: lzaOrganizationConfig(policies, targets) });
  return [...files, ...regionDeny];
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
