import { AUSTRALIA } from '../geography';
import { SYDNEY } from '../regions';
import { INFERENCE_PROFILE_ARN_KEY } from '../statements/residency-rules';

/** An identity (or endpoint) policy statement as JSON; values may be CDK tokens. */
export interface AllowStatementJson {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string[];
  readonly Resource: string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

export const INVOKE_ACTION = 'bedrock:InvokeModel';
export const INVOKE_STREAM_ACTION = 'bedrock:InvokeModelWithResponseStream';

export interface InvokerScope {
  /** Account of the calling principal (system profile ARNs carry it); a token is fine. */
  readonly account: string;
  /**
   * Base model IDs callable on-demand in Sydney; undefined means any foundation model.
   */
  readonly onDemandModelIds?: readonly string[];
  /**
   * Base model IDs callable through their `au.` profile; undefined means any `au.` profile.
   */
  readonly auProfileModelIds?: readonly string[];
  /** Include `InvokeModelWithResponseStream` (ConverseStream, streaming InvokeModel). */
  readonly streaming: boolean;
}

export function invokeActions(scope: InvokerScope): string[] {
  return scope.streaming ? [INVOKE_ACTION, INVOKE_STREAM_ACTION] : [INVOKE_ACTION];
}

function modelArns(region: string, ids: readonly string[] | undefined): string[] {
  return (ids ?? ['*']).map((id) => `arn:aws:bedrock:${region}::foundation-model/${id}`);
}

function auProfileArns(scope: InvokerScope): string[] {
  const prefix = AUSTRALIA.profilePrefix;
  return (scope.auProfileModelIds ?? ['*']).map((id) => `arn:aws:bedrock:${SYDNEY}:${scope.account}:inference-profile/${prefix}${id}`);
}

/**
 * Least-privilege invocation of residency-safe paths only (FACTS.md §1-2):
 *
 * 1. on-demand foundation models in Sydney, for direct calls only (no profile
 *    key), so the statement cannot serve as a leg of an `apac.` or `global.` call;
 * 2. the `au.` system profiles themselves, in Sydney (the origin);
 * 3. the foundation-model legs those profiles make, in Sydney and Melbourne,
 *    allowed only when the leg carries one of those `au.` profile ARNs.
 *
 * A profile call needs all of 2 and 3; nothing here names another Region, another
 * geography or another service.
 */
export function invokerStatements(scope: InvokerScope): AllowStatementJson[] {
  const actions = invokeActions(scope);
  const statements: AllowStatementJson[] = [];
  if (scope.onDemandModelIds === undefined || scope.onDemandModelIds.length > 0) {
    statements.push({
      Sid: 'InvokeOnDemandInSydney',
      Effect: 'Allow',
      Action: actions,
      Resource: modelArns(SYDNEY, scope.onDemandModelIds),
      Condition: { Null: { [INFERENCE_PROFILE_ARN_KEY]: 'true' } },
    });
  }
  if (scope.auProfileModelIds === undefined || scope.auProfileModelIds.length > 0) {
    const profiles = auProfileArns(scope);
    statements.push({
      Sid: 'InvokeAustralianInferenceProfiles',
      Effect: 'Allow',
      Action: actions,
      Resource: profiles,
    });
    statements.push({
      Sid: 'InvokeModelLegsOfAustralianProfiles',
      Effect: 'Allow',
      Action: actions,
      Resource: AUSTRALIA.homeRegions.flatMap((r) => modelArns(r, scope.auProfileModelIds)),
      Condition: { ArnLike: { [INFERENCE_PROFILE_ARN_KEY]: profiles } },
    });
  }
  return statements;
}

export interface BatchScope extends InvokerScope {
  /** ARN of the service role batch jobs run as, which the caller must pass. */
  readonly serviceRoleArn?: string;
}

/**
 * Batch inference (`CreateModelInvocationJob`) in Sydney on the same models,
 * plus managing those jobs, and passing the job's service role to Bedrock only.
 */
export function batchStatements(scope: BatchScope): AllowStatementJson[] {
  const jobs = `arn:aws:bedrock:${SYDNEY}:${scope.account}:model-invocation-job/*`;
  const models = [
    ...(scope.onDemandModelIds === undefined || scope.onDemandModelIds.length > 0 ? modelArns(SYDNEY, scope.onDemandModelIds) : []),
    ...(scope.auProfileModelIds === undefined || scope.auProfileModelIds.length > 0
      ? [...auProfileArns(scope), ...AUSTRALIA.homeRegions.flatMap((r) => modelArns(r, scope.auProfileModelIds))]
      : []),
  ];
  const statements: AllowStatementJson[] = [
    {
      Sid: 'BatchInferenceOnAustralianPaths',
      Effect: 'Allow',
      Action: ['bedrock:CreateModelInvocationJob'],
      Resource: [jobs, ...models],
    },
    {
      Sid: 'ManageBatchInferenceJobsInSydney',
      Effect: 'Allow',
      Action: ['bedrock:GetModelInvocationJob', 'bedrock:StopModelInvocationJob'],
      Resource: [jobs],
    },
  ];
  if (scope.serviceRoleArn) {
    statements.push({
      Sid: 'PassBatchServiceRoleToBedrock',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: [scope.serviceRoleArn],
      Condition: { StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' } },
    });
  }
  return statements;
}
