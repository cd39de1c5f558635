/** What the service's answer says about the controls. */
export type ProbeOutcome = 'REACHED' | 'DENIED_BY_SCP' | 'DENIED_OTHER' | 'INCONCLUSIVE';

/** One answer's classification. */
export interface Classification {
  readonly outcome: ProbeOutcome;
  readonly detail: string;
  /** The caller named by a denial message ("User: arn:... is not authorized"), when there was one. */
  readonly callerArn?: string;
}

/** The fields of an AWS SDK v3 error the probe reads. */
interface SdkErrorLike {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * Error names that mean the request passed authorisation: the service went on
 * to perform the operation (look up the resource, run the model). IAM's request
 * flow authorises a request before the service performs it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/intro-structure.html).
 */
const REACHED_ERRORS: Readonly<Record<string, string>> = {
  ResourceNotFoundException: 'the service looked the resource up, which it does only after authorising the request',
  ModelErrorException: 'the model ran and failed, after the request was authorised',
  ModelTimeoutException: 'the model ran and timed out, after the request was authorised',
};

/**
 * Error names that say nothing about the controls. Whether Bedrock authorises a
 * request before it validates the body is not documented, so a ValidationException
 * may come before authorisation: it proves neither way.
 */
const INCONCLUSIVE_ERRORS: Readonly<Record<string, string>> = {
  ValidationException: 'validation error: AWS does not document whether Bedrock authorises a request before validating it, so this proves neither allow nor deny',
  ThrottlingException: 'throttled (after the SDK\'s retries): run the probe again later',
  ServiceQuotaExceededException: 'a service quota was exceeded: run the probe again later',
  ServiceUnavailableException: 'the service was unavailable: run the probe again later',
  InternalServerException: 'the service failed internally: run the probe again later',
  ModelNotReadyException: 'the model was not ready to serve: run the probe again later',
  UnrecognizedClientException: 'the credentials were not recognised: the request was never authorised either way',
  InvalidSignatureException: 'the request signature was refused: the request was never authorised either way',
  ExpiredTokenException: 'the credentials have expired: the request was never authorised either way',
  CredentialsProviderError: 'no credentials were found: the request was never sent',
  TimeoutError: 'the request timed out',
  AbortError: 'the request was abandoned at the probe\'s per-call time limit',
};

const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'ERR_HTTP2_STREAM_ERROR', 'ERR_HTTP2_SESSION_ERROR'];

const SCP_MESSAGE = /service control polic(y|ies)/i;
const CALLER = /User: (arn:[^\s]+) is not authori[sz]ed/;

function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A successful answer. */
export function classifySuccess(summary: string): Classification {
  return { outcome: 'REACHED', detail: `the service answered: ${summary}` };
}

/**
 * Classifies an error thrown by the SDK. A denial counts as DENIED_BY_SCP only
 * when its message names a service control policy, as AWS's explicit-deny
 * messages do ("... with an explicit deny in a service control policy: arn:...");
 * both `AccessDeniedException` and `AccessDenied` are accepted.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export function classifyError(error: unknown): Classification {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SdkErrorLike;
  const name = e.name ?? '';
  const message = oneLine(e.message ?? '');
  const callerArn = CALLER.exec(e.message ?? '')?.[1];
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || e.code === 'AccessDenied') {
    if (SCP_MESSAGE.test(e.message ?? '')) {
      return { outcome: 'DENIED_BY_SCP', detail: `${name || 'AccessDenied'}: ${message}`, callerArn };
    }
    return {
      outcome: 'DENIED_OTHER',
      detail: `${name || 'AccessDenied'} without a service control policy named (an identity or permissions-boundary policy, `
        + `a resource control policy, or model access not granted): ${message}`,
      callerArn,
    };
  }
  if (name in REACHED_ERRORS) return { outcome: 'REACHED', detail: `${name}: ${REACHED_ERRORS[name]} (${message})` };
  if (name in INCONCLUSIVE_ERRORS) return { outcome: 'INCONCLUSIVE', detail: `${name}: ${INCONCLUSIVE_ERRORS[name]} (${message})` };
  if (e.code && NETWORK_CODES.includes(e.code)) return { outcome: 'INCONCLUSIVE', detail: `network error ${e.code}: ${message}` };
  const status = e.$metadata?.httpStatusCode;
  return {
    outcome: 'INCONCLUSIVE',
    detail: `unexpected answer ${name || 'error'}${status ? ` (HTTP ${status})` : ''}: ${message || 'no message'}`,
  };
}
