import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AuBedrockResidencyScp, OrganizationalUnitPath } from '../../src';
import { errorOf } from '../helpers/errors';
import { permissionsBesidesLogging } from '../helpers/function-permissions';
import { newStack, onlyPolicy } from '../helpers/stack';

/** The IAM actions granted to the role of each Lambda function whose description matches. */
function actionsOfFunction(template: Template, description: RegExp): string[] {
  return permissionsBesidesLogging(template, description).flatMap((s: any) => {
    expect(s).toMatchObject({ Effect: 'Allow', Resource: '*' });
    return [s.Action].flat();
  }).sort();
}

describe('OrganizationalUnitPath', () => {
  test('the same path twice in one stack is refused, naming the construct that already resolves it', () => {
    const stack = newStack();
    new OrganizationalUnitPath(stack, 'Prod', { path: 'Root/Workloads/Prod' });
    expect(errorOf(() => new OrganizationalUnitPath(stack, 'ProdAgain', { path: 'Root/Workloads/Prod' }))).toBe(
      'OrganizationalUnitPath at Test/ProdAgain: invalid props (1 problem):\n'
      + '  - path: "Root/Workloads/Prod" is already resolved in this stack by the OrganizationalUnitPath at Test/Prod: '
      + 'use that construct\'s organizationalUnitId instead of resolving the same OU twice');
    // Another path, or the same path in another stack, is fine.
    new OrganizationalUnitPath(stack, 'Dev', { path: 'Root/Workloads/Dev' });
    new OrganizationalUnitPath(new Stack(stack.node.root as App, 'Other'), 'Prod', { path: 'Root/Workloads/Prod' });
  });

  test('a custom resource carries the path; the OU ID is its Id attribute, usable as an SCP target', () => {
    const stack = newStack();
    const prod = new OrganizationalUnitPath(stack, 'Prod', { path: 'Root/Workloads/Prod' });
    new AuBedrockResidencyScp(stack, 'Posture', { targetIds: [prod.organizationalUnitId] });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::OrganizationalUnitPath', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdkSovereignBedrockOuPathProviderframeworkonEvent'), 'Arn'] },
      Path: 'Root/Workloads/Prod',
    });
    const [logicalId] = Object.keys(template.findResources('Custom::OrganizationalUnitPath'));
    expect(onlyPolicy(stack).TargetIds).toEqual([{ 'Fn::GetAtt': [logicalId, 'Id'] }]);
    expect(prod.path).toBe('Root/Workloads/Prod');
  });

  test('the handler runs on nodejs24.x from the bundled asset and may only list roots and OUs', () => {
    const stack = newStack();
    new OrganizationalUnitPath(stack, 'Prod', { path: 'Root/Workloads/Prod' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('resolves AWS Organizations OU paths'),
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 300,
    });
    expect(actionsOfFunction(template, /resolves AWS Organizations OU paths/))
      .toEqual(['organizations:ListOrganizationalUnitsForParent', 'organizations:ListRoots']);
  });

  test('forty paths in a stack share one handler function and one provider', () => {
    const stack = newStack();
    for (let i = 0; i < 40; i++) new OrganizationalUnitPath(stack, `Ou${i}`, { path: `Root/Workloads/Team${i}` });
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::OrganizationalUnitPath', 40);
    // One handler plus the provider framework's onEvent function.
    template.resourceCountIs('AWS::Lambda::Function', 2);
    expect(OrganizationalUnitPath.provider(stack)).toBe(OrganizationalUnitPath.provider(new OrganizationalUnitPath(stack, 'More', { path: 'Root/X' })));
  });

  test('each stack gets its own provider', () => {
    const app = new App();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    new OrganizationalUnitPath(a, 'P', { path: 'Root/Workloads' });
    new OrganizationalUnitPath(b, 'P', { path: 'Root/Workloads' });
    expect(OrganizationalUnitPath.provider(a)).not.toBe(OrganizationalUnitPath.provider(b));
    Template.fromStack(b).resourceCountIs('AWS::Lambda::Function', 2);
  });

  test('bad paths are reported together, naming the prop and the accepted form', () => {
    const bad = (path: string) => () => new OrganizationalUnitPath(newStack(), 'P', { path });
    expect(bad('Workloads/Prod')).toThrow(/OrganizationalUnitPath at Test\/P: invalid props \(1 problem\):\n  - path: "Workloads\/Prod" does not start with 'Root\/'. Use OU names from the root separated by '\/', like 'Root\/Workloads\/Prod'/);
    expect(bad('Root')).toThrow(/path: "Root" names the root, not an OU/);
    expect(bad('Root/')).toThrow(/path: "Root\/" names the root, not an OU/);
    expect(bad(`Root//Prød/${'x'.repeat(129)}/`)).toThrow(new RegExp([
      'invalid props \\(4 problems\\)',
      '  - path: segment 1 below Root of "Root//Prød/x{29}…" is empty; remove the doubled or trailing \'/\'',
      '  - path: segment 2 below Root \\("Prød"\\) contains "ø"; OU names are printable ASCII characters',
      '  - path: segment 3 below Root \\("x{40}…"\\) is 129 characters; OU names are 1-128 characters',
      '  - path: segment 4 below Root of .* is empty',
    ].join('[^]*')));
    expect(bad('Root/a/b/c/d/e/f')).toThrow(/is 6 OUs deep; Organizations nests OUs at most 5 levels below the root/);
    expect(bad(`Root/${'x'.repeat(128)}`)).not.toThrow();
    expect(bad('Root/Tab\there')).toThrow(/contains "\\t"/);
  });

  test('a token path is left to the deploy-time check', () => {
    const stack = newStack();
    const param = new CfnParameter(stack, 'OuPath');
    new OrganizationalUnitPath(stack, 'P', { path: param.valueAsString });
    Template.fromStack(stack).hasResourceProperties('Custom::OrganizationalUnitPath', { Path: { Ref: 'OuPath' } });
  });
});
