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
  /** Allow `CountTokens` on the same foundation models in Sydney. */
  readonly countTokens?: boolean;
  /** Guardrail IDs or ARNs in Sydney the caller may apply (with the `au.` guardrail profile). */
  readonly guardrails?: readonly string[];
  /** Provisioned, custom or imported model ARNs in Sydney the caller may invoke. */
  readonly ownModelArns?: readonly string[];
  /** Allow short-term Bedrock API keys, in Sydney only. */
  readonly shortTermApiKeys?: boolean;
}

/** The guardrail profile that keeps guardrail evaluation in Sydney (its only destination). */
export const AU_GUARDRAIL_PROFILE_ID = 'au.guardrail.v1:0';

/** The value of `bedrock:BearerTokenType` for a short-term API key. */
export const SHORT_TERM = 'SHORT_TERM';

/** `bedrock:CountTokens`: counts a prompt's tokens for a foundation model. */
export const COUNT_TOKENS_ACTION = 'bedrock:CountTokens';

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
 * Least-privilege invocation of residency-safe paths only:
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
  statements.push(...extraStatements(scope));
  return statements;
}

function guardrailArn(account: string, idOrArn: string): string {
  return idOrArn.startsWith('arn:') ? idOrArn : `arn:aws:bedrock:${SYDNEY}:${account}:guardrail/${idOrArn}`;
}

/**
 * The opt-in rights beside invocation, each on Australian resources only:
 * counting tokens on the same models in Sydney; applying named guardrails in
 * Sydney and the `au.` guardrail profile (served only in Sydney); invoking
 * provisioned, custom and imported models in Sydney, directly; short-term
 * API keys (bound to the Region they were made in) in Sydney.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/guardrail-profiles-permissions.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html
 */
function extraStatements(scope: InvokerScope): AllowStatementJson[] {
  const statements: AllowStatementJson[] = [];
  if (scope.countTokens) {
    const ids = scope.onDemandModelIds === undefined && scope.auProfileModelIds === undefined
      ? undefined
      : [...new Set([...(scope.onDemandModelIds ?? []), ...(scope.auProfileModelIds ?? [])])];
    if (ids === undefined || ids.length > 0) {
      statements.push({ Sid: 'CountTokensInSydney', Effect: 'Allow', Action: [COUNT_TOKENS_ACTION], Resource: modelArns(SYDNEY, ids) });
    }
  }
  if (scope.guardrails && scope.guardrails.length > 0) {
    statements.push({
      Sid: 'ApplyGuardrailsInSydney',
      Effect: 'Allow',
      Action: ['bedrock:ApplyGuardrail'],
      Resource: [
        ...scope.guardrails.map((g) => guardrailArn(scope.account, g)),
        `arn:aws:bedrock:${SYDNEY}:${scope.account}:guardrail-profile/${AU_GUARDRAIL_PROFILE_ID}`,
      ],
    });
  }
  if (scope.ownModelArns && scope.ownModelArns.length > 0) {
    statements.push({
      Sid: 'InvokeOwnModelsInSydney',
      Effect: 'Allow',
      Action: invokeActions(scope),
      Resource: [...scope.ownModelArns],
      Condition: { Null: { [INFERENCE_PROFILE_ARN_KEY]: 'true' } },
    });
  }
  if (scope.shortTermApiKeys) {
    statements.push({
      Sid: 'ShortTermApiKeysInSydney',
      Effect: 'Allow',
      Action: ['bedrock:CallWithBearerToken'],
      Resource: ['*'],
      Condition: { StringEquals: { 'bedrock:BearerTokenType': SHORT_TERM, 'aws:RequestedRegion': SYDNEY } },
    });
  }
  return statements;
}

/** Guardrail ID as Bedrock makes them: lowercase letters and digits. */
const GUARDRAIL_ID = /^[a-z0-9]{1,64}$/;
const SYDNEY_GUARDRAIL_ARN = /^arn:aws:bedrock:ap-southeast-2:\d{12}:guardrail\/[a-z0-9]{1,64}$/;
const SYDNEY_OWN_MODEL_ARN = /^arn:aws:bedrock:ap-southeast-2:\d{12}:(provisioned-model|custom-model-deployment|imported-model|custom-model)\/[A-Za-z0-9._:-]+$/;

/** A problem with one guardrail reference, or undefined when it names a guardrail in Sydney. */
export function guardrailProblem(value: string): string | undefined {
  if (GUARDRAIL_ID.test(value) || SYDNEY_GUARDRAIL_ARN.test(value)) return undefined;
  if (value.startsWith('arn:')) {
    return `"${value}" is not a guardrail ARN in ap-southeast-2. Use arn:aws:bedrock:ap-southeast-2:ACCOUNT:guardrail/ID or the guardrail ID; `
      + `a guardrail profile other than ${AU_GUARDRAIL_PROFILE_ID} routes outside Australia`;
  }
  return `"${value}" is not a guardrail ID (lowercase letters and digits) or a guardrail ARN in ap-southeast-2`;
}

/** A problem with one provisioned/custom/imported model ARN, or undefined when it is one in Sydney. */
export function ownModelArnProblem(value: string): string | undefined {
  if (SYDNEY_OWN_MODEL_ARN.test(value)) return undefined;
  return `"${value}" is not a provisioned, custom or imported model ARN in ap-southeast-2. `
    + 'Use arn:aws:bedrock:ap-southeast-2:ACCOUNT:provisioned-model/ID (or custom-model-deployment/, imported-model/, custom-model/)';
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
