import { Stack, Token } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { IConstruct, Node } from 'constructs';

const SCP_TYPE = 'SERVICE_CONTROL_POLICY';

/** Names given to this library's SCPs in each app, with the path of the construct that holds each. */
const CLAIMED = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Reserves a policy name in the app. Organizations policy names are unique
 * per policy type in an organization, so a second SCP with the same name
 * would fail at deploy (or, in another stack, replace nothing and fail late).
 * Returns the path already holding the name, or undefined when it was free.
 *
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreatePolicy.html
 */
export function claimPolicyName(scope: IConstruct, name: string, holderPath: string): string | undefined {
  const root = Node.of(scope).root;
  let claimed = CLAIMED.get(root);
  if (!claimed) {
    claimed = new Map();
    CLAIMED.set(root, claimed);
    Node.of(root).addValidation({ validate: () => duplicateScpNames(root) });
  }
  const holder = claimed.get(name);
  if (holder !== undefined && holder !== holderPath) return holder;
  claimed.set(name, holderPath);
  return undefined;
}

/**
 * Every SCP in the app, hand-written `CfnPolicy` resources included, whose
 * literal name another SCP of the app also has: one error per name.
 */
function duplicateScpNames(root: IConstruct): string[] {
  const byName = new Map<string, string[]>();
  for (const c of root.node.findAll()) {
    if (!(c instanceof CfnPolicy) || c.type !== SCP_TYPE) continue;
    const name = Stack.of(c).resolve(c.name);
    if (typeof name !== 'string' || Token.isUnresolved(name)) continue;
    byName.set(name, [...(byName.get(name) ?? []), c.node.path]);
  }
  return [...byName].filter(([, paths]) => paths.length > 1).map(([name, paths]) =>
    `SCP name "${name}" is used by ${paths.length} policies (${paths.join(', ')}); policy names are unique in an organization. Give each a different policyName`);
}
