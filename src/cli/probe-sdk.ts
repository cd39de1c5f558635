import { MissingSdkError } from './organizations-sdk';
import { ProbeService } from '../core/probe/probe-paths';

/** The SDK client each probed service needs; loaded at run time like the audit's Organizations client. */
export const PROBE_SDKS: Readonly<Record<ProbeService, string>> = {
  bedrock: '@aws-sdk/client-bedrock-runtime',
  agentcore: '@aws-sdk/client-bedrock-agentcore',
};

/** Loads the SDK modules for the services probed, or explains how to install the missing ones. */
export function loadProbeSdks(services: readonly ProbeService[], require_: (id: string) => any = require): { runtime?: any; agentCore?: any } {
  const missing: string[] = [];
  const load = (service: ProbeService): any => {
    if (!services.includes(service)) return undefined;
    try {
      return require_(PROBE_SDKS[service]);
    } catch (e) {
      if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
      missing.push(PROBE_SDKS[service]);
      return undefined;
    }
  };
  const sdk = { runtime: load('bedrock'), agentCore: load('agentcore') };
  if (missing.length > 0) {
    const list = missing.join(' ');
    throw new MissingSdkError(
      `The probe calls AWS with ${missing.join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. Install next to this package `
      + `(npm install --save-dev ${list}) and run the installed command again, for example ./node_modules/.bin/cdk-sovereign-bedrock probe`
      + (services.length > 1 ? ' (or probe fewer services with --services)' : ''));
  }
  return sdk;
}
