/**
 * The AI surface table against the installed Service Authorization Reference
 * data: every prefix of the machine-learning-and-ai category, and every prefix
 * of the Bedrock family, is classified; a prefix AWS adds is caught.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AI_CATEGORY, IAM_DATA, SarData } from '../../../maintainer/service-authorization';
import { CoveredService } from '../../../src';
import { SERVICE_SURFACE } from '../../../src/core/audit/service-surface.generated';
import {
  AI_SURFACE, DENIED_EVERYWHERE_PREFIXES, eventSourceOf, PARTLY_GOVERNED, REGION_GOVERNED_PREFIXES, surfaceEntry, unclassifiedPrefixes,
} from '../../../src/core/surface/ai-surface';

const installed = new SarData();
const serviceNames: Record<string, string> = JSON.parse(readFileSync(join(IAM_DATA, 'data', 'serviceNames.json'), 'utf8'));

describe('the AI surface table', () => {
  test('classifies every prefix of the installed machine-learning-and-ai category', () => {
    expect(installed.category().length).toBeGreaterThanOrEqual(46);
    expect(unclassifiedPrefixes(installed.category())).toEqual([]);
  });

  test('fails on a prefix AWS adds to the category (a synthetic copy of the data with one more)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-data-'));
    try {
      mkdirSync(join(dir, 'data', 'categories'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '0.0.0-test', updatedAt: '2026-12-04T00:00:00Z' }));
      const category = JSON.parse(readFileSync(join(IAM_DATA, 'data', 'categories', `${AI_CATEGORY}.json`), 'utf8'));
      category.services.push('bedrock-imagined');
      writeFileSync(join(dir, 'data', 'categories', `${AI_CATEGORY}.json`), JSON.stringify(category));
      expect(unclassifiedPrefixes(new SarData(dir).category())).toEqual(['bedrock-imagined']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('classifies every prefix of the Bedrock family, in the category or not', () => {
    const family = Object.entries(serviceNames)
      .filter(([prefix, name]) => /^bedrock/.test(prefix) || /Bedrock|Nova|Agent Registry|Claude/.test(name))
      .map(([prefix]) => prefix);
    expect(family).toEqual(expect.arrayContaining(['bedrock', 'bedrock-agentcore', 'agent-registry', 'nova-act', 'aws-external-anthropic']));
    expect(unclassifiedPrefixes(family)).toEqual([]);
  });

  test('names only prefixes the data knows, once each, each with a reason and an AWS source', () => {
    const prefixes = AI_SURFACE.map((e) => e.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const e of AI_SURFACE) {
      expect({ prefix: e.prefix, known: serviceNames[e.prefix] !== undefined }).toEqual({ prefix: e.prefix, known: true });
      expect(e.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(e.reason.length).toBeGreaterThan(20);
    }
  });

  test('governed and denied prefixes have event sources; the audit extract holds exactly them, and the category as installed', () => {
    for (const p of [...REGION_GOVERNED_PREFIXES, ...DENIED_EVERYWHERE_PREFIXES]) expect(eventSourceOf(p)).toMatch(new RegExp(`^${p}`));
    expect(Object.keys(SERVICE_SURFACE.services).sort())
      .toEqual([...REGION_GOVERNED_PREFIXES, ...DENIED_EVERYWHERE_PREFIXES, ...PARTLY_GOVERNED.map((p) => p.prefix)].sort());
    // A partly governed prefix keeps only the actions the posture governs.
    expect(Object.keys(SERVICE_SURFACE.services.sagemaker.actions)).toEqual(['InvokeEndpoint', 'InvokeEndpointAsync', 'InvokeEndpointWithResponseStream']);
    expect(SERVICE_SURFACE.categoryPrefixes).toEqual(installed.category());
  });

  test('CoveredService names exactly the Region-governed prefixes', () => {
    expect(Object.values(CoveredService).sort()).toEqual([...REGION_GOVERNED_PREFIXES].sort());
  });

  test('Agent Registry is Region-governed, Nova Act and Claude Platform are denied everywhere, SageMaker is partly governed', () => {
    expect(surfaceEntry('agent-registry')?.treatment).toBe('REGION_GOVERNED');
    expect(surfaceEntry('nova-act')?.treatment).toBe('DENIED_EVERYWHERE');
    expect(surfaceEntry('aws-external-anthropic')?.treatment).toBe('DENIED_EVERYWHERE');
    expect(surfaceEntry('sagemaker')).toMatchObject({ treatment: 'OUT_OF_SCOPE', partial: expect.stringMatching(/InvokeEndpoint/) });
  });
});
