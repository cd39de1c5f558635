import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { IConstruct, Node } from 'constructs';

/**
 * CloudFormation's template quotas: a template body uploaded through Amazon S3
 * (as the CDK CLI does with a bootstrapped environment) may be 1 MB, one
 * passed directly 51,200 bytes, and a stack holds at most 500 resources.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
export const MAX_TEMPLATE_BYTES = 1_048_576;
export const MAX_DIRECT_TEMPLATE_BYTES = 51_200;
export const MAX_RESOURCES_PER_STACK = 500;

/** What the check needs of one of this library's SCP constructs. */
export interface TemplateContributor {
  /** The construct users made (`Landing/Posture0`), named in the error. */
  readonly owner: IConstruct;
  /** Its class name (`AuBedrockResidencyScp`). */
  readonly kind: string;
  /** Its policies and the minified JSON of each. */
  readonly policies: readonly CfnPolicy[];
  readonly jsons: readonly string[];
}

const CONTRIBUTORS = new WeakMap<Stack, TemplateContributor[]>();

/**
 * Registers one SCP construct for its stack's template check. The check is
 * registered once per stack, so hundreds of policies add one validation.
 *
 * Why a validation and an estimate, not the template itself: validations run
 * in `app.synth()` before any template is rendered, and the only way to
 * render a stack's template earlier is `Stack._toCloudFormation()`, which is
 * internal to aws-cdk-lib and renders every resource a second time. The
 * check instead computes the exact indented size of this library's own
 * policies (nearly all of a landing-zone stack of SCPs) from their content,
 * which it already holds, and counts every resource of the stack. CDK's own
 * size warning (`@aws-cdk/core:Stack.templateSize`, at 1,000,000 characters)
 * still covers the rest of the template.
 */
export function registerForTemplateCheck(contributor: TemplateContributor): void {
  const stack = Stack.of(contributor.owner);
  let list = CONTRIBUTORS.get(stack);
  if (!list) {
    list = [];
    CONTRIBUTORS.set(stack, list);
    const registered = list;
    Node.of(stack).addValidation({ validate: () => checkTemplateLimits(stack, registered) });
  }
  list.push(contributor);
}

/** Size of a JSON value as CDK writes templates (`JSON.stringify(t, undefined, 1)`), nested `depth` levels deep. */
function indentedSize(value: unknown, depth: number): number {
  const text = JSON.stringify(value, undefined, 1);
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return Buffer.byteLength(text, 'utf8') + depth * lines;
}

/** Bytes each policy adds to the template: its entry under `Resources`, indented as CDK writes it. */
function policyBytes(stack: Stack, policy: CfnPolicy, json: string, contentSizes: Map<string, number>): number {
  // Identical documents (one posture per OU) are sized once.
  let content = contentSizes.get(json);
  if (content === undefined) {
    content = indentedSize(stack.resolve(JSON.parse(json)), 4);
    contentSizes.set(json, content);
  }
  const skeleton = {
    Type: CfnPolicy.CFN_RESOURCE_TYPE_NAME,
    Properties: {
      Content: 0,
      Description: stack.resolve(policy.description),
      Name: stack.resolve(policy.name),
      TargetIds: stack.resolve(policy.targetIds),
      Type: policy.type,
    },
    ...(policy.node.tryGetContext('aws:cdk:enable-path-metadata') ? { Metadata: { 'aws:cdk:path': policy.node.path } } : {}),
  };
  // `  "LogicalId": ` and `,\n` around the entry, 1-space indent at depth 2.
  return indentedSize(skeleton, 2) - 1 + content + Buffer.byteLength(stack.getLogicalId(policy)) + 7;
}

function describeGroup(kind: string, owners: readonly IConstruct[], bytes: number): string {
  const shown = owners.slice(0, 3).map((o) => o.node.path).join(', ');
  const more = owners.length > 3 ? ` and ${owners.length - 3} more` : '';
  return `${owners.length} ${kind} (${shown}${more}): ${bytes.toLocaleString('en-US')} bytes`;
}

const FIX = 'Attach one posture to many targets instead (targetIds, addTarget(): one policy resource for every OU), '
  + 'or move groups of policies into nested stacks (NestedStack), each with its own template and limits';

/** The bytes this library's policies add to a stack's template, as the check counts them (for tests and benchmarks). */
export function estimateTemplateBytes(stack: Stack): number {
  const contentSizes = new Map<string, number>();
  return (CONTRIBUTORS.get(stack) ?? []).reduce((sum, c) =>
    sum + c.policies.reduce((n, p, i) => n + policyBytes(stack, p, c.jsons[i], contentSizes), 0), 0);
}

function checkTemplateLimits(stack: Stack, contributors: readonly TemplateContributor[]): string[] {
  const problems: string[] = [];
  const contentSizes = new Map<string, number>();
  const byKind = new Map<string, { owners: IConstruct[]; bytes: number }>();
  let ours = 0;
  for (const c of contributors) {
    const bytes = c.policies.reduce((sum, p, i) => sum + policyBytes(stack, p, c.jsons[i], contentSizes), 0);
    ours += bytes;
    const group = byKind.get(c.kind) ?? { owners: [], bytes: 0 };
    group.owners.push(c.owner);
    group.bytes += bytes;
    byKind.set(c.kind, group);
  }
  const groups = [...byKind].map(([kind, g]) => describeGroup(kind, g.owners, g.bytes)).join('; ');
  if (ours > MAX_TEMPLATE_BYTES) {
    problems.push(`stack ${stack.node.path}: this library's SCPs alone make its template about ${ours.toLocaleString('en-US')} bytes, `
      + `over CloudFormation's limit of ${MAX_TEMPLATE_BYTES.toLocaleString('en-US')} bytes (1 MB) for a template body: ${groups}. ${FIX}`);
  }
  const resources = stack.node.findAll().filter((c) => CfnResource.isCfnResource(c) && Stack.of(c) === stack).length;
  const policies = contributors.reduce((n, c) => n + c.policies.length, 0);
  if (resources > MAX_RESOURCES_PER_STACK) {
    problems.push(`stack ${stack.node.path} would hold ${resources} resources, over CloudFormation's limit of ${MAX_RESOURCES_PER_STACK} per stack; `
      + `${policies} of them are this library's SCPs: ${groups}. ${FIX}`);
  }
  return problems;
}
