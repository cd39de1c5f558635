import { CfnResource } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { RuleSuppression } from './check-types';
import { ALL_RULES } from './rules';
import { SUPPRESSION_LIST_KEY, SUPPRESSION_METADATA_KEY, suppressionProblem } from '../core/checks/suppressions';
import { ValidationErrors } from '../core/validation-errors';
import { checkBoolean, describeType } from '../core/validators';

/**
 * Suppresses shift-left rules on individual resources, cdk-nag style: the
 * suppression is written to the resource's template metadata
 * (`cdk_sovereign_bedrock.rules_to_suppress`), where the validation plugin and
 * the Aspect both read it, and where a reviewer of the template sees it with
 * its reason.
 *
 * @example
 * SovereignBedrockSuppressions.addResourceSuppressions(role, [
 *   { id: 'AuBedrock2', reason: 'Application profile wraps au.anthropic.claude-sonnet-4-5 (ticket SEC-123)' },
 * ], true);
 */
export class SovereignBedrockSuppressions {
  /**
   * Adds suppressions to a resource: the construct itself if it is a
   * `CfnResource`, else its default child, or with `applyToChildren` every
   * `CfnResource` below it (for example an `iam.Role` and its `DefaultPolicy`;
   * call it after the grants so the policy exists). Every entry needs a known
   * rule ID and a non-blank reason; problems are reported together.
   */
  public static addResourceSuppressions(construct: IConstruct, suppressions: RuleSuppression[], applyToChildren?: boolean): void {
    const errors = new ValidationErrors();
    if (!Construct.isConstruct(construct)) {
      errors.add('construct', `must be a construct (the resource, or the construct with applyToChildren: true), got ${describeType(construct)}`);
      errors.throwIfAny('SovereignBedrockSuppressions.addResourceSuppressions');
    }
    const where = `SovereignBedrockSuppressions.addResourceSuppressions at ${construct.node.path}`;
    const ids = ALL_RULES.map((r) => r.id);
    if (!Array.isArray(suppressions)) {
      errors.add('suppressions', `must be a list of { id, reason }, got ${describeType(suppressions)}`);
      errors.throwIfAny(where);
    }
    checkBoolean('applyToChildren', applyToChildren, errors);
    if (suppressions.length === 0) errors.add('suppressions', 'must not be empty');
    suppressions.forEach((s, i) => {
      const problem = suppressionProblem(s, ids);
      if (problem) errors.add(`suppressions[${i}]`, problem);
    });
    const targets = SovereignBedrockSuppressions.targets(construct, applyToChildren ?? false);
    if (targets.length === 0) {
      errors.add('construct', 'has no CloudFormation resource to suppress on. Pass the L1 resource, or applyToChildren: true for a construct that contains several');
    }
    errors.throwIfAny(where);
    for (const target of targets) {
      const existing: RuleSuppression[] = target.getMetadata(SUPPRESSION_METADATA_KEY)?.[SUPPRESSION_LIST_KEY] ?? [];
      const merged = new Map(existing.map((s) => [s.id, s]));
      for (const s of suppressions) merged.set(s.id, { id: s.id, reason: s.reason.trim() });
      target.addMetadata(SUPPRESSION_METADATA_KEY, { [SUPPRESSION_LIST_KEY]: [...merged.values()] });
    }
  }

  private static targets(construct: IConstruct, applyToChildren: boolean): CfnResource[] {
    if (applyToChildren) return construct.node.findAll().filter(CfnResource.isCfnResource);
    if (CfnResource.isCfnResource(construct)) return [construct];
    const child = construct.node.defaultChild;
    return child && CfnResource.isCfnResource(child) ? [child] : [];
  }

  private constructor() {}
}
