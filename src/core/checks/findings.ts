import { TemplateContext, TemplateResource } from './template';

/**
 * `error`: the template grants or configures a path out of Australia.
 * `warning`: the checks cannot tell (a deploy-time value, an application
 * inference profile defined elsewhere); a person has to.
 */
export type FindingSeverity = 'error' | 'warning';

/** One problem with one resource. */
export interface RuleFinding {
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  /** What is wrong, naming the value found. */
  readonly message: string;
  /** Where in the resource: `Properties/PolicyDocument/Statement/0/Resource/1`. */
  readonly location: string;
  /** A fix specific to this finding, when there is one better than the rule's. */
  readonly fix?: string;
}

/** A rule: documentation plus a pure function over one template resource. */
export interface CheckRule {
  /** `AuBedrock1`... */
  readonly id: string;
  /** Short title. */
  readonly name: string;
  /** What the rule catches, one sentence. */
  readonly description: string;
  /** How to fix what it catches, one or two sentences. */
  readonly fix: string;
  /** The check itself: no I/O, no CDK, never throws on odd input. */
  readonly check: (resource: TemplateResource, ctx: TemplateContext) => RuleFinding[];
}

/** A finding together with the resource it is about. */
export interface ResourceFinding extends RuleFinding {
  readonly logicalId: string;
  readonly resourceType: string;
}
