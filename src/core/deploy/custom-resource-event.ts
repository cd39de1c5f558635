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
