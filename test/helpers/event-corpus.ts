/**
 * Loads the CloudTrail event corpus: one JSON file per event in ./events, each
 * recording (as data) which detections must fire for it. Adding a case is adding
 * a file.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

export const SIGNALS = [
  'servedOutsideAustralia', 'globalModel', 'nonAustralianProfile',
  'mantleOutsideAustralia', 'agentCoreOutsideAustralia', 'claudePlatform', 'foreignProfileConfiguration',
] as const;
export type SignalName = typeof SIGNALS[number];

export interface CorpusEvent {
  readonly file: string;
  readonly description: string;
  /** Where the event's shape comes from: an AWS documentation URL, or what is modelled. */
  readonly shape?: string;
  /** The CloudTrail record, as delivered to CloudWatch Logs and as `detail` to EventBridge. */
  readonly event: Record<string, any>;
  /** Expected with default options (the third signal switched on). */
  readonly fires: Record<SignalName, boolean>;
  /** Expected when the corpus's approved `global.` model ID is approved; defaults to `fires`. */
  readonly firesWithApprovedGlobalModel: Record<SignalName, boolean>;
}

/** The `global.` model the "approved" configuration approves (Claude Opus 4.5, global-only from Sydney). */
export const APPROVED_GLOBAL_MODEL_ID = 'global.anthropic.claude-opus-4-5-20251101-v1:0';

const DIR = join(__dirname, '..', 'integ', 'cloudtrail-events');

function flags(value: unknown, where: string, partial = false): Partial<Record<SignalName, boolean>> {
  if (value === null || typeof value !== 'object') throw new Error(`${where} must be an object`);
  const out: Partial<Record<SignalName, boolean>> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!(SIGNALS as readonly string[]).includes(k)) throw new Error(`${where}.${k} is not one of ${SIGNALS.join(', ')}`);
    if (typeof v !== 'boolean') throw new Error(`${where}.${k} must be true or false`);
    out[k as SignalName] = v;
  }
  if (!partial) {
    for (const s of SIGNALS) if (out[s] === undefined) throw new Error(`${where}.${s} is missing`);
  }
  return out;
}

export function loadCorpus(): CorpusEvent[] {
  return readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    if (typeof raw.description !== 'string' || typeof raw.event !== 'object') {
      throw new Error(`${file}: needs description and event`);
    }
    const fires = flags(raw.fires, `${file}: fires`) as Record<SignalName, boolean>;
    const approved = raw.firesWithApprovedGlobalModel === undefined
      ? {}
      : flags(raw.firesWithApprovedGlobalModel, `${file}: firesWithApprovedGlobalModel`, true);
    if (raw.shape !== undefined && typeof raw.shape !== 'string') throw new Error(`${file}: shape must be text`);
    return { file, description: raw.description, shape: raw.shape, event: raw.event, fires, firesWithApprovedGlobalModel: { ...fires, ...approved } };
  });
}
