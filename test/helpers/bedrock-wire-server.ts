import * as http from 'http';
import * as http2 from 'http2';
import { AddressInfo } from 'net';

/** How the stand-in answers one request. */
export type WireAnswer = 'ok' | 'scp-deny' | 'identity-deny' | 'throttle' | 'validation' | 'not-found' | 'hang';

/** One request the stand-in received, as read off the wire. */
export interface WireRequest {
  readonly service: 'bedrock-runtime' | 'bedrock-agentcore';
  readonly method: string;
  readonly path: string;
  /** Signing Region, from the SigV4 credential scope of the Authorization header. */
  readonly region: string;
  /** Signing service name, from the same scope. */
  readonly signingService: string;
  /** Model ID from `/model/{modelId}/converse`, or the memory ID from `/memories/{memoryId}/actors`. */
  readonly resourceId: string;
  readonly body: any;
  readonly httpVersion: string;
}

export type Decide = (request: WireRequest) => WireAnswer;

const ACCOUNT = '111122223333';
const CALLER = `arn:aws:sts::${ACCOUNT}:assumed-role/SovereignBedrockProbe/probe-session`;
const SCOPE = /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/**
 * A posture as AWS would decide it: calls made outside Sydney and Melbourne are
 * denied by Region, and every system profile but `au.` by profile, in the SCP's
 * own message shape (the denied leg in the serving Region is not modelled).
 */
export function postureDecision(request: WireRequest): WireAnswer {
  if (!['ap-southeast-2', 'ap-southeast-4'].includes(request.region)) return 'scp-deny';
  const prefix = /^(au|apac|global|us|eu|jp|ca|us-gov)\./.exec(request.resourceId)?.[1];
  if (prefix && prefix !== 'au') return 'scp-deny';
  return request.service === 'bedrock-agentcore' ? 'not-found' : 'ok';
}

function resourceArn(r: WireRequest): string {
  if (r.service === 'bedrock-agentcore') return `arn:aws:bedrock-agentcore:${r.region}:${ACCOUNT}:memory/${r.resourceId}`;
  return /^(au|apac|global|us|eu|jp|ca)\./.test(r.resourceId)
    ? `arn:aws:bedrock:${r.region}:${ACCOUNT}:inference-profile/${r.resourceId}`
    : `arn:aws:bedrock:${r.region}::foundation-model/${r.resourceId}`;
}

function action(r: WireRequest): string {
  return r.service === 'bedrock-agentcore' ? 'bedrock-agentcore:ListActors' : 'bedrock:InvokeModel';
}

/** Status, error type (for `x-amzn-errortype`) and JSON body of an answer. */
function answerOf(answer: WireAnswer, r: WireRequest): { status: number; type?: string; body: object } {
  switch (answer) {
    case 'ok':
      return r.service === 'bedrock-agentcore'
        ? { status: 200, body: { actorSummaries: [] } }
        : {
          status: 200,
          body: {
            output: { message: { role: 'assistant', content: [{ text: 'OK' }] } },
            stopReason: 'max_tokens',
            usage: { inputTokens: 14, outputTokens: 1, totalTokens: 15 },
            metrics: { latencyMs: 120 },
          },
        };
    case 'scp-deny':
      return {
        status: 403,
        type: 'AccessDeniedException',
        body: {
          message: `User: ${CALLER} is not authorized to perform: ${action(r)} on resource: ${resourceArn(r)} with an explicit deny in a service control policy: `
            + 'arn:aws:organizations::999988887777:policy/o-exampleorgid/service_control_policy/p-examplepolicy',
        },
      };
    case 'identity-deny':
      return {
        status: 403,
        type: 'AccessDeniedException',
        body: { message: `User: ${CALLER} is not authorized to perform: ${action(r)} on resource: ${resourceArn(r)} because no identity-based policy allows the ${action(r)} action` },
      };
    case 'throttle':
      return { status: 429, type: 'ThrottlingException', body: { message: 'Too many requests, please wait before trying again.' } };
    case 'validation':
      return { status: 400, type: 'ValidationException', body: { message: 'The provided model identifier is invalid.' } };
    case 'not-found':
      return { status: 404, type: 'ResourceNotFoundException', body: { message: `Memory ${r.resourceId} not found` } };
    case 'hang':
      return { status: 0, body: {} };
  }
}

function readRequest(service: WireRequest['service'], method: string, path: string, authorization: string, raw: string, httpVersion: string): WireRequest {
  const scope = SCOPE.exec(authorization);
  const decoded = decodeURIComponent(path.split('?')[0]);
  const id = service === 'bedrock-runtime'
    ? /^\/model\/(.+)\/converse$/.exec(decoded)?.[1] ?? ''
    : /^\/memories\/([^/]+)\/actors$/.exec(decoded)?.[1] ?? '';
  let body: any;
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    body = raw;
  }
  return { service, method, path: decoded, region: scope?.[1] ?? '', signingService: scope?.[2] ?? '', resourceId: id, body, httpVersion };
}

/**
 * Local stand-ins for Bedrock Runtime (HTTP/2 cleartext, as BedrockRuntimeClient
 * speaks HTTP/2) and AgentCore (HTTP/1.1, its SDK client's default), on
 * 127.0.0.1 with ports chosen by the system. Each request is read as AWS
 * would: the signing Region from the SigV4 credential scope, the model from the path.
 */
export class BedrockWireServer {
  public readonly requests: WireRequest[] = [];
  public decide: Decide = postureDecision;
  private readonly h2 = http2.createServer();
  private readonly h1 = http.createServer();
  private readonly sessions = new Set<http2.ServerHttp2Session>();

  constructor() {
    this.h2.on('session', (s) => {
      this.sessions.add(s);
      s.on('close', () => this.sessions.delete(s));
    });
    this.h2.on('stream', (stream, headers) => {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => { raw += d; });
      stream.on('end', () => {
        const r = readRequest('bedrock-runtime', String(headers[':method']), String(headers[':path']), String(headers.authorization ?? ''), raw, '2.0');
        const a = this.answer(r);
        if (a.status === 0) return; // never answers: the client's time limit must end the request
        stream.respond({ ':status': a.status, 'content-type': 'application/json', 'x-amzn-requestid': `req-${this.requests.length}`, ...(a.type ? { 'x-amzn-errortype': a.type } : {}) });
        stream.end(JSON.stringify(a.body));
      });
    });
    this.h1.on('request', (req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => { raw += d; });
      req.on('end', () => {
        const r = readRequest('bedrock-agentcore', req.method ?? '', req.url ?? '', String(req.headers.authorization ?? ''), raw, req.httpVersion);
        const a = this.answer(r);
        if (a.status === 0) return;
        res.writeHead(a.status, { 'content-type': 'application/json', 'x-amzn-requestid': `req-${this.requests.length}`, ...(a.type ? { 'x-amzn-errortype': a.type } : {}) });
        res.end(JSON.stringify(a.body));
      });
    });
  }

  private answer(r: WireRequest) {
    this.requests.push(r);
    return answerOf(this.decide(r), r);
  }

  /** Starts both servers and returns the endpoint URLs. */
  public async start(): Promise<{ runtime: string; agentCore: string }> {
    await new Promise<void>((resolve) => this.h2.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => this.h1.listen(0, '127.0.0.1', resolve));
    return {
      runtime: `http://127.0.0.1:${(this.h2.address() as AddressInfo).port}`,
      agentCore: `http://127.0.0.1:${(this.h1.address() as AddressInfo).port}`,
    };
  }

  public async stop(): Promise<void> {
    for (const s of this.sessions) s.destroy();
    this.h1.closeAllConnections();
    await Promise.all([
      new Promise((resolve) => this.h2.close(resolve)),
      new Promise((resolve) => this.h1.close(resolve)),
    ]);
  }
}

/** Sets the SDK's standard endpoint variables and test credentials; returns a function restoring the environment. */
export function pointSdkAt(endpoints: { runtime: string; agentCore: string }): () => void {
  const saved = { ...process.env };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: endpoints.runtime,
    AWS_ENDPOINT_URL_BEDROCK_AGENTCORE: endpoints.agentCore,
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: '',
    AWS_REGION: 'ap-southeast-2',
  });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  return () => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  };
}
