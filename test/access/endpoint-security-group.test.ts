import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SovereignBedrockInvoker } from '../../src';

function invokerIn(vpcEndpointSecurityGroups?: (stack: Stack, vpc: ec2.Vpc) => ec2.ISecurityGroup[]) {
  const stack = new Stack(new App(), 'Workload', { env: { account: '111122223333', region: 'ap-southeast-2' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new SovereignBedrockInvoker(stack, 'Invoker', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    models: ['Claude Haiku 4.5'],
    vpc,
    vpcEndpointSecurityGroups: vpcEndpointSecurityGroups?.(stack, vpc),
  });
  return Template.fromStack(stack);
}

describe('the Bedrock Runtime endpoint\'s security group', () => {
  test('by default: HTTPS from the VPC\'s CIDR only, and no outbound rule', () => {
    const t = invokerIn();
    t.resourceCountIs('AWS::EC2::SecurityGroup', 1);
    const [sgId] = Object.keys(t.findResources('AWS::EC2::SecurityGroup'));
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] }, Description: 'HTTPS from this VPC' }],
      // CDK's stand-in for "no egress": a rule that matches no traffic.
      SecurityGroupEgress: [{ CidrIp: '255.255.255.255/32', IpProtocol: 'icmp', FromPort: 252, ToPort: 86 }],
    });
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', { SecurityGroupIds: [{ 'Fn::GetAtt': [sgId, 'GroupId'] }], PrivateDnsEnabled: true });
  });

  test('given the user\'s security groups, the library creates none (CDK opens them to the VPC on 443, as before)', () => {
    const t = invokerIn((stack, vpc) => [new ec2.SecurityGroup(stack, 'Mine', { vpc })]);
    t.resourceCountIs('AWS::EC2::SecurityGroup', 1);
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Workload/Mine',
      SecurityGroupIngress: [Match.objectLike({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443 })],
    });
  });
});
