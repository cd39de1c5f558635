import { EVIDENCE_MAPPING } from '../../../src/core/audit/render-report';
import { evidenceMapping } from '../../../src/core/report/evidence-mapping';

test('the mapping covers the five requirements for each input', () => {
  expect(evidenceMapping().map((m) => m.id)).toEqual(['ISM-1572', 'ISM-1637/1638', 'CPS 234', 'CPS 230', 'APP 8']);
  for (const m of evidenceMapping()) {
    for (const scope of Object.values(m.byInput)) expect(scope.shows.length * scope.doesNotShow.length).toBeGreaterThan(0);
  }
});

test('the audit\'s wording is the audit report\'s own', () => {
  expect(evidenceMapping().map((m) => m.byInput.audit)).toEqual(EVIDENCE_MAPPING.map((m) => ({ shows: m.shows, doesNotShow: m.doesNotShow })));
});
