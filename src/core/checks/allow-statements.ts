import { ActionGrant, grantedActions, identityStatementsOf, isAllow } from './iam-statements';
import { IntrinsicContext, resolveStringList } from './intrinsics';
import { KnownManagedPolicy } from './managed-policies';
import { pinnedToAustralia } from './region-condition';
import { ResourceCoverage, coverageOf } from './resource-coverage';
import { TemplateResource, locationOf } from './template';

/**
 * Bedrock actions that run a model: invoke, Converse, streaming, batch
 * (`bedrock:InvokeModel` also authorises Converse; there is no `bedrock:Converse` action).
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html
 */
export const BEDROCK_INVOCATION_ACTIONS: readonly string[] = [
  'bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'bedrock:CreateModelInvocationJob',
];

/**
 * Bedrock Mantle's inference action and its API-key use.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export const MANTLE_INVOCATION_ACTIONS: readonly string[] = [
  'bedrock-mantle:CreateInference', 'bedrock-mantle:CallWithBearerToken',
];

export interface LocatedCoverage extends ResourceCoverage {
  /** `.../Statement/0/Resource/1`. */
  readonly location: string;
}

/** An Allow statement that grants some of the asked-about actions, read as far as the checks need. */
export interface AllowGrant {
  readonly location: string;
  readonly sid?: string;
  readonly actions: ActionGrant;
  /** An `aws:RequestedRegion` condition keeps every leg it authorises in Australia. */
  readonly pinnedToAustralia: boolean;
  /** One entry per `Resource` element (empty when the statement uses `NotResource`). */
  readonly resources: readonly LocatedCoverage[];
  /**
   * The statement uses `NotResource` without excluding `*`: it allows every
   * resource but the listed ones. Where it sits.
   */
  readonly notResource?: { readonly location: string; readonly display: string };
  /** The AWS managed policy the statement comes from; `location` is then its attachment. */
  readonly managedPolicy?: KnownManagedPolicy;
}

/** The fix a finding about this grant should carry, when the grant comes from an AWS managed policy. */
export function managedPolicyFix(grant: AllowGrant): string | undefined {
  return grant.managedPolicy?.advice;
}

/** Every Allow statement of an IAM resource that grants at least one of `actions`. */
export function allowGrantsOf(resource: TemplateResource, actions: readonly string[], ctx: IntrinsicContext): AllowGrant[] {
  return identityStatementsOf(resource, ctx).flatMap(({ location, statement, managedPolicy }) => {
    if (!isAllow(statement)) return [];
    // A managed policy's statement is not in the template: point at where it is attached.
    const at = (...parts: (string | number | undefined)[]) => (managedPolicy ? location : locationOf(location, ...parts));
    const granted = grantedActions(statement, actions, ctx);
    if (granted.granted.length === 0) return [];
    const sid = typeof statement.Sid === 'string' ? statement.Sid : undefined;
    const pinned = pinnedToAustralia(statement.Condition, ctx);
    if (statement.NotResource !== undefined) {
      const excluded = resolveStringList(statement.NotResource, ctx);
      const excludesAll = excluded.some((e) => e.value.text === '*');
      return [{
        location,
        sid,
        actions: granted,
        pinnedToAustralia: pinned,
        resources: [],
        notResource: excludesAll ? undefined : {
          location: at('NotResource'),
          display: excluded.map((e) => e.value.display).join(', '),
        },
        managedPolicy,
      }];
    }
    const resources = resolveStringList(statement.Resource, ctx).map(({ index, value }) => ({
      ...coverageOf(value, ctx),
      location: at('Resource', index),
    }));
    return [{ location, sid, actions: granted, pinnedToAustralia: pinned, resources, managedPolicy }];
  });
}
