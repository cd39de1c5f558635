import { readFileSync } from 'fs';
import { RULES_DOC, renderRulesDoc } from '../../maintainer/rules-doc';
import { SovereignBedrockChecks } from '../../src';

test('docs/rules.md is generated from the rules: run maintainer/rules-doc.ts after changing one', () => {
  expect(readFileSync(RULES_DOC, 'utf8')).toBe(renderRulesDoc());
});

test('the table has a row per rule, with its name and fix', () => {
  const doc = renderRulesDoc();
  for (const r of SovereignBedrockChecks.rules()) {
    expect(doc).toContain(`| ${r.id} | ${r.name} |`);
    expect(doc).toContain(r.fix.replace(/\|/g, '\\|'));
  }
});
