import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import * as sdk from '@aws-sdk/client-bedrock';
import { mockClient } from 'aws-sdk-client-mock';
import { CustomResourceEvent } from '../../../src/core/deploy/custom-resource-event';
import {
  decodePhysicalId, encodePhysicalId, LoggingConfig, onInvocationLoggingEvent,
} from '../../../src/core/deploy/invocation-logging-handler';
import { sdkInvocationLoggingApi } from '../../../src/core/deploy/invocation-logging-sdk';

const noSleep = { sleep: async () => {} };
const OURS: LoggingConfig = {
  cloudWatchConfig: {
    logGroupName: '/bedrock/model-invocations/Test',
    roleArn: 'arn:aws:iam::111122223333:role/BedrockLogs',
    largeDataDeliveryS3Config: { bucketName: 'invocation-logs-111122223333' },
  },
  s3Config: { bucketName: 'invocation-logs-111122223333' },
  textDataDeliveryEnabled: true,
  imageDataDeliveryEnabled: false,
  embeddingDataDeliveryEnabled: false,
  videoDataDeliveryEnabled: false,
  audioDataDeliveryEnabled: false,
};
const THEIRS: LoggingConfig = {
  s3Config: { bucketName: 'someone-elses-bucket', keyPrefix: 'team-a' },
  textDataDeliveryEnabled: true,
  imageDataDeliveryEnabled: true,
  embeddingDataDeliveryEnabled: false,
};
const ALLOWED = ['ap-southeast-2', 'ap-southeast-4'];

function event(RequestType: CustomResourceEvent['RequestType'], config: LoggingConfig = OURS, PhysicalResourceId?: string): CustomResourceEvent {
  return {
    RequestType,
    LogicalResourceId: 'InvocationLogs1234',
    PhysicalResourceId,
    ResourceProperties: { ServiceToken: 'arn', LoggingConfig: JSON.stringify(config), AllowedRegions: ALLOWED },
  };
}

describe('Custom::BedrockInvocationLogging handler, against the SDK client mocked', () => {
  const mock = mockClient(sdk.BedrockClient);
  const api = () => sdkInvocationLoggingApi(sdk, new sdk.BedrockClient({ region: 'ap-southeast-2' }));
  const run = (e: CustomResourceEvent, region = 'ap-southeast-2') => onInvocationLoggingEvent(e, { api: api(), region, retry: noSleep });
  beforeEach(() => mock.reset());
  // The mock patches every BedrockClient: the wire tests below need the real one back.
  afterAll(() => mock.restore());

  test('Create with logging off: sets ours, and the physical ID says there is nothing to restore', async () => {
    mock.on(sdk.GetModelInvocationLoggingConfigurationCommand).resolves({});
    mock.on(sdk.PutModelInvocationLoggingConfigurationCommand).resolves({});
    const out = await run(event('Create'));
    expect(out).toEqual({ PhysicalResourceId: 'bedrock-invocation-logging:ap-southeast-2:none', Data: { PreviousConfiguration: '{}' } });
    expect(mock.commandCalls(sdk.PutModelInvocationLoggingConfigurationCommand).map((c) => c.args[0].input)).toEqual([{ loggingConfig: OURS }]);
  });

  test('Create over another configuration keeps it in the physical ID and returns it as an attribute', async () => {
    mock.on(sdk.GetModelInvocationLoggingConfigurationCommand).resolves({ loggingConfig: THEIRS });
    mock.on(sdk.PutModelInvocationLoggingConfigurationCommand).resolves({});
    const out = await run(event('Create'));
    expect(decodePhysicalId(out.PhysicalResourceId)).toEqual({ region: 'ap-southeast-2', previous: THEIRS });
    expect(JSON.parse(out.Data!.PreviousConfiguration)).toEqual(THEIRS);
  });

  test('a retried Create over our own configuration does not record ours as the previous one', async () => {
    mock.on(sdk.GetModelInvocationLoggingConfigurationCommand).resolves({ loggingConfig: OURS });
    mock.on(sdk.PutModelInvocationLoggingConfigurationCommand).resolves({});
    expect((await run(event('Create'))).PhysicalResourceId).toBe('bedrock-invocation-logging:ap-southeast-2:none');
  });

  test('Update puts the new configuration and keeps the physical ID (no replacement, so no Delete of the old one)', async () => {
    mock.on(sdk.PutModelInvocationLoggingConfigurationCommand).resolves({});
    const id = encodePhysicalId('ap-southeast-2', THEIRS);
    const changed = { ...OURS, imageDataDeliveryEnabled: true };
    const out = await run(event('Update', changed, id));
    expect(out.PhysicalResourceId).toBe(id);
    expect(mock.commandCalls(sdk.GetModelInvocationLoggingConfigurationCommand)).toHaveLength(0);
    expect(mock.commandCalls(sdk.PutModelInvocationLoggingConfigurationCommand)[0].args[0].input.loggingConfig).toEqual(changed);
  });

  test('Delete restores the previous configuration when ours is still in force', async () => {
    mock.on(sdk.GetModelInvocationLoggingConfigurationCommand).resolves({ loggingConfig: OURS });
    mock.on(sdk.PutModelInvocationLoggingConfigurationCommand).resolves({});
    await run(event('Delete', OURS, encodePhysicalId('ap-southeast-2', THEIRS)));
    expect(mock.commandCalls(sdk.PutModelInvocationLoggingConfigurationCommand).map((c) => c.args[0].input.loggingConfig)).toEqual([THEIRS]);
    expect(mock.commandCalls(sdk.DeleteModelInvocationLoggingConfigurationCommand)).toHaveLength(0);
  });

  test('Delete deletes the configuration when logging was off before', async () => {
    mock.on(sdk.GetModelInvocationLoggingConfigurationCommand).resolves({ loggingConfig: OURS });
    mock.on(sdk.DeleteModelInvocationLoggingConfigurationCommand).resolves({});
    await run(event('Delete', OURS, 'bedrock-invocation-logging:ap-southeast-2:none'));
    expect(mock.commandCalls(sdk.DeleteModelInvocationLoggingConfigurationCommand)).toHaveLength(1);
    expect(mock.commandCalls(sdk.PutModelInvocationLoggingConfigurationCommand)).toHaveLength(0);
  });

  test('Delete leaves alone a configuration someone changed since, and says so in the log', async () => {
    mock.on(sdk.GetModelInvocationLoggingConfigurationCommand).resolves({ loggingConfig: { ...OURS, textDataDeliveryEnabled: false } });
    const logged: string[] = [];
    await onInvocationLoggingEvent(event('Delete', OURS, 'bedrock-invocation-logging:ap-southeast-2:none'), { api: api(), region: 'ap-southeast-2', retry: noSleep, log: (t) => logged.push(t) });
    expect(mock.commandCalls(sdk.DeleteModelInvocationLoggingConfigurationCommand)).toHaveLength(0);
    expect(mock.commandCalls(sdk.PutModelInvocationLoggingConfigurationCommand)).toHaveLength(0);
    expect(logged.join('\n')).toMatch(/was changed after this stack set it; leaving it as it is/);
  });

  test('Delete of a physical ID this handler did not write (a failed Create) calls nothing', async () => {
    await run(event('Delete', OURS, 'InvocationLogs1234-failed-create'));
    expect(mock.calls()).toHaveLength(0);
  });

  test('Create and Update outside Australia are refused at deploy time, saying why, before any call', async () => {
    await expect(run(event('Create'), 'us-east-1')).rejects.toThrow(
      /Refusing to turn on Bedrock model invocation logging in us-east-1: its records hold prompts and model outputs.*Deploy this stack to ap-southeast-2 or ap-southeast-4/);
    await expect(run(event('Update', OURS, 'bedrock-invocation-logging:us-east-1:none'), 'us-east-1')).rejects.toThrow(/Refusing/);
    expect(mock.calls()).toHaveLength(0);
  });

  test('a previous configuration too long to keep is a readable failure, before anything is changed', async () => {
    const long = { ...THEIRS, s3Config: { bucketName: 'b', keyPrefix: 'p'.repeat(900) } };
    mock.on(sdk.GetModelInvocationLoggingConfigurationCommand).resolves({ loggingConfig: long });
    await expect(run(event('Create'))).rejects.toThrow(/too long to keep for restoring .*delete-model-invocation-logging-configuration/);
    expect(mock.commandCalls(sdk.PutModelInvocationLoggingConfigurationCommand)).toHaveLength(0);
  });

  test('throttling is retried; a validation error from Bedrock is reported as it is', async () => {
    mock.on(sdk.GetModelInvocationLoggingConfigurationCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } }))
      .resolves({});
    mock.on(sdk.PutModelInvocationLoggingConfigurationCommand).rejects(Object.assign(new Error('Failed to validate permissions for log group'), { name: 'ValidationException' }));
    await expect(run(event('Create'))).rejects.toThrow('Failed to validate permissions for log group');
    expect(mock.commandCalls(sdk.GetModelInvocationLoggingConfigurationCommand)).toHaveLength(2);
  });
});

/**
 * The real SDK client over a real socket: a local HTTP server answering as the
 * Bedrock control plane does (REST JSON, GET/PUT/DELETE /logging/modelinvocations,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PutModelInvocationLoggingConfiguration.html),
 * reached through AWS_ENDPOINT_URL_BEDROCK. The control-plane client speaks HTTP/1.1.
 */
describe('Custom::BedrockInvocationLogging handler, end to end over the wire', () => {
  let server: Server;
  let state: LoggingConfig | undefined;
  const requests: string[] = [];
  const saved = { ...process.env };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        requests.push(`${req.method} ${req.url}`);
        const reply = (status: number, json?: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': 'req-1' });
          res.end(json === undefined ? '' : JSON.stringify(json));
        };
        if (req.url !== '/logging/modelinvocations') return reply(404, { message: 'not found' });
        if (req.method === 'GET') return reply(200, state ? { loggingConfig: state } : {});
        if (req.method === 'PUT') {
          const parsed = JSON.parse(body) as { loggingConfig?: LoggingConfig };
          if (!parsed.loggingConfig?.s3Config && !parsed.loggingConfig?.cloudWatchConfig) {
            res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'ValidationException' });
            return res.end(JSON.stringify({ message: 'At least one destination is required' }));
          }
          state = parsed.loggingConfig;
          return reply(200);
        }
        if (req.method === 'DELETE') { state = undefined; return reply(200); }
        return reply(405, { message: 'method' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_BEDROCK: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_REGION: 'ap-southeast-2',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('create over an existing configuration, update, then delete puts the original back', async () => {
    state = THEIRS;
    const api = sdkInvocationLoggingApi(sdk, new sdk.BedrockClient({}));
    const run = (e: CustomResourceEvent) => onInvocationLoggingEvent(e, { api, region: 'ap-southeast-2', retry: noSleep });

    const created = await run(event('Create'));
    expect(state).toEqual(OURS);
    const changed = { ...OURS, embeddingDataDeliveryEnabled: true };
    const updated = await run(event('Update', changed, created.PhysicalResourceId));
    expect(updated.PhysicalResourceId).toBe(created.PhysicalResourceId);
    expect(state).toEqual(changed);
    await run(event('Delete', changed, created.PhysicalResourceId));
    expect(state).toEqual(THEIRS);
    expect(requests).toEqual([
      'GET /logging/modelinvocations', 'PUT /logging/modelinvocations',
      'PUT /logging/modelinvocations',
      'GET /logging/modelinvocations', 'PUT /logging/modelinvocations',
    ]);
  });

  test('create with logging off, then delete, leaves logging off; a service error reaches CloudFormation', async () => {
    state = undefined;
    requests.length = 0;
    const api = sdkInvocationLoggingApi(sdk, new sdk.BedrockClient({}));
    const run = (e: CustomResourceEvent) => onInvocationLoggingEvent(e, { api, region: 'ap-southeast-2', retry: noSleep });
    const created = await run(event('Create'));
    await run(event('Delete', OURS, created.PhysicalResourceId));
    expect(state).toBeUndefined();
    expect(requests).toEqual(['GET /logging/modelinvocations', 'PUT /logging/modelinvocations', 'GET /logging/modelinvocations', 'DELETE /logging/modelinvocations']);
    await expect(run(event('Create', { textDataDeliveryEnabled: true }))).rejects.toThrow('At least one destination is required');
  });
});
