import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { InferenceRegionAlarm } from '../../src';
import { resolveDetectionRules } from '../../src/core/detect/detection-rules';
import { surfaceDetections } from '../../src/core/detect/surface-detections';
import { COMMERCIAL_REGIONS } from '../../src/core/regions';
import { ValidationErrors } from '../../src/core/validation-errors';
import { checkSurfacePatternLengths } from '../../src/detect/surface-signals';
import { loadCorpus } from '../helpers/event-corpus';
import { cloudTrailEnvelope, eventPatternMatches } from '../helpers/event-pattern';
import { logsFilterMatches } from '../helpers/logs-filter-pattern';

const melbourneMantle = loadCorpus().find((c) => c.file === 'mantle-inference-in-melbourne.json')!.event;

describe('detections beyond Bedrock model calls', () => {
  test('the allowed Regions apply to Mantle and AgentCore calls: with Sydney only, a Mantle call in Melbourne fires', () => {
    const sydneyOnly = surfaceDetections(resolveDetectionRules({ allowedInferenceRegions: ['ap-southeast-2'] })).mantleOutside;
    expect(logsFilterMatches(sydneyOnly.filterPattern, melbourneMantle)).toBe(true);
    expect(eventPatternMatches(sydneyOnly.eventPattern, cloudTrailEnvelope(melbourneMantle))).toBe(true);
    const both = surfaceDetections(resolveDetectionRules()).mantleOutside;
    expect(logsFilterMatches(both.filterPattern, melbourneMantle)).toBe(false);
  });

  test('each signal has its saved Logs Insights query, named after its metric', () => {
    const stack = new Stack(new App(), 'Detect');
    new InferenceRegionAlarm(stack, 'Alarm', { logGroup: logs.LogGroup.fromLogGroupName(stack, 'Logs', 'org-trail') });
    const names = Object.values(Template.fromStack(stack).findResources('AWS::Logs::QueryDefinition')).map((q) => q.Properties.Name);
    for (const m of [InferenceRegionAlarm.MANTLE_OUTSIDE_METRIC, InferenceRegionAlarm.AGENTCORE_OUTSIDE_METRIC,
      InferenceRegionAlarm.CLAUDE_PLATFORM_METRIC, InferenceRegionAlarm.FOREIGN_PROFILE_CONFIGURATION_METRIC]) {
      expect(names).toContain(`SovereignBedrock/${m}`);
    }
  });

  test('a Region list too long for a filter pattern is reported against allowedInferenceRegions', () => {
    const errors = new ValidationErrors();
    checkSurfacePatternLengths(resolveDetectionRules({ allowedInferenceRegions: [...COMMERCIAL_REGIONS] }), errors);
    expect(errors.count).toBe(2);
    const none = new ValidationErrors();
    checkSurfacePatternLengths(resolveDetectionRules(), none);
    expect(none.count).toBe(0);
  });
});
