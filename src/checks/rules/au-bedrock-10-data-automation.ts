import { CheckRule, RuleFinding } from '../../core/checks/findings';
import { grantRule } from '../../core/checks/grant-rule';
import { resolveString } from '../../core/checks/intrinsics';
import { DATA_AUTOMATION_PROFILE_ACTIONS } from '../../core/checks/service-actions';
import { profileCoverage } from '../../core/checks/service-coverage';
import { TemplateContext, TemplateResource } from '../../core/checks/template';

const ID = 'AuBedrock10';
const TYPE = 'data-automation-profile';
const WHY = 'Bedrock Data Automation runs only through a data-automation profile, and from Sydney the only one is apac.data-automation-v1, served in Tokyo, Seoul, Osaka, Mumbai, Hyderabad, Singapore, Sydney and Melbourne';

const FIX = 'Bedrock Data Automation has no Australian profile: process documents with a model in Australia instead (for knowledge bases, the default parser or a foundation-model parser on-demand in Sydney), and leave BDA out of residency-bound accounts.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A knowledge-base data source that parses with Bedrock Data Automation. */
function dataSourceFindings(resource: TemplateResource, ctx: TemplateContext): RuleFinding[] {
  const ingestion = resource.properties.VectorIngestionConfiguration;
  const parsing = isRecord(ingestion) ? ingestion.ParsingConfiguration : undefined;
  const strategy = isRecord(parsing) ? resolveString(parsing.ParsingStrategy, ctx) : undefined;
  if (!strategy || strategy.text !== 'BEDROCK_DATA_AUTOMATION') return [];
  return [{
    ruleId: ID,
    severity: 'error',
    location: 'Properties/VectorIngestionConfiguration/ParsingConfiguration/ParsingStrategy',
    message: `the data source parses documents with BEDROCK_DATA_AUTOMATION: ${WHY}`,
  }];
}

function resourceFindings(resource: TemplateResource, ctx: TemplateContext): RuleFinding[] {
  if (resource.type === 'AWS::Bedrock::DataSource') return dataSourceFindings(resource, ctx);
  if (resource.type === 'AWS::Bedrock::DataAutomationProject') {
    return [{
      ruleId: ID,
      severity: 'error',
      location: 'Properties',
      message: `a Bedrock Data Automation project can be invoked only through a data-automation profile: ${WHY}`,
    }];
  }
  return [];
}

const grants = grantRule({
  id: ID,
  name: 'Bedrock Data Automation outside Australia',
  description: '',
  fix: FIX,
  actions: DATA_AUTOMATION_PROFILE_ACTIONS,
  coverage: (value, ctx) => profileCoverage(value, ctx, TYPE),
  reason: (prefixes) => `data-automation profiles ${prefixes.join(', ')} send documents to Regions outside Australia`,
  notResourceReason: 'that includes apac. and other data-automation profiles whose destinations are outside Australia',
  creditRegionPin: false,
  deferToUnscopedInvocation: true,
});

/**
 * AuBedrock10: Bedrock Data Automation (BDA) always uses cross-Region
 * inference through a data-automation profile, and Sydney has only
 * `apac.data-automation-v1`. A BDA project, a knowledge-base data source that
 * parses with BDA, and IAM Allows of InvokeDataAutomation(Async) or the
 * blueprint actions on a profile other than `au.` all send documents abroad.
 *
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/bda-cris.html
 */
export const AU_BEDROCK_10: CheckRule = {
  id: ID,
  name: grants.name,
  description: 'An AWS::Bedrock::DataAutomationProject, an AWS::Bedrock::DataSource whose ParsingStrategy is BEDROCK_DATA_AUTOMATION, or an IAM Allow of bedrock:InvokeDataAutomation, InvokeDataAutomationAsync or the blueprint actions on a data-automation profile other than au. (by name, data-automation-profile/*, "*" or NotResource).',
  fix: FIX,
  check: (resource, ctx) => [...resourceFindings(resource, ctx), ...grants.check(resource, ctx)],
};
