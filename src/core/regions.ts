/**
 * AWS Regions of the commercial `aws` partition, as published in November 2026.
 *
 * Used to reject typos such as `ap-southeast2` or `ap-sotheast-2` at synth time:
 * an SCP that names a Region that does not exist silently allows nothing there
 * and denies everything else, which is the opposite of what a typo'd allow-list
 * author wanted. Add a Region here when AWS launches one.
 */
export const COMMERCIAL_REGIONS: readonly string[] = [
  'af-south-1',
  'ap-east-1', 'ap-east-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2',
  'eu-north-1',
  'eu-south-1', 'eu-south-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3',
  'il-central-1',
  'me-central-1', 'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1', 'us-east-2',
  'us-west-1', 'us-west-2',
];

/**
 * The literal value of `aws:RequestedRegion` on the Region-less model leg of a
 * `global.` cross-Region inference call, as AWS's own example policies use it.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html
 */
export const UNSPECIFIED_REGION = 'unspecified';

/** Sydney: the origin Region of the Australian posture. */
export const SYDNEY = 'ap-southeast-2';
/** Melbourne: the second Region of every `au.` inference profile. */
export const MELBOURNE = 'ap-southeast-4';

export function isKnownRegion(region: string): boolean {
  return COMMERCIAL_REGIONS.includes(region);
}

/** Sorted, de-duplicated union of Region lists, so generated policies are stable. */
export function unionRegions(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** City names for the Regions that appear in Sydney's routing tables, for messages people read. */
const REGION_CITIES: Readonly<Record<string, string>> = {
  'ap-northeast-1': 'Tokyo',
  'ap-northeast-2': 'Seoul',
  'ap-northeast-3': 'Osaka',
  'ap-south-1': 'Mumbai',
  'ap-south-2': 'Hyderabad',
  'ap-southeast-1': 'Singapore',
  'ap-southeast-2': 'Sydney',
  'ap-southeast-4': 'Melbourne',
};

/** `Tokyo (ap-northeast-1)`, or the bare code for Regions without a listed city. */
export function describeRegion(region: string): string {
  const city = REGION_CITIES[region];
  return city ? `${city} (${region})` : region;
}
