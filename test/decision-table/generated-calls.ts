/**
 * Calls generated from the Sydney model matrix: every path each model offers
 * from Sydney, the same calls attempted from Melbourne, and direct or local-profile
 * calls from Regions abroad, for invoke and streaming actions.
 */
import { Call } from './legs';
import * as matrix from './sydney-model-matrix.json';

interface MatrixModel {
  readonly name: string;
  readonly baseModelId: string;
  readonly onDemandInSydney: boolean;
  readonly sydneyProfiles: readonly string[];
  readonly otherProfiles?: readonly { prefix: string; sourceRegion: string }[];
}

export const INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
const AUSTRALIAN_ORIGINS = ['ap-southeast-2', 'ap-southeast-4'];
const ABROAD_ORIGINS = ['ap-southeast-1', 'ap-northeast-1', 'us-east-1'];

export function matrixModels(): readonly MatrixModel[] {
  return matrix.models as MatrixModel[];
}

export function generatedCalls(): Call[] {
  const calls: Call[] = [];
  for (const model of matrixModels()) {
    for (const action of INVOKE_ACTIONS) {
      const call = (path: string, origin: string): Call => ({
        label: model.name, baseModelId: model.baseModelId, path, origin, action,
      });
      for (const origin of AUSTRALIAN_ORIGINS) {
        // Direct calls are authorised (or not) before Bedrock checks availability,
        // so every model is tried on-demand, available in Sydney or not.
        calls.push(call('on-demand', origin));
        for (const prefix of model.sydneyProfiles) {
          // au. lists Melbourne as a source; apac./global. calls are generated from Sydney only.
          if (origin === 'ap-southeast-2' || prefix === 'au.') calls.push(call(prefix, origin));
        }
      }
      for (const origin of ABROAD_ORIGINS) calls.push(call('on-demand', origin));
      for (const other of model.otherProfiles ?? []) calls.push(call(other.prefix, other.sourceRegion));
    }
  }
  return calls;
}
