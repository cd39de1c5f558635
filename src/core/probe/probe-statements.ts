import { ProbePath } from './probe-paths';
import { AllowStatementJson, INVOKE_ACTION } from '../access/invoker-statements';
import { SYDNEY_CATALOG } from '../catalog/sydney-catalog.generated';
import { DESTINATIONS_FROM_SYDNEY, GLOBAL_PROFILE_PREFIX, profilePrefixOf } from '../inference-profiles';
import { COMMERCIAL_REGIONS } from '../regions';
import { INFERENCE_PROFILE_ARN_KEY } from '../statements/residency-rules';

/** `bedrock-agentcore:ListActors`: the AgentCore data-plane call the probe makes. */
export const AGENTCORE_PROBE_ACTION = 'bedrock-agentcore:ListActors';

/**
 * Regions a profile's model legs may be served in: the catalog's destinations
 * for the profile, else the prefix's known destinations; every commercial
 * Region for `global.` (a leg served in a Region not listed is denied by this
 * policy, which the probe reports as DENIED_OTHER: inconclusive, never a pass).
 */
export function legRegions(profileId: string, prefix: string): string[] {
  const listed = SYDNEY_CATALOG.models.flatMap((m) => m.profiles).find((p) => p.inferenceProfileId === profileId)?.destinations;
  const regions = listed ?? DESTINATIONS_FROM_SYDNEY[prefix] ?? ['*'];
  return prefix === GLOBAL_PROFILE_PREFIX || regions.includes('*') ? [...COMMERCIAL_REGIONS] : [...regions];
}

function sid(name: string): string {
  return `Probe${name.split(/[^A-Za-z0-9]+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
}

/**
 * The probe role's identity policy: exactly the request of each path and
 * nothing else, so that the only thing left to deny a must-deny path is the
 * posture's SCP. Converse is authorised as `bedrock:InvokeModel`; a profile
 * call also needs its model legs, allowed here in each Region the profile may
 * pick (and on the Region-less ARN of `global.` legs), only when the leg
 * carries that profile's ARN.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrockagentcore.html
 */
export function probeStatements(paths: readonly ProbePath[], account: string, partition = 'aws'): AllowStatementJson[] {
  return paths.flatMap((p): AllowStatementJson[] => {
    if (p.call === 'agentcore-list-actors') {
      return [{
        Sid: sid(p.name),
        Effect: 'Allow',
        Action: [AGENTCORE_PROBE_ACTION],
        Resource: [`arn:${partition}:bedrock-agentcore:${p.region}:${account}:${p.modelId}`],
      }];
    }
    const prefix = profilePrefixOf(p.modelId);
    if (!prefix) {
      // A direct call only: the statement cannot serve as the leg of some profile's call.
      return [{
        Sid: sid(p.name),
        Effect: 'Allow',
        Action: [INVOKE_ACTION],
        Resource: [`arn:${partition}:bedrock:${p.region}::foundation-model/${p.modelId}`],
        Condition: { Null: { [INFERENCE_PROFILE_ARN_KEY]: 'true' } },
      }];
    }
    const base = p.modelId.slice(prefix.length);
    const profileArn = `arn:${partition}:bedrock:${p.region}:${account}:inference-profile/${p.modelId}`;
    return [
      { Sid: sid(p.name), Effect: 'Allow', Action: [INVOKE_ACTION], Resource: [profileArn] },
      {
        Sid: `${sid(p.name)}Legs`,
        Effect: 'Allow',
        Action: [INVOKE_ACTION],
        Resource: [
          ...legRegions(p.modelId, prefix).map((r) => `arn:${partition}:bedrock:${r}::foundation-model/${base}`),
          // A global. leg is authorised against the Region-less model ARN.
          ...(prefix === GLOBAL_PROFILE_PREFIX ? [`arn:${partition}:bedrock:::foundation-model/${base}`] : []),
        ],
        Condition: { ArnEquals: { [INFERENCE_PROFILE_ARN_KEY]: profileArn } },
      },
    ];
  });
}
