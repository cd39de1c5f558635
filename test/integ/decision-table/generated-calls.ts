/**
 * Calls generated from the Sydney model catalog (src/core/catalog): every path
 * each model offers from Sydney, the same calls attempted from Melbourne, direct
 * calls from Regions abroad, and the foreign profiles of models Sydney cannot
 * reach, for invoke and streaming actions.
 */
import { Call } from './legs';
import * as abroad from './profiles-abroad.json';
import { SYDNEY_CATALOG } from '../../../src/core/catalog/sydney-catalog.generated';

export const INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
const AUSTRALIAN_ORIGINS = ['ap-southeast-2', 'ap-southeast-4'];
const ABROAD_ORIGINS = ['ap-southeast-1', 'ap-northeast-1', 'us-east-1'];
const PROFILES_ABROAD = abroad.profiles as Record<string, { prefix: string; sourceRegion: string }[]>;

export function generatedCalls(): Call[] {
  const calls: Call[] = [];
  for (const model of SYDNEY_CATALOG.models) {
    for (const action of INVOKE_ACTIONS) {
      const call = (path: string, origin: string): Call => ({
        label: model.name, baseModelId: model.baseModelId, path, origin, action,
      });
      for (const origin of AUSTRALIAN_ORIGINS) {
        // Direct calls are authorised (or not) before Bedrock checks availability,
        // so every model is tried on-demand, available in Sydney or not.
        calls.push(call('on-demand', origin));
        for (const { prefix } of model.profiles) {
          // au. lists Melbourne as a source; apac./global. calls are generated from Sydney only.
          if (origin === 'ap-southeast-2' || prefix === 'au.') calls.push(call(prefix, origin));
        }
      }
      for (const origin of ABROAD_ORIGINS) calls.push(call('on-demand', origin));
      for (const other of PROFILES_ABROAD[model.baseModelId] ?? []) calls.push(call(other.prefix, other.sourceRegion));
    }
  }
  return calls;
}
