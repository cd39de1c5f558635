import { CustomResource, Stack } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { OuPathFunction } from './ou-path-function';
import { sharedProvider } from './shared-provider';
import { checkOuPath } from '../core/deploy/ou-path';
import { OU_ID_ATTRIBUTE, OU_PATH_PROPERTY } from '../core/deploy/ou-path-handler';
import { ValidationErrors } from '../core/validation-errors';
import { assertPropsObject } from '../core/validators';
import { isToken } from '../private/tokens';

/** Literal paths resolved in each stack, and the construct that resolves each: one OU, one resolver. */
const PATHS_BY_STACK = new WeakMap<Stack, Map<string, string>>();

/** Props of `OrganizationalUnitPath`. */
export interface OrganizationalUnitPathProps {
  /**
   * The OU as names from the organization root, separated by `/`:
   * `Root/Workloads/Prod`. Names are matched exactly, case included, at deploy
   * time. An OU whose name contains `/` cannot be named this way: use its ID.
   */
  readonly path: string;
}

/**
 * Resolves an OU path such as `Root/Workloads/Prod` to the OU's ID at deploy
 * time, so SCPs can target OUs by the names a landing zone gives them rather
 * than by IDs copied from the console.
 *
 * Every `OrganizationalUnitPath` in a stack shares one Lambda function (see
 * `OrganizationalUnitPath.provider()`), which may call only
 * `organizations:ListRoots` and `organizations:ListOrganizationalUnitsForParent`.
 * Deploy the stack in the management account or a delegated administrator
 * account for AWS Organizations policies.
 *
 * @example
 * const prod = new OrganizationalUnitPath(this, 'Prod', { path: 'Root/Workloads/Prod' });
 * new AuBedrockResidencyScp(this, 'Posture', { targetIds: [prod.organizationalUnitId] });
 */
export class OrganizationalUnitPath extends Construct {
  /** CloudFormation type of the custom resource. */
  public static readonly RESOURCE_TYPE = 'Custom::OrganizationalUnitPath';

  /**
   * The provider that every `OrganizationalUnitPath` in the scope's stack uses,
   * created on first use: a landing zone resolving dozens of paths still has one
   * function (plus the provider framework's).
   */
  public static provider(scope: Construct): cr.Provider {
    return sharedProvider(scope, {
      id: 'CdkSovereignBedrockOuPathProvider',
      description: 'cdk-sovereign-bedrock: resolves AWS Organizations OU paths (Root/A/B) to OU IDs',
      createHandler: (s, id, options) => new OuPathFunction(s, id, options),
      actions: ['organizations:ListRoots', 'organizations:ListOrganizationalUnitsForParent'],
    });
  }

  /** The path as given. */
  public readonly path: string;

  /** The OU's ID (`ou-...`), resolved at deploy time; usable in `targetIds`. */
  public readonly organizationalUnitId: string;

  constructor(scope: Construct, id: string, props: OrganizationalUnitPathProps) {
    super(scope, id);
    assertPropsObject('OrganizationalUnitPath', this.node.path, props, 'path');
    const errors = new ValidationErrors();
    checkOuPath('path', props.path, errors, isToken);
    if (typeof props.path === 'string' && !isToken(props.path)) {
      const stack = Stack.of(this);
      const paths = PATHS_BY_STACK.get(stack) ?? new Map<string, string>();
      PATHS_BY_STACK.set(stack, paths);
      const holder = paths.get(props.path);
      if (holder) {
        errors.add('path', `"${props.path}" is already resolved in this stack by the OrganizationalUnitPath at ${holder}: `
          + 'use that construct\'s organizationalUnitId instead of resolving the same OU twice');
      } else {
        paths.set(props.path, this.node.path);
      }
    }
    errors.throwIfAny(`OrganizationalUnitPath at ${this.node.path}`);

    this.path = props.path;
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: OrganizationalUnitPath.provider(this).serviceToken,
      resourceType: OrganizationalUnitPath.RESOURCE_TYPE,
      properties: { [OU_PATH_PROPERTY]: props.path },
    });
    this.organizationalUnitId = resource.getAttString(OU_ID_ATTRIBUTE);
  }
}
