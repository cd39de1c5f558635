import { FlagMapping } from './flag-names';
import { controlTowerRoleArnPatterns } from '../core/control-tower';
import { ResidencyPolicyOptions } from '../policy-core';
import { ExemptionScope } from '../scp/residency-scp-props';

/**
 * The posture's own options as command-line flags, shared by `export` (which
 * writes the posture) and `traffic` (which judges a trail by it), so both take
 * the posture the same way.
 */
export const POSTURE_FLAG_OPTIONS = {
  'exempt-principal-arn': { type: 'string', multiple: true },
  'acknowledge-account-wide-exemption': { type: 'string', multiple: true },
  'exempt-from-every-statement': { type: 'boolean', default: false },
  'control-tower-exemptions': { type: 'boolean' },
  'no-control-tower-exemptions': { type: 'boolean' },
  'allowed-regions': { type: 'string' },
} as const;

export const POSTURE_FLAGS_USAGE = `  --exempt-principal-arn ARN  an aws:PrincipalArn pattern exempt from the administration statements
                              (the Region rules) (repeatable)
  --exempt-from-every-statement
                              exempt those principals from every statement, prompt paths abroad
                              included (exemptionScope EVERY_STATEMENT; each exemption then costs
                              its length once per statement)
  --acknowledge-account-wide-exemption ARN
                              accept an --exempt-principal-arn that covers every role or user
                              of one account, like arn:aws:iam::111122223333:role/* (repeatable)
  --no-control-tower-exemptions
                              do not exempt AWS Control Tower's roles (exempt by default,
                              as AuBedrockPosture does; leave them exempt in a Control Tower
                              landing zone, or Control Tower's own operations can fail)
  --allowed-regions LIST      comma-separated origin Regions (default: ap-southeast-2)`;

export interface PostureFlagValues {
  readonly 'exempt-principal-arn'?: string[];
  readonly 'acknowledge-account-wide-exemption'?: string[];
  readonly 'exempt-from-every-statement'?: boolean;
  readonly 'control-tower-exemptions'?: boolean;
  readonly 'no-control-tower-exemptions'?: boolean;
  readonly 'allowed-regions'?: string;
}

/** Problems with the flags themselves (before the library validates the options). */
export function postureFlagProblems(v: PostureFlagValues): string[] {
  return v['control-tower-exemptions'] && v['no-control-tower-exemptions']
    ? ['--control-tower-exemptions: give it or --no-control-tower-exemptions, not both']
    : [];
}

/** The options the flags give, and how to name the flags in the library's validation messages. */
export function postureOptionsFromFlags(v: PostureFlagValues): { options: ResidencyPolicyOptions; mappings: FlagMapping[] } {
  // The same exemptions, in the same order, as AuBedrockPosture's default.
  const controlTower = v['no-control-tower-exemptions'] ? [] : controlTowerRoleArnPatterns();
  return {
    options: {
      exemptPrincipalArns: [...controlTower, ...(v['exempt-principal-arn'] ?? [])],
      acknowledgedAccountWideExemptions: v['acknowledge-account-wide-exemption'],
      exemptionScope: v['exempt-from-every-statement'] ? ExemptionScope.EVERY_STATEMENT : undefined,
      allowedRegions: v['allowed-regions']?.split(',').map((r) => r.trim()).filter((r) => r.length > 0),
    },
    mappings: [
      { prop: 'options.exemptPrincipalArns', flag: '--exempt-principal-arn', offset: controlTower.length },
      { prop: 'options.allowedRegions', flag: '--allowed-regions', kind: 'list' },
      { prop: 'exemptPrincipalArns', flag: '--exempt-principal-arn', offset: controlTower.length },
      { prop: 'options.acknowledgedAccountWideExemptions', flag: '--acknowledge-account-wide-exemption' },
      { prop: 'acknowledgedAccountWideExemptions', flag: '--acknowledge-account-wide-exemption' },
      { prop: 'allowedRegions', flag: '--allowed-regions', kind: 'list' },
    ],
  };
}
