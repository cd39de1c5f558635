/**
 * System cross-Region inference profile prefixes and where a call from Sydney
 * can be served through each. The destinations depend on the source Region:
 * from Sydney, `apac.` reaches six Regions outside Australia, `au.` none.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html
 */
export const SYSTEM_PROFILE_PREFIXES: readonly string[] = [
  'au.', 'apac.', 'jp.', 'us.', 'us-gov.', 'eu.', 'ca.', 'global.',
];

export const GLOBAL_PROFILE_PREFIX = 'global.';

/**
 * Destination Regions of each geographic profile when ap-southeast-2 is the source.
 * Only prefixes that Sydney can use appear; `global.` can reach any commercial Region.
 */
export const DESTINATIONS_FROM_SYDNEY: Readonly<Record<string, readonly string[]>> = {
  'au.': ['ap-southeast-2', 'ap-southeast-4'],
  'apac.': [
    'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
    'ap-south-1', 'ap-south-2',
    'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-4',
  ],
};

/** `arn:aws:bedrock:*:*:inference-profile/au.*`: every system profile with the prefix, any Region and account. */
export function systemProfileArnPattern(prefix: string): string {
  return `arn:aws:bedrock:*:*:inference-profile/${prefix}*`;
}

export function isSystemProfilePrefix(prefix: string): boolean {
  return SYSTEM_PROFILE_PREFIXES.includes(prefix);
}

/**
 * The system-profile prefix of a model ID as an SDK sees it: a bare ID
 * (`au.anthropic.claude-...`), a profile ARN, or a base model ID (no prefix).
 */
export function profilePrefixOf(modelIdOrArn: string): string | undefined {
  const id = modelIdOrArn.startsWith('arn:')
    ? modelIdOrArn.slice(modelIdOrArn.lastIndexOf('/') + 1)
    : modelIdOrArn;
  return SYSTEM_PROFILE_PREFIXES.find((p) => id.startsWith(p));
}
