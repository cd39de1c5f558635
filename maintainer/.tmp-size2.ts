import { residencyPostureDocument } from '../src/core/statements/documents';
import { resolveResidencyRules } from '../src/core/statements/residency-rules';
const opts = JSON.parse(require('fs').readFileSync('test/integ/decision-table/scenarios/surface-2026-opt-in-and-exemptions.json', 'utf8')).options;
const d = residencyPostureDocument(resolveResidencyRules(opts));
console.log(JSON.stringify(d).length);
for (const s of d.Statement) console.log(s.Sid, JSON.stringify(s).length);
