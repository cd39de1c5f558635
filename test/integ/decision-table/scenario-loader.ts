/**
 * Loads the hand-written decision tables: one JSON file per posture
 * configuration, each row a request and the decision expected from each policy.
 * Adding a case is adding a row; adding a configuration is adding a file.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { APP_ROLE } from './legs';
import { Decision, SimRequest } from './simulate';
import { ResidencyPolicyOptions, SovereignBedrockInvokerProps } from '../../../src';
import { POLICY_VARIANTS, PolicyVariant } from '../../helpers/synth-policies';

export interface ScenarioRow extends SimRequest {
  readonly name: string;
  readonly expect: Record<PolicyVariant, Decision>;
  /** Optional invoker column: SovereignBedrockInvoker's default role under the posture SCP. */
  readonly expectInvoker?: Decision;
}

export interface ScenarioFile {
  readonly file: string;
  readonly description: string;
  readonly options: ResidencyPolicyOptions;
  /** Props of the SovereignBedrockInvoker whose role the invoker column uses (default: none beyond assumedBy). */
  readonly invoker: Partial<SovereignBedrockInvokerProps>;
  readonly rows: ScenarioRow[];
}

interface RawRow {
  name: string;
  principal?: string;
  action: string;
  resource: string;
  context: Record<string, string>;
  /** One decision for every policy, or one per policy. */
  expect: Decision | Record<PolicyVariant, Decision>;
  expectInvoker?: Decision;
}

const DIR = join(__dirname, 'scenarios');

function normaliseExpect(expect: RawRow['expect'], where: string): Record<PolicyVariant, Decision> {
  const all = typeof expect === 'string'
    ? { auOnly: expect, regionAllowlist: expect, posture: expect }
    : expect;
  for (const v of POLICY_VARIANTS) {
    if (all[v] !== 'Allowed' && all[v] !== 'Denied') throw new Error(`${where}: expect.${v} must be Allowed or Denied`);
  }
  return all;
}

export function loadScenarioFiles(): ScenarioFile[] {
  return readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    return {
      file,
      description: raw.description,
      options: raw.options ?? {},
      invoker: raw.invoker ?? {},
      rows: (raw.rows as RawRow[]).map((r) => ({
        name: r.name,
        principal: r.principal ?? APP_ROLE,
        action: r.action,
        resource: r.resource,
        context: r.context,
        expect: normaliseExpect(r.expect, `${file}: ${r.name}`),
        expectInvoker: r.expectInvoker,
      })),
    };
  });
}
