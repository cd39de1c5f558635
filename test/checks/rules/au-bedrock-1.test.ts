import * as iam from 'aws-cdk-lib/aws-iam';
import { AU_BEDROCK_1 } from '../../../src/checks/rules/au-bedrock-1-unscoped-invocation';
import { policyWith, roleWith, runRule, summary, sydneyApp, validateApp } from '../helpers';

describe('AuBedrock1: unscoped Bedrock invocation (CDK app)', () => {
  test('a hand-written bedrock:InvokeModel on "*" fails, at the Resource of the role\'s policy', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: ['*'] });
    const report = validateApp(app);
    expect(report.success).toBe(false);
    expect(summary(report)).toEqual([
      expect.stringMatching(/^AuBedrock1 error: Unscoped Bedrock invocation: grants bedrock:InvokeModel on "\*": every model in every Region/),
    ]);
    const [violation] = report.violations;
    expect(violation.fix).toMatch(/SovereignBedrockInvoker/);
    expect(violation.violatingResources).toEqual([{
      resourceLogicalId: expect.stringMatching(/^AppRoleDefaultPolicy/),
      templatePath: expect.stringMatching(/Workload\.template\.json$/),
      locations: ['Properties/PolicyDocument/Statement/0/Resource'],
    }]);
  });

  test('Action "*" on "*" fails AuBedrock1, and the rules of Mantle, AgentCore, Claude Platform, web search, Agent Registry and Nova Act', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['*'], resources: ['*'] });
    expect(summary(validateApp(app))).toEqual([
      expect.stringMatching(/^AuBedrock1 error: .* grants \* \(bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream, bedrock:CreateModelInvocationJob\) on "\*"/),
      expect.stringMatching(/^AuBedrock5 error: .* grants \* \(bedrock-mantle:CreateInference, bedrock-mantle:CallWithBearerToken\) on "\*"/),
      expect.stringMatching(/^AuBedrock6 error: .* grants \* \(bedrock-agentcore:[A-Za-z]+, .* and \d+ more\) on "\*": AgentCore in every Region$/),
      expect.stringMatching(/^AuBedrock7 error: .* grants \* \(aws-external-anthropic:.* and \d+ more\) on "\*": Claude Platform on AWS may process/),
      expect.stringMatching(/^AuBedrock8 error: .* grants \* \(bedrock-websearch:ExternalWebAccess, bedrock-websearch:InvokeFetch, bedrock-websearch:InvokeSearch\) on "\*"/),
      expect.stringMatching(/^AuBedrock15 error: .* grants \* \(agent-registry:.* and \d+ more\) on "\*": Agent Registry in every Region$/),
      expect.stringMatching(/^AuBedrock16 error: .* grants \* \(nova-act:.* and \d+ more\) on "\*": AWS documents no Australian Region for nova-act/),
    ]);
  });

  test.each([
    ['bedrock:*', '*'],
    ['bedrock:Invoke*', '*'],
    ['bedrock:CreateModelInvocationJob', '*'],
    ['BEDROCK:invokemodel', '*'],
    ['bedrock:InvokeModel', 'arn:aws:bedrock:*:*:*'],
    ['bedrock:InvokeModel', 'arn:aws:bedrock:*'],
    ['bedrock:InvokeModelWithResponseStream', 'arn:*:bedrock:*:*:*/*'],
  ])('%s on %s fails', (action, resource) => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: [action], resources: [resource] });
    expect(summary(validateApp(app))).toEqual([expect.stringMatching(/^AuBedrock1 error/)]);
  });

  test('an inline policy of a Role, a ManagedPolicy, a User and a Group are all read', () => {
    const { app, stack } = sydneyApp();
    const doc = new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: ['*'] })] });
    new iam.Role(stack, 'Inline', { assumedBy: new iam.AccountRootPrincipal(), inlinePolicies: { invoke: doc } });
    new iam.ManagedPolicy(stack, 'Managed', { document: doc });
    new iam.CfnUser(stack, 'User', { policies: [{ policyName: 'p', policyDocument: doc }] });
    new iam.CfnGroup(stack, 'Group', { policies: [{ policyName: 'p', policyDocument: doc }] });
    const report = validateApp(app);
    const where = report.violations[0].violatingResources.map((r) => `${r.resourceLogicalId} ${r.locations.join(',')}`).sort();
    expect(report.violations).toHaveLength(1); // one problem, four resources
    expect(where).toEqual([
      'Group Properties/Policies/0/PolicyDocument/Statement/0/Resource',
      expect.stringMatching(/^Inline[0-9A-F]+ Properties\/Policies\/0\/PolicyDocument\/Statement\/0\/Resource$/),
      expect.stringMatching(/^Managed[0-9A-F]+ Properties\/PolicyDocument\/Statement\/0\/Resource$/),
      'User Properties/Policies/0/PolicyDocument/Statement/0/Resource',
    ]);
  });

  test('NotResource on an Allow is reported; NotAction that leaves invocation in is too', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], notResources: ['arn:aws:bedrock:*:*:inference-profile/global.*'] });
    roleWith(stack, { notActions: ['iam:*', 'organizations:*'], resources: ['*'] }, 'NotActionRole');
    const lines = summary(validateApp(app));
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/AuBedrock1 error: .* grants bedrock:InvokeModel on every resource except \[arn:aws:bedrock:\*:\*:inference-profile\/global\.\*\] \(NotResource\)/),
      expect.stringMatching(/AuBedrock1 error: .* grants NotAction \[iam:\*, organizations:\*\] \(every other action\) \(bedrock:InvokeModel, .*\) on "\*"/),
    ]));
  });

  test('the residency-safe grant passes', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:InvokeModel'], resources: ['arn:aws:bedrock:ap-southeast-2::foundation-model/amazon.nova-pro-v1:0'] });
    expect(validateApp(app).violations).toEqual([]);
  });

  test('compliant: non-invocation actions on "*", Deny statements, NotAction excluding bedrock, NotResource "*"', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, { actions: ['bedrock:ListFoundationModels', 'bedrock:GetInferenceProfile', 's3:GetObject'], resources: ['*'] }, 'A');
    roleWith(stack, { effect: iam.Effect.DENY, actions: ['bedrock:*'], resources: ['*'] }, 'B');
    roleWith(stack, {
      notActions: ['bedrock:*', 'bedrock-mantle:*', 'bedrock-agentcore:*', 'bedrock-websearch:*', 'agent-registry:*', 'aws-external-anthropic:*', 'nova-act:*'],
      resources: ['*'],
    }, 'C');
    roleWith(stack, { actions: ['bedrock:InvokeModel'], notResources: ['*'] }, 'D');
    expect(validateApp(app).violations).toEqual([]);
  });

  test('compliant: a statement pinned to Australian Regions by aws:RequestedRegion', () => {
    const { app, stack } = sydneyApp();
    roleWith(stack, {
      actions: ['bedrock:InvokeModel'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': ['ap-southeast-2', 'ap-southeast-4'] } },
    });
    expect(validateApp(app).violations).toEqual([]);
  });
});

describe('AuBedrock1 on template fragments', () => {
  const invoke = (Resource: unknown, extra: Record<string, unknown> = {}) =>
    runRule(AU_BEDROCK_1, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource, ...extra }));

  test('a single statement object (not a list) and a JSON-text document are read', () => {
    expect(runRule(AU_BEDROCK_1, 'AWS::IAM::Policy', { PolicyDocument: { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } } }))
      .toEqual([expect.objectContaining({ severity: 'error', location: 'Properties/PolicyDocument/Statement/Resource' })]);
    expect(runRule(AU_BEDROCK_1, 'AWS::IAM::ManagedPolicy', { PolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }))
      .toHaveLength(1);
  });

  test('a wholly deploy-time resource (a parameter) is a warning, not an error', () => {
    expect(invoke({ Ref: 'ModelArn' })).toEqual([expect.objectContaining({
      severity: 'warning', message: expect.stringMatching(/^cannot verify: .* on "\$\{ModelArn\}"/),
    })]);
  });

  test('an attribute of a same-template resource is not a Bedrock model: nothing to report', () => {
    expect(runRule(AU_BEDROCK_1, 'AWS::IAM::Policy', policyWith({ Effect: 'Allow', Action: '*', Resource: { 'Fn::GetAtt': ['Bucket', 'Arn'] } }), { Bucket: 'AWS::S3::Bucket' }))
      .toEqual([]);
  });

  test('StringLike aws:RequestedRegion "ap-*" does not pin to Australia; "ap-southeast-[24]" literals do', () => {
    expect(invoke('*', { Condition: { StringLike: { 'aws:RequestedRegion': 'ap-*' } } })).toHaveLength(1);
    expect(invoke('*', { Condition: { StringLike: { 'aws:RequestedRegion': 'ap-southeast-2' } } })).toEqual([]);
    expect(invoke('*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } } })).toHaveLength(1);
  });

  test('odd input never throws', () => {
    for (const props of [
      {}, { PolicyDocument: 'not json' }, { PolicyDocument: { 'Fn::If': ['C', {}, {}] } },
      { PolicyDocument: { Statement: [null, 3, 'x', { 'Fn::If': ['C', {}, {}] }] } },
      { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: { 'Fn::Split': [',', 'a'] }, Resource: 7 }] } },
      { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['bedrock:InvokeModel', { Ref: 'AWS::NoValue' }], Resource: [{ Ref: 'AWS::NoValue' }] }] } },
    ]) {
      expect(() => runRule(AU_BEDROCK_1, 'AWS::IAM::Policy', props as any)).not.toThrow();
    }
  });
});
