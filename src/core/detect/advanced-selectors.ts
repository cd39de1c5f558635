import { AdvancedEventSelectorJson } from './data-event-resources';

/** A basic CloudTrail event selector, in the CloudFormation property shape. */
export interface BasicEventSelectorJson {
  readonly includeManagementEvents?: boolean;
  readonly readWriteType?: string;
  readonly dataResources?: readonly unknown[];
  readonly excludeManagementEventSources?: readonly string[];
}

export interface TranslatedSelectors {
  readonly selectors: AdvancedEventSelectorJson[];
  /** Basic selectors that cannot be carried over automatically. */
  readonly problems: string[];
}

/**
 * A trail takes basic or advanced event selectors, never both. Adding advanced
 * data-event selectors therefore replaces the basic ones, and with advanced
 * selectors CloudTrail logs management events only if a selector asks for them:
 * dropping that selector would silently stop the InvokeModel and Converse
 * records the alarms count. This carries the basic management selectors over.
 *
 * A trail without selectors logs all management events, so it gets one
 * `eventCategory = Management` selector.
 */
export function managementSelectorsFromBasic(basic: readonly BasicEventSelectorJson[]): TranslatedSelectors {
  if (basic.length === 0) return { selectors: [managementSelector('All')], problems: [] };
  const selectors: AdvancedEventSelectorJson[] = [];
  const problems: string[] = [];
  basic.forEach((s, i) => {
    if ((s.dataResources ?? []).length > 0) {
      problems.push(`event selector ${i} logs data events through a basic selector (addEventSelector / addS3EventSelector / addLambdaEventSelector); `
        + 'a trail cannot mix basic and advanced selectors, so express it as an advanced selector on the CfnTrail instead');
      return;
    }
    if (s.includeManagementEvents === false) return;
    selectors.push(managementSelector(s.readWriteType ?? 'All', s.excludeManagementEventSources));
  });
  return { selectors, problems };
}

function managementSelector(readWriteType: string, excludedSources: readonly string[] = []): AdvancedEventSelectorJson {
  const fieldSelectors: Array<AdvancedEventSelectorJson['fieldSelectors'][number]> = [
    { field: 'eventCategory', equalTo: ['Management'] },
  ];
  if (readWriteType === 'ReadOnly') fieldSelectors.push({ field: 'readOnly', equalTo: ['true'] });
  if (readWriteType === 'WriteOnly') fieldSelectors.push({ field: 'readOnly', equalTo: ['false'] });
  if (excludedSources.length > 0) fieldSelectors.push({ field: 'eventSource', notEqualTo: [...excludedSources] });
  return { name: 'Management events', fieldSelectors };
}
