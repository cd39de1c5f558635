/**
 * The esbuild bundle in assets/ is what Lambda runs: load it as Lambda would
 * (CommonJS, `handler` export, the SDK resolved from outside the bundle, the
 * Region from AWS_REGION) and drive it against the mocked Bedrock client.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as sdk from '@aws-sdk/client-bedrock';
import { mockClient } from 'aws-sdk-client-mock';

const BUNDLE = path.join(__dirname, '..', '..', 'assets', 'observe', 'invocation-logging.lambda', 'index.js');
const CONFIG = { s3Config: { bucketName: 'logs' }, textDataDeliveryEnabled: true };

describe('the bundled invocation logging handler', () => {
  const saved = process.env.AWS_REGION;
  afterEach(() => { process.env.AWS_REGION = saved; });

  test('leaves the SDK out and stays small', () => {
    const code = fs.readFileSync(BUNDLE, 'utf8');
    expect(code).toContain('require("@aws-sdk/client-bedrock")');
    expect(code).not.toMatch(/smithy|@aws-sdk\/core/);
    expect(code.length).toBeLessThan(50_000);
  });

  test('sets the configuration in the Region it runs in, and refuses one outside Australia', async () => {
    const mock = mockClient(sdk.BedrockClient);
    mock.on(sdk.GetModelInvocationLoggingConfigurationCommand).resolves({});
    mock.on(sdk.PutModelInvocationLoggingConfigurationCommand).resolves({});
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const event = { RequestType: 'Create', LogicalResourceId: 'L', ResourceProperties: { LoggingConfig: JSON.stringify(CONFIG), AllowedRegions: ['ap-southeast-2', 'ap-southeast-4'] } };
    process.env.AWS_REGION = 'ap-southeast-4';
    const { handler } = jest.requireActual(BUNDLE);
    await expect(handler(event)).resolves.toEqual({ PhysicalResourceId: 'bedrock-invocation-logging:ap-southeast-4:none', Data: { PreviousConfiguration: '{}' } });
    expect(mock.commandCalls(sdk.PutModelInvocationLoggingConfigurationCommand)[0].args[0].input).toEqual({ loggingConfig: CONFIG });
    process.env.AWS_REGION = 'us-west-2';
    await expect(handler(event)).rejects.toThrow(/Refusing to turn on Bedrock model invocation logging in us-west-2/);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('us-west-2'));
    error.mockRestore();
    mock.restore();
  });
});
