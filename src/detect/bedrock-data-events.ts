import { IResolvable, Lazy, Token } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { BasicEventSelectorJson, managementSelectorsFromBasic } from '../core/detect/advanced-selectors';
import {
  AdvancedEventSelectorJson, BEDROCK_DATA_RESOURCE_TYPES, bedrockDataEventSelectors,
  DEFAULT_BEDROCK_DATA_RESOURCE_TYPES, isBedrockDataResourceType, RELATED_DATA_RESOURCE_TYPES,
} from '../core/detect/data-event-resources';
import { ValidationErrors } from '../core/validation-errors';
import { checkList, describeType } from '../core/validators';
import { isToken } from '../private/tokens';

/** Options of `BedrockDataEvents.enable()`. */
export interface BedrockDataEventsOptions {
  /**
   * CloudTrail `resources.type` values to log data events for, such as
   * `AWS::Bedrock::AgentAlias`. Each becomes one advanced event selector.
   * @default - async invocations, models, agent aliases, inline agents, flow aliases, knowledge bases,
   * data-automation profiles, AgentCore gateways and Claude Platform on AWS workspaces
   */
  readonly resourceTypes?: string[];
}

/** Per trail: the resource types already selected, so repeated calls merge. */
const selectedTypes = new WeakMap<cloudtrail.CfnTrail, string[]>();

/**
 * Makes a trail log the Bedrock calls that are CloudTrail data events:
 * StartAsyncInvoke, InvokeAgent, InvokeInlineAgent, InvokeFlow, Retrieve,
 * RetrieveAndGenerate, InvokeModelWithBidirectionalStream, Data Automation
 * invocations, AgentCore Gateway calls and Claude Platform on AWS inference. Without this they
 * never reach the trail's log group or EventBridge, and no detective control
 * can see them.
 *
 * The L2 `Trail` has no advanced event selectors, so they are set on its
 * `CfnTrail`. A trail takes basic or advanced selectors, not both: the trail's
 * basic management selectors are carried over as advanced ones (so InvokeModel
 * and Converse stay logged); a basic data selector (S3, Lambda) is a synth-time
 * error asking for it to be written as an advanced selector.
 */
export class BedrockDataEvents {
  /**
   * Adds the selectors to `trail` and returns every Bedrock resource type it now logs.
   * Calling it again adds more types.
   */
  public static enable(trail: cloudtrail.Trail, options: BedrockDataEventsOptions = {}): string[] {
    const errors = new ValidationErrors();
    if (!(trail instanceof cloudtrail.Trail)) {
      errors.add('trail', `must be a cloudtrail.Trail defined in this app (its event selectors are edited), got ${describeType(trail)}`);
      errors.throwIfAny('BedrockDataEvents.enable()');
    }
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      errors.add('options', `must be an object with optional resourceTypes, got ${describeType(options)}`);
      errors.throwIfAny('BedrockDataEvents.enable()', trail.node.path);
    }
    checkList('resourceTypes', options.resourceTypes, {
      allowEmpty: false,
      check: (t) => (isBedrockDataResourceType(t)
        ? undefined
        : `"${t}" is not a Bedrock data-event resource type. Use one of ${[...BEDROCK_DATA_RESOURCE_TYPES, ...RELATED_DATA_RESOURCE_TYPES].join(', ')}`),
    }, errors, isToken);
    errors.throwIfAny(`BedrockDataEvents.enable() on ${trail.node.path}`);

    const cfn = trail.node.defaultChild as cloudtrail.CfnTrail;
    let types = selectedTypes.get(cfn);
    if (!types) {
      types = [];
      selectedTypes.set(cfn, types);
      wireAdvancedSelectors(trail, cfn, types);
    }
    for (const t of options.resourceTypes ?? DEFAULT_BEDROCK_DATA_RESOURCE_TYPES) {
      if (!types.includes(t)) types.push(t);
    }
    return [...types];
  }

  private constructor() {}
}

function wireAdvancedSelectors(trail: cloudtrail.Trail, cfn: cloudtrail.CfnTrail, types: string[]): void {
  const userAdvanced = cfn.advancedEventSelectors;
  // The L2 keeps pushing to the array it handed the CfnTrail, so read it at synth time.
  const basic = (): BasicEventSelectorJson[] | undefined => {
    const value: unknown = cfn.eventSelectors;
    if (value === undefined) return [];
    return Array.isArray(value) && !Token.isUnresolved(value) ? value as BasicEventSelectorJson[] : undefined;
  };

  trail.node.addValidation({
    validate: () => {
      if (userAdvanced !== undefined) return [];
      const selectors = basic();
      if (selectors === undefined) {
        return ['BedrockDataEvents: the trail\'s event selectors are a deploy-time value and cannot be carried over to advanced selectors'];
      }
      return managementSelectorsFromBasic(selectors).problems.map((p) => `BedrockDataEvents: ${p}`);
    },
  });

  cfn.addPropertyDeletionOverride('EventSelectors');
  cfn.advancedEventSelectors = Lazy.any({
    produce: () => {
      const data = bedrockDataEventSelectors(types);
      if (userAdvanced !== undefined) {
        // Selectors set by hand on the CfnTrail are kept as they are, management ones included.
        return [...asList(userAdvanced), ...data.filter((d) => !mentions(userAdvanced, d))];
      }
      return [...managementSelectorsFromBasic(basic() ?? []).selectors, ...data];
    },
  }) as unknown as IResolvable;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Whether hand-written selectors already name the data selector's resource type. */
function mentions(userAdvanced: unknown, selector: AdvancedEventSelectorJson): boolean {
  const type = selector.fieldSelectors.find((f) => f.field === 'resources.type')?.equalTo?.[0];
  return type !== undefined && JSON.stringify(userAdvanced).includes(`"${type}"`);
}
