import { readFileSync } from 'fs';
import { COVERAGE_DOC, renderSurfaceSection, withSurfaceSection } from '../../maintainer/surface-doc';
import { AI_SURFACE } from '../../src/core/surface/ai-surface';

test('docs/coverage.md lists the AI surface as the table classifies it: run maintainer/surface-doc.ts after changing the table', () => {
  const doc = readFileSync(COVERAGE_DOC, 'utf8');
  expect(doc).toBe(withSurfaceSection(doc));
});

test('the section has a row per classified prefix', () => {
  const section = renderSurfaceSection();
  for (const e of AI_SURFACE) expect(section).toContain(`| \`${e.prefix}\` | ${e.name} |`);
});
