import { residencyPostureDocument, regionAllowlistDocument, auOnlyInferenceDocument } from '../src/core/statements/documents';
import { resolveResidencyRules } from '../src/core/statements/residency-rules';
const r = resolveResidencyRules({});
for (const [n, d] of [['posture', residencyPostureDocument(r)], ['region', regionAllowlistDocument(r)], ['auOnly', auOnlyInferenceDocument(r)]] as const) console.log(n, JSON.stringify(d).length);
const r2 = resolveResidencyRules({ exemptPrincipalArns: ['arn:aws:iam::*:role/AWSControlTowerExecution', 'arn:aws:iam::*:role/BreakGlass'] });
console.log('posture+2exempt', JSON.stringify(residencyPostureDocument(r2)).length);
