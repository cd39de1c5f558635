import { ResidencyPolicies, PostureExport, PostureExportFormat } from '../src';
console.log(ResidencyPolicies.minifiedSize(ResidencyPolicies.posture()));
console.log(ResidencyPolicies.posture().Statement.map((s: any) => JSON.stringify(s).length));
try { console.log(PostureExport.toResult({ format: PostureExportFormat.JSON, maxPolicySize: 2000, policiesAttachedElsewhere: 8 }).files.map(f=>[f.path,f.content.length])); } catch (e) { console.log((e as Error).message); }
