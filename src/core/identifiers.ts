/**
 * Shapes of the identifiers users pass in props, with the accepted form spelled
 * out for error messages. Patterns follow the AWS Organizations and IAM API
 * references.
 */

export const OU_ID = /^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
export const ACCOUNT_ID = /^\d{12}$/;
export const ROOT_ID = /^r-[0-9a-z]{4,32}$/;

export type TargetKind = 'organizational-unit' | 'account' | 'root';

export function targetKind(id: string): TargetKind | undefined {
  if (OU_ID.test(id)) return 'organizational-unit';
  if (ACCOUNT_ID.test(id)) return 'account';
  if (ROOT_ID.test(id)) return 'root';
  return undefined;
}

export const TARGET_ID_FORM =
  'an OU ID like ou-ab12-34cd56ef, a 12-digit account ID like 123456789012, or a root ID like r-ab12';

/**
 * Principal ARN patterns for `aws:PrincipalArn`, wildcards allowed in the account
 * and the name: `arn:aws:iam::123456789012:role/BreakGlass`, `arn:aws:iam::*:role/ops/BreakGlass*`.
 * `aws:PrincipalArn` carries the role ARN (not the assumed-role session ARN), so
 * IAM role and user ARNs, and the account root, are what can match.
 */
export const PRINCIPAL_ARN = /^arn:aws:iam::(\d{12}|[\d*?]{1,12}):(role|user)\/[\w+=,.@\-/*?]+$|^arn:aws:iam::(\d{12}|\*):root$/;

export const PRINCIPAL_ARN_FORM =
  'an IAM role or user ARN pattern like arn:aws:iam::123456789012:role/BreakGlass or arn:aws:iam::*:role/ops/BreakGlass*';

/** `arn:aws:bedrock:ap-southeast-2:123456789012:application-inference-profile/a1b2c3d4e5f6` */
export const APPLICATION_PROFILE_ARN = /^arn:aws:bedrock:([a-z]{2}(-[a-z]+)+-\d):(\d{12}):application-inference-profile\/([0-9a-z]{12})$/;

export const APPLICATION_PROFILE_ARN_FORM =
  'an application inference profile ARN like arn:aws:bedrock:ap-southeast-2:123456789012:application-inference-profile/a1b2c3d4e5f6';

/** Region shape; membership in the known list is checked separately. */
export const REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Organizations policy names: 1-128 characters from the printable ASCII range. */
export const POLICY_NAME = /^[\u0020-\u007E]{1,128}$/;
export const POLICY_DESCRIPTION_MAX = 512;
