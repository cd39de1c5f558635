import { IntrinsicContext } from './intrinsics';

/** One resource of a synthesized CloudFormation template, as the rules see it. */
export interface TemplateResource {
  readonly logicalId: string;
  /** `AWS::IAM::Policy`, `AWS::Bedrock::Agent`... */
  readonly type: string;
  /** `Properties` as written in the template (intrinsics unresolved). */
  readonly properties: Readonly<Record<string, unknown>>;
  /** `Metadata` as written in the template. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** What a rule may know about the rest of the template. */
export interface TemplateContext extends IntrinsicContext {
  /**
   * The Region the template deploys to, when the stack has an explicit
   * environment (read from the cloud assembly); undefined when it is
   * environment-agnostic or not known.
   */
  readonly region?: string;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

/** The resources of a template (anything without a string `Type` is skipped). */
export function templateResources(template: unknown): TemplateResource[] {
  return Object.entries(asRecord(asRecord(template).Resources)).flatMap(([logicalId, raw]) => {
    const r = asRecord(raw);
    if (typeof r.Type !== 'string') return [];
    return [{ logicalId, type: r.Type, properties: asRecord(r.Properties), metadata: asRecord(r.Metadata) }];
  });
}

export function templateContext(resources: readonly TemplateResource[], region?: string): TemplateContext {
  const resourceTypes: Record<string, string> = {};
  for (const r of resources) resourceTypes[r.logicalId] = r.type;
  return { resourceTypes, region };
}

/** A location inside a resource, in the `Properties/PolicyDocument/Statement/0` form CDK's report prints. */
export function locationOf(...parts: (string | number | undefined)[]): string {
  return parts.filter((p) => p !== undefined).join('/');
}
