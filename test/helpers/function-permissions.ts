import { Match, Template } from 'aws-cdk-lib/assertions';

/** The IAM role, policies and log group of the one Lambda function whose description matches. */
export function functionPermissions(template: Template, description: RegExp) {
  const fns = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp(description.source) } }));
  expect(fns).toHaveLength(1);
  const fn: any = fns[0];
  const roleId: string = fn.Properties.Role['Fn::GetAtt'][0];
  const role = template.findResources('AWS::IAM::Role')[roleId];
  const managedRefs: unknown[] = role.Properties.ManagedPolicyArns ?? [];
  const managed = template.findResources('AWS::IAM::ManagedPolicy');
  const inline = Object.values(template.findResources('AWS::IAM::Policy')).filter((p: any) => p.Properties.Roles.some((r: any) => r.Ref === roleId));
  return {
    /** Every ARN or reference in the role's ManagedPolicyArns: only customer managed policies of this stack, no AWS managed ones. */
    managedPolicyArns: managedRefs,
    /** Statements of the role's customer managed policies and any inline policy on it. */
    statements: [
      ...managedRefs.flatMap((ref: any) => (ref?.Ref && managed[ref.Ref] ? managed[ref.Ref].Properties.PolicyDocument.Statement : [])),
      ...inline.flatMap((p: any) => p.Properties.PolicyDocument.Statement),
    ],
    inlinePolicies: inline.length,
    logGroup: fn.Properties.LoggingConfig?.LogGroup,
  };
}

/** Asserts the function logs to its own log group, with retention, through a customer managed policy; returns its other statements. */
export function permissionsBesidesLogging(template: Template, description: RegExp): any[] {
  const p = functionPermissions(template, description);
  expect(p.inlinePolicies).toBe(0);
  expect(p.managedPolicyArns.every((a: any) => typeof a?.Ref === 'string')).toBe(true);
  const logGroupId = p.logGroup?.Ref;
  expect(template.findResources('AWS::Logs::LogGroup')[logGroupId]?.Properties.RetentionInDays).toBe(365);
  const [logging, ...rest] = p.statements;
  expect(logging).toEqual({
    Sid: 'WriteOwnLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
  });
  return rest;
}
