import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import { AU_BEDROCK_10 } from '../../../src/checks/rules/au-bedrock-10-data-automation';
import { ACCOUNT, policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

function dataSource(stack: any, id: string, parsingStrategy?: string) {
  return new bedrock.CfnDataSource(stack, id, {
    knowledgeBaseId: 'KB12345678',
    name: id,
    dataSourceConfiguration: { type: 'S3', s3Configuration: { bucketArn: 'arn:aws:s3:::docs' } },
    vectorIngestionConfiguration: parsingStrategy ? {
      parsingConfiguration: { parsingStrategy, bedrockDataAutomationConfiguration: { parsingModality: 'MULTIMODAL' } },
    } : undefined,
  });
}

describe('AuBedrock10: Bedrock Data Automation outside Australia (CDK app)', () => {
  test('a data automation project fails', () => {
    const { app, stack } = sydneyApp();
    new bedrock.CfnDataAutomationProject(stack, 'Project', { projectName: 'invoices' });
    const report = validateApp(app);
    expect(summary(report)).toEqual([expect.stringMatching(/^AuBedrock10 error: .*only through a data-automation profile: .*apac\.data-automation-v1/)]);
    expect(report.violations[0].fix).toMatch(/no Australian profile/);
  });

  test('a knowledge-base data source that parses with BEDROCK_DATA_AUTOMATION fails', () => {
    const { app, stack } = sydneyApp();
    dataSource(stack, 'Docs', 'BEDROCK_DATA_AUTOMATION');
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(/^AuBedrock10 error: .*parses documents with BEDROCK_DATA_AUTOMATION/)]);
  });

  test.each([
    `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:data-automation-profile/apac.data-automation-v1`,
    `arn:aws:bedrock:*:${ACCOUNT}:data-automation-profile/*`,
    '*',
  ])('bedrock:InvokeDataAutomationAsync on %s fails', (resource) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeDataAutomationAsync'], resources: [resource] });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(/^AuBedrock10 error: .*data-automation profiles .*apac\..* send documents to Regions outside Australia/)]);
  });

  test('compliant: a data source with the default parser, project reads on "*"', () => {
    const { app, stack } = sydneyApp();
    dataSource(stack, 'Docs');
    roleWith(stack, { actions: ['bedrock:GetDataAutomationProject', 'bedrock:ListDataAutomationProjects'], resources: ['*'] });
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock10 on template fragments', () => {
  test('every action on a data-automation profile is expanded from the SAR data', () => {
    const found = runRule(AU_BEDROCK_10, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'bedrock:InvokeBlueprint*', Resource: `arn:aws:bedrock:ap-southeast-2:${ACCOUNT}:data-automation-profile/us.data-automation-v1` }));
    expect(found).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/bedrock:InvokeBlueprintOptimizationAsync, bedrock:InvokeBlueprintRecommendationAsync/) })]);
    expect(runRule(AU_BEDROCK_10, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'bedrock:InvokeDataAutomationAsync', Resource: { 'Fn::Sub': 'arn:aws:bedrock:ap-southeast-2:${AWS::AccountId}:data-automation-profile/${Profile}' } })))
      .toEqual([expect.objectContaining({ severity: 'warning' })]);
  });
});
