import { globsIntersect, hasWildcard } from './glob';

/** The segments of an ARN or ARN pattern: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`. */
export interface ArnPattern {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the fifth colon: `foundation-model/amazon.nova-pro-v1:0`. */
  readonly resource: string;
}

const ANYTHING: ArnPattern = { partition: '*', service: '*', region: '*', account: '*', resource: '*' };

/**
 * Splits an IAM resource pattern into ARN segments. `*` is every ARN. A pattern
 * cut short by a trailing wildcard (`arn:aws:bedrock:*`) covers every later
 * segment too. Anything else that is not an ARN (a bare name) gives undefined.
 */
export function parseArnPattern(text: string): ArnPattern | undefined {
  if (text === '*') return ANYTHING;
  if (!text.startsWith('arn:')) {
    return hasWildcard(text) && globsIntersect(text, 'arn:*') ? ANYTHING : undefined;
  }
  const parts = text.split(':');
  if (parts.length >= 6) {
    return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
  }
  if (!hasWildcard(parts[parts.length - 1])) return undefined;
  const [, partition = '*', service = '*', region = '*', account = '*'] = parts;
  return { partition, service, region, account, resource: '*' };
}

/** `ap-southeast-2`, or the `AWS::Region` of an environment-agnostic stack... as a display string. */
export function formatArn(p: ArnPattern): string {
  return `arn:${p.partition}:${p.service}:${p.region}:${p.account}:${p.resource}`;
}
