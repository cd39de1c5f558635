/**
 * The largest SCP quotas AWS Organizations grants: 10,240 characters per
 * policy and 10 policies attached directly to one root, OU or account. A
 * quota setting above them is refused at synth time: a policy checked against
 * a limit AWS does not have would pass synth and fail at deploy.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 */
export const MAX_SCP_SIZE = 10_240;
export const MAX_SCPS_PER_TARGET = 10;
