/**
 * The parts of a CloudFormation custom resource request that the handlers read,
 * as the CDK provider framework passes them to its `onEvent` function. Property
 * values arrive as CloudFormation sends them: numbers and booleans as strings.
 */
export interface CustomResourceEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly LogicalResourceId: string;
  /** Absent on Create. */
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Record<string, unknown>;
  /** The properties before an Update (also sent when CloudFormation rolls an Update back). */
  readonly OldResourceProperties?: Record<string, unknown>;
}

/** What an `onEvent` function returns to the provider framework. */
export interface CustomResourceResult {
  readonly PhysicalResourceId: string;
  /** Attributes readable with `Fn::GetAtt`. */
  readonly Data?: Record<string, string>;
}

const REQUEST_TYPES = ['Create', 'Update', 'Delete'];

const isProps = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Everything wrong with an event's shape: a missing `ResourceProperties` would otherwise be a TypeError deep in the
 * handler.
 */
export function eventProblems(event: unknown): string[] {
  if (!isProps(event)) return [`the event is ${event === null ? 'null' : typeof event}, not a CloudFormation custom resource request`];
  // A Delete never fails on its shape: it judges nothing, and a failed Delete can leave a rollback stuck.
  if (event.RequestType === 'Delete') return [];
  const problems: string[] = [];
  if (!REQUEST_TYPES.includes(event.RequestType as string)) problems.push(`RequestType must be one of ${REQUEST_TYPES.join(', ')}, got ${JSON.stringify(event.RequestType)}`);
  if (typeof event.LogicalResourceId !== 'string' || event.LogicalResourceId === '') problems.push(`LogicalResourceId must be a string, got ${JSON.stringify(event.LogicalResourceId)}`);
  if (event.PhysicalResourceId !== undefined && typeof event.PhysicalResourceId !== 'string') problems.push(`PhysicalResourceId must be a string, got ${JSON.stringify(event.PhysicalResourceId)}`);
  if (!isProps(event.ResourceProperties)) {
    problems.push(`ResourceProperties must be an object, got ${event.ResourceProperties === undefined ? 'none' : JSON.stringify(event.ResourceProperties)}`);
  }
  if (event.RequestType === 'Update' && event.OldResourceProperties !== undefined && !isProps(event.OldResourceProperties)) {
    problems.push(`OldResourceProperties must be an object, got ${JSON.stringify(event.OldResourceProperties)}`);
  }
  if (event.RequestType === 'Update' && typeof event.PhysicalResourceId !== 'string') problems.push('Update needs a PhysicalResourceId');
  return problems;
}
