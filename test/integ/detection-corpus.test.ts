import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { InferenceRegionAlarm, InferenceRegionAlarmProps } from '../../src';
import { APPROVED_GLOBAL_MODEL_ID, CorpusEvent, loadCorpus, SIGNALS, SignalName } from '../helpers/event-corpus';
import { cloudTrailEnvelope, eventPatternMatches } from '../helpers/event-pattern';
import { logsFilterMatches } from '../helpers/logs-filter-pattern';

/**
 * The synthesized detections, read back from the CloudFormation template:
 * each metric filter's FilterPattern (by metric name) and each rule's EventPattern.
 */
interface Synthesized {
  readonly filterPatterns: Record<SignalName, string>;
  readonly eventPatterns: Partial<Record<SignalName, unknown>>;
}

const METRIC_OF: Record<SignalName, string> = {
  servedOutsideAustralia: InferenceRegionAlarm.SERVED_OUTSIDE_METRIC,
  globalModel: InferenceRegionAlarm.GLOBAL_MODEL_METRIC,
  nonAustralianProfile: InferenceRegionAlarm.NON_AUSTRALIAN_PROFILE_METRIC,
  mantleOutsideAustralia: InferenceRegionAlarm.MANTLE_OUTSIDE_METRIC,
  agentCoreOutsideAustralia: InferenceRegionAlarm.AGENTCORE_OUTSIDE_METRIC,
  claudePlatform: InferenceRegionAlarm.CLAUDE_PLATFORM_METRIC,
  foreignProfileConfiguration: InferenceRegionAlarm.FOREIGN_PROFILE_CONFIGURATION_METRIC,
};

function synthesize(props: Partial<InferenceRegionAlarmProps>): Synthesized {
  const stack = new Stack(new App(), 'Detect');
  const alarm = new InferenceRegionAlarm(stack, 'Alarm', {
    logGroup: logs.LogGroup.fromLogGroupName(stack, 'OrgTrail', 'aws-controltower/CloudTrailLogs'),
    alarmOnNonAustralianProfiles: true,
    ...props,
  });
  const template = Template.fromStack(stack);
  const filters = Object.values(template.findResources('AWS::Logs::MetricFilter'));
  const filterPatterns = {} as Record<SignalName, string>;
  for (const signal of SIGNALS) {
    const found = filters.filter((f) => f.Properties.MetricTransformations[0].MetricName === METRIC_OF[signal]);
    expect(found).toHaveLength(1);
    filterPatterns[signal] = found[0].Properties.FilterPattern;
  }
  const rules = template.findResources('AWS::Events::Rule');
  const eventPatterns: Partial<Record<SignalName, unknown>> = {};
  const ruleOf: Record<SignalName, unknown> = {
    servedOutsideAustralia: alarm.servedOutsideRule,
    globalModel: alarm.globalModelRule,
    nonAustralianProfile: alarm.nonAustralianProfileRule,
    mantleOutsideAustralia: alarm.mantleOutsideRule,
    agentCoreOutsideAustralia: alarm.agentCoreOutsideRule,
    claudePlatform: alarm.claudePlatformRule,
    foreignProfileConfiguration: alarm.foreignProfileConfigurationRule,
  };
  for (const signal of SIGNALS) {
    const rule = ruleOf[signal] as { node: { defaultChild: any } } | undefined;
    if (rule) eventPatterns[signal] = rules[stack.getLogicalId(rule.node.defaultChild)].Properties.EventPattern;
  }
  return { filterPatterns, eventPatterns };
}

const corpus = loadCorpus();
const byDefault = synthesize({});
const withApproval = synthesize({ approvedGlobalModelIds: [APPROVED_GLOBAL_MODEL_ID] });

function fired(s: Synthesized, event: Record<string, any>): { filters: Record<SignalName, boolean>; rules: Partial<Record<SignalName, boolean>> } {
  const filters = {} as Record<SignalName, boolean>;
  const rules: Partial<Record<SignalName, boolean>> = {};
  for (const signal of SIGNALS) {
    filters[signal] = logsFilterMatches(s.filterPatterns[signal], event);
    if (s.eventPatterns[signal] !== undefined) rules[signal] = eventPatternMatches(s.eventPatterns[signal], cloudTrailEnvelope(event));
  }
  return { filters, rules };
}

describe('every corpus event fires exactly the detections it records', () => {
  test('the corpus covers the cases the design calls for', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    const names = new Set(corpus.map((c) => c.event.eventName));
    for (const n of ['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream']) expect(names).toContain(n);
    // Each signal fires for some events and stays quiet for others.
    for (const signal of SIGNALS) {
      expect(corpus.some((c) => c.fires[signal])).toBe(true);
      expect(corpus.some((c) => !c.fires[signal])).toBe(true);
    }
  });

  test('events beyond Bedrock model calls say where their shape comes from (an AWS documentation URL, or what is modelled)', () => {
    const beyond = corpus.filter((c) => c.event.eventSource !== 'bedrock.amazonaws.com' || JSON.stringify(c.event.requestParameters ?? {}).match(/guardrailProfileIdentifier|dataAutomationProfileArn/));
    expect(beyond.length).toBeGreaterThanOrEqual(15);
    for (const c of beyond.filter((e) => !['s3-event-with-inference-region-field.json', 'sts-event-with-global-model-id.json'].includes(e.file))) {
      expect({ file: c.file, shape: c.shape }).toEqual({ file: c.file, shape: expect.stringMatching(/https:\/\/docs\.aws\.amazon\.com\/|modelled/) });
    }
  });

  describe.each(corpus.map((c) => [c.file, c] as [string, CorpusEvent]))('%s', (_file, c) => {
    test('metric filters (default options)', () => {
      expect(fired(byDefault, c.event).filters).toEqual(c.fires);
    });

    test('EventBridge rules (default options)', () => {
      expect(fired(byDefault, c.event).rules).toEqual(c.fires);
    });

    test(`metric filters with ${APPROVED_GLOBAL_MODEL_ID} approved`, () => {
      expect(fired(withApproval, c.event).filters).toEqual(c.firesWithApprovedGlobalModel);
    });

    test('EventBridge rules with an approved global. model (no global. rule)', () => {
      const { globalModel, ...others } = c.firesWithApprovedGlobalModel;
      void globalModel;
      expect(fired(withApproval, c.event).rules).toEqual(others);
    });
  });
});

describe('other Region sets', () => {
  test('with Sydney only allowed, an au. call served in Melbourne fires the Region alarm', () => {
    const sydneyOnly = synthesize({ allowedInferenceRegions: ['ap-southeast-2'] });
    const melbourne = corpus.find((c) => c.file === 'au-sonnet-served-melbourne.json')!;
    const sydney = corpus.find((c) => c.file === 'au-haiku-conversestream-served-sydney.json')!;
    expect(fired(sydneyOnly, melbourne.event).filters.servedOutsideAustralia).toBe(true);
    expect(fired(sydneyOnly, melbourne.event).rules.servedOutsideAustralia).toBe(true);
    expect(fired(sydneyOnly, sydney.event).filters.servedOutsideAustralia).toBe(false);
    expect(fired(sydneyOnly, sydney.event).rules.servedOutsideAustralia).toBe(false);
  });
});
