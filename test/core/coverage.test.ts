/** The posture's surface lists name things that exist in the Service Authorization Reference data. */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { CoveredService } from '../../src';
import {
  DEFAULT_COVERED_PREFIXES, DENIED_EVERYWHERE_PREFIXES, PROFILE_RESOURCE_TYPES, REGION_BOUND_PREFIXES, isRegionBoundPrefix,
} from '../../src/core/coverage';

const DATA = join(__dirname, '..', '..', 'node_modules', '@cloud-copilot', 'iam-data', 'data');

describe('coverage lists', () => {
  test('every prefix is an IAM service in the data', () => {
    for (const prefix of [...REGION_BOUND_PREFIXES, ...DENIED_EVERYWHERE_PREFIXES]) {
      expect({ prefix, known: existsSync(join(DATA, 'actions', `${prefix}.json`)) }).toEqual({ prefix, known: true });
    }
  });

  test('every profile resource type is a Bedrock resource type', () => {
    const types = JSON.parse(readFileSync(join(DATA, 'resourceTypes', 'bedrock.json'), 'utf8'));
    for (const t of PROFILE_RESOURCE_TYPES) expect(types[t]).toBeDefined();
  });

  test('the CoveredService enum names exactly the Region-bound prefixes, all covered by default', () => {
    expect(Object.values(CoveredService)).toEqual([...REGION_BOUND_PREFIXES]);
    expect(DEFAULT_COVERED_PREFIXES).toEqual(REGION_BOUND_PREFIXES);
    expect(isRegionBoundPrefix('bedrock-agentcore')).toBe(true);
    expect(isRegionBoundPrefix('aws-external-anthropic')).toBe(false);
  });
});
