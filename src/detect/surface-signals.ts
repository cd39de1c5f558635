import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { createSignal, SignalWiring } from './detection-signal';
import { DetectionRules } from '../core/detect/detection-rules';
import { MAX_FILTER_PATTERN_LENGTH } from '../core/detect/metric-filter-patterns';
import { surfaceDetections } from '../core/detect/surface-detections';
import { ValidationErrors } from '../core/validation-errors';

/** Metric names of the detections beyond Bedrock model calls. */
export const SURFACE_METRICS = {
  mantleOutside: 'MantleCallsOutsideAllowedRegions',
  agentCoreOutside: 'AgentCoreCallsOutsideAllowedRegions',
  claudePlatform: 'ClaudePlatformCalls',
  foreignProfileConfiguration: 'NonAustralianGuardrailOrDataAutomationProfiles',
} as const;

export type SurfaceSignalName = keyof typeof SURFACE_METRICS;

export interface SurfaceSignal {
  readonly filterPattern: string;
  readonly insightsQuery: string;
  readonly alarm: cloudwatch.Alarm;
  readonly rule?: events.Rule;
}

/** Records a problem for each surface filter pattern that CloudWatch Logs would refuse. */
export function checkSurfacePatternLengths(rules: DetectionRules, errors: ValidationErrors): void {
  for (const [key, d] of Object.entries(surfaceDetections(rules))) {
    if (d.filterPattern.length > MAX_FILTER_PATTERN_LENGTH) {
      errors.add('allowedInferenceRegions', `makes the ${SURFACE_METRICS[key as SurfaceSignalName]} filter pattern ${d.filterPattern.length} characters long; CloudWatch Logs accepts at most ${MAX_FILTER_PATTERN_LENGTH}. List fewer Regions`);
    }
  }
}

/**
 * The alarms (and near-real-time rules) for Bedrock Mantle and AgentCore calls
 * outside the allowed Regions, any Claude Platform on AWS call, and Bedrock
 * requests naming a non-`au.` guardrail or data-automation profile.
 */
export function createSurfaceSignals(
  scope: Construct, rules: DetectionRules, wiring: SignalWiring, nearRealTime: boolean,
): Record<SurfaceSignalName, SurfaceSignal> {
  const d = surfaceDetections(rules);
  const allowed = rules.allowedInferenceRegions.join(', ');
  const ns = wiring.metricNamespace;
  const text: Record<SurfaceSignalName, { id: string; alarm: string; rule: string; headline: string }> = {
    mantleOutside: {
      id: 'MantleOutside',
      alarm: `A Bedrock Mantle call was made outside ${allowed}. Mantle serves a call in the Region it is made in, and model-invocation logging does not record Mantle calls.`,
      rule: `Bedrock Mantle calls made outside ${allowed}`,
      headline: `Bedrock Mantle call made outside ${allowed}`,
    },
    agentCoreOutside: {
      id: 'AgentCoreOutside',
      alarm: `An AgentCore call was made outside ${allowed}: the agent, memory or gateway processes it in that Region.`,
      rule: `AgentCore calls made outside ${allowed}`,
      headline: `AgentCore call made outside ${allowed}`,
    },
    claudePlatform: {
      id: 'ClaudePlatform',
      alarm: 'A Claude Platform on AWS call was made (denied attempts count too): the service may process data outside AWS and outside Australia.',
      rule: 'Claude Platform on AWS calls',
      headline: 'Claude Platform on AWS call',
    },
    foreignProfileConfiguration: {
      id: 'ForeignProfileConfiguration',
      alarm: 'A Bedrock request named a guardrail or data-automation profile other than au. (a guardrail configured with apac.guardrail.v1:0, a Data Automation invocation through apac.data-automation-v1): its work is routed outside Australia.',
      rule: 'Bedrock requests naming a non-au. guardrail or data-automation profile',
      headline: 'Bedrock request naming a non-au. guardrail or data-automation profile',
    },
  };
  const out = {} as Record<SurfaceSignalName, SurfaceSignal>;
  for (const key of Object.keys(SURFACE_METRICS) as SurfaceSignalName[]) {
    const metricName = SURFACE_METRICS[key];
    const signal = createSignal(scope, text[key].id, {
      metricName,
      filterPattern: d[key].filterPattern,
      insightsQuery: d[key].insightsQuery,
      alarmDescription: `${text[key].alarm} Run the saved Logs Insights query ${ns}/${metricName} to list the calls.`,
      eventPattern: nearRealTime ? d[key].eventPattern : undefined,
      ruleDescription: text[key].rule,
      headline: text[key].headline,
    }, wiring);
    out[key] = { filterPattern: d[key].filterPattern, insightsQuery: d[key].insightsQuery, alarm: signal.alarm, rule: signal.rule };
  }
  return out;
}
