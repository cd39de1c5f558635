import { globalModelInsightsQuery, globalModelLakeQuery, servedOutsideInsightsQuery, servedOutsideLakeQuery } from '../../../src/core/detect/audit-queries';
import { resolveDetectionRules } from '../../../src/core/detect/detection-rules';
import { MAX_FILTER_PATTERN_LENGTH, nonAustralianProfileFilterPattern, servedOutsideFilterPattern } from '../../../src/core/detect/metric-filter-patterns';
import { loadCorpus } from '../../helpers/event-corpus';
import { logsFilterMatches } from '../../helpers/logs-filter-pattern';

const rules = resolveDetectionRules();

describe('detection core (no CDK)', () => {
  test('defaults: Sydney and Melbourne allowed, every system prefix but au. is foreign', () => {
    expect(rules.allowedInferenceRegions).toEqual(['ap-southeast-2', 'ap-southeast-4']);
    expect(rules.approvedGlobalModelIds).toEqual([]);
    expect(rules.nonAustralianProfilePrefixes).toEqual(['apac.', 'jp.', 'us.', 'us-gov.', 'eu.', 'ca.', 'global.']);
  });

  test('the eventSource restriction is what keeps look-alike events out', () => {
    const withoutSource = servedOutsideFilterPattern(rules).replace('($.eventSource = "bedrock.amazonaws.com") && ', '');
    const s3 = loadCorpus().find((c) => c.file === 's3-event-with-inference-region-field.json')!;
    expect(logsFilterMatches(withoutSource, s3.event)).toBe(true);
    expect(logsFilterMatches(servedOutsideFilterPattern(rules), s3.event)).toBe(false);
  });

  test('the presence test is belt and braces: != alone already skips direct calls', () => {
    const direct = loadCorpus().find((c) => c.file === 'direct-nova-pro-stream-token-counts.json')!;
    const withoutPresence = servedOutsideFilterPattern(rules).replace(' && ($.additionalEventData.inferenceRegion = *)', '');
    expect(logsFilterMatches(withoutPresence, direct.event)).toBe(false);
  });

  test('the widest pattern fits the 1,024-character limit', () => {
    expect(nonAustralianProfileFilterPattern(rules).length).toBeLessThanOrEqual(MAX_FILTER_PATTERN_LENGTH);
  });

  test('audit queries (exact text)', () => {
    expect(servedOutsideInsightsQuery(rules)).toBe([
      'fields eventTime, recipientAccountId, userIdentity.arn, requestParameters.modelId, awsRegion, additionalEventData.inferenceRegion, eventName, errorCode',
      '| filter eventSource = "bedrock.amazonaws.com" and ispresent(additionalEventData.inferenceRegion) and additionalEventData.inferenceRegion not in ["ap-southeast-2", "ap-southeast-4"]',
      '| sort eventTime desc',
      '| limit 10000',
    ].join('\n'));
    expect(servedOutsideLakeQuery(rules)).toBe([
      "SELECT eventTime, recipientAccountId, userIdentity.arn AS principal, element_at(requestParameters, 'modelId') AS modelId, awsRegion, element_at(additionalEventData, 'inferenceRegion') AS inferenceRegion, eventName, errorCode",
      'FROM $EDS_ID',
      "WHERE eventSource = 'bedrock.amazonaws.com'",
      "AND element_at(additionalEventData, 'inferenceRegion') IS NOT NULL",
      "AND element_at(additionalEventData, 'inferenceRegion') NOT IN ('ap-southeast-2', 'ap-southeast-4')",
      'ORDER BY eventTime DESC',
    ].join('\n'));
  });

  test('approved IDs are excluded from the global. queries, bare and ARN', () => {
    const approved = resolveDetectionRules({ approvedGlobalModelIds: ['global.cohere.embed-v4:0'] });
    expect(globalModelInsightsQuery(approved)).toContain(
      'and requestParameters.modelId not like /(^|:inference-profile\\/)global\\.cohere\\.embed-v4:0$/');
    expect(globalModelLakeQuery(approved)).toContain("AND element_at(requestParameters, 'modelId') <> 'global.cohere.embed-v4:0'");
    expect(globalModelLakeQuery(approved)).toContain("AND element_at(requestParameters, 'modelId') NOT LIKE '%:inference-profile/global.cohere.embed-v4:0'");
  });
});
