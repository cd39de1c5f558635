import { AU_BEDROCK_8 } from '../../../src/checks/rules/au-bedrock-8-web-search';
import { policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

describe('AuBedrock8: Bedrock web search outside Australia (CDK app)', () => {
  test.each([
    ['bedrock-websearch:InvokeSearch', 'arn:aws:bedrock-websearch:*:*:*', /web search in every Region$/],
    ['bedrock-websearch:*', '*', /web search in every Region$/],
    ['bedrock-websearch:InvokeFetch', 'arn:aws:bedrock-websearch:us-east-1:aws:tool/web-fetch', /web search in us-east-1$/],
  ])('%s on %s fails', (action, resource, reason) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: [action], resources: [resource] });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(reason)]);
  });

  test('compliant: a grant pinned to Australian Regions, and a tool in Sydney', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, {
      actions: ['bedrock-websearch:*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': ['ap-southeast-2', 'ap-southeast-4'] } },
    });
    roleWith(stack, { actions: ['bedrock-websearch:InvokeSearch'], resources: ['arn:aws:bedrock-websearch:ap-southeast-2:aws:tool/web-search'] }, 'Other');
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock8 on template fragments', () => {
  test('the wildcard is expanded from the Service Authorization Reference data', () => {
    const [finding] = runRule(AU_BEDROCK_8, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'bedrock-websearch:Invoke*', Resource: '*' }));
    expect(finding.message).toBe('grants bedrock-websearch:Invoke* (bedrock-websearch:InvokeFetch, bedrock-websearch:InvokeSearch) on "*": web search in every Region');
  });
});
