/**
 * Prints figures; asserts nothing.
 *
 *   npm run bench
 *
 * 1. Minified size of each default policy against the SCP size quota (10,240
 *    since 15 May 2026; 5,120 before), with Control Tower's roles and three
 *    break-glass roles exempt, and how many exemptions fit before the limit.
 * 2. Synth time of a landing zone attaching the posture to 200 targets, with
 *    this library and with a hand-written CfnPolicy carrying the same document,
 *    in the same process, interleaved, median of several runs.
 */
import { performance } from 'perf_hooks';
import { App, Stack } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { AuBedrockResidencyScp, ControlTowerRoles, ResidencyPolicies, ScpLimits } from 'cdk-sovereign-bedrock';

const TARGETS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function pct(size: number, limit: number): string {
  return `${((size / limit) * 100).toFixed(1)}%`;
}

function sizes(): void {
  console.log('== Policy sizes (minified characters) ==');
  const limits = [ScpLimits.LEGACY_MAX_POLICY_SIZE, ScpLimits.DEFAULT_MAX_POLICY_SIZE];
  // A typical Control Tower landing zone: Control Tower's four roles exempt, and three break-glass roles.
  const breakGlass = ['arn:aws:iam::*:role/BreakGlassAdmin', 'arn:aws:iam::*:role/BreakGlassReadOnly', 'arn:aws:iam::*:role/IncidentResponder'];
  const landingZone = [...ControlTowerRoles.arnPatterns(), ...breakGlass];
  const rows: [string, unknown][] = [
    ['AuOnlyInferenceScp (default)', ResidencyPolicies.auOnlyInference()],
    ['RegionAllowlistScp (default)', ResidencyPolicies.regionAllowlist()],
    ['AuBedrockResidencyScp (default)', ResidencyPolicies.posture()],
    ['AuBedrockResidencyScp, 1 break-glass role', ResidencyPolicies.posture({ exemptPrincipalArns: ['arn:aws:iam::*:role/BreakGlassAdmin'] })],
    ['AuBedrockResidencyScp, Sydney+Melbourne origins', ResidencyPolicies.posture({ allowedRegions: ['ap-southeast-2', 'ap-southeast-4'] })],
    ['AuBedrockResidencyScp, 4 Control Tower roles + 3 break-glass', ResidencyPolicies.posture({ exemptPrincipalArns: landingZone })],
    ['  same, every opt-in control on', ResidencyPolicies.posture({
      exemptPrincipalArns: landingZone, denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true },
    })],
    ['AuOnlyInferenceScp, 4 Control Tower roles + 3 break-glass', ResidencyPolicies.auOnlyInference({ exemptPrincipalArns: landingZone })],
    ['RegionAllowlistScp, 4 Control Tower roles + 3 break-glass', ResidencyPolicies.regionAllowlist({ exemptPrincipalArns: landingZone })],
  ];
  console.log(`${'policy'.padEnd(62)} ${'size'.padStart(6)} ${'of 5,120'.padStart(9)} ${'of 10,240'.padStart(10)}`);
  for (const [name, doc] of rows) {
    const size = ResidencyPolicies.minifiedSize(doc);
    console.log(`${name.padEnd(62)} ${String(size).padStart(6)} ${pct(size, limits[0]).padStart(9)} ${pct(size, limits[1]).padStart(10)}`);
  }
  // How many exemptions of a typical length fit (each is repeated in every statement).
  const arn = (i: number) => `arn:aws:iam::*:role/break-glass/responder-${String(i).padStart(3, '0')}`;
  for (const limit of limits) {
    let n = 0;
    const sizeWith = (count: number) => ResidencyPolicies.minifiedSize(
      ResidencyPolicies.posture({ exemptPrincipalArns: Array.from({ length: count }, (_, i) => arn(i)) }));
    while (sizeWith(n + 1) <= limit) n++;
    console.log(`exemptions of ${arn(0).length} characters that fit the one-slot posture under ${limit}: ${n}`);
  }
  console.log();
}

const targetIds = Array.from({ length: TARGETS }, (_, i) => `ou-ab12-${i.toString(36).padStart(8, '0')}`);

type Shape = (stack: Stack) => void;

const shapes: Record<string, Shape> = {
  'library: 1 AuBedrockResidencyScp, 200 targets': (stack) => {
    new AuBedrockResidencyScp(stack, 'Posture', { targetIds, policyName: 'posture' });
  },
  'baseline: 1 hand-written CfnPolicy, 200 targets': (stack) => {
    new CfnPolicy(stack, 'Posture', { name: 'posture', type: 'SERVICE_CONTROL_POLICY', content: ResidencyPolicies.posture(), targetIds });
  },
  'library: 200 AuBedrockResidencyScp, 1 target each': (stack) => {
    targetIds.forEach((t, i) => new AuBedrockResidencyScp(stack, `Posture${i}`, { targetIds: [t], policyName: `posture-${i}` }));
  },
  'baseline: 200 hand-written CfnPolicy, 1 target each': (stack) => {
    const content = ResidencyPolicies.posture();
    targetIds.forEach((t, i) => new CfnPolicy(stack, `Posture${i}`, { name: `posture-${i}`, type: 'SERVICE_CONTROL_POLICY', content, targetIds: [t] }));
  },
};

function synthOnce(shape: Shape): number {
  const start = performance.now();
  const app = new App();
  shape(new Stack(app, 'LandingZone'));
  app.synth();
  return performance.now() - start;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function synthTimes(): void {
  console.log(`== Synth time, ${TARGETS} targets, median of ${RUNS} interleaved runs (ms) ==`);
  const names = Object.keys(shapes);
  for (const n of names) synthOnce(shapes[n]); // warm-up
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < RUNS; r++) for (const n of names) times[n].push(synthOnce(shapes[n]));
  for (const n of names) {
    console.log(`${n.padEnd(52)} median ${median(times[n]).toFixed(1).padStart(7)}  min ${Math.min(...times[n]).toFixed(1).padStart(7)}`);
  }
  const ratio = (a: string, b: string) => (median(times[a]) / median(times[b])).toFixed(2);
  console.log(`one policy:  library / baseline = ${ratio(names[0], names[1])}x`);
  console.log(`200 policies: library / baseline = ${ratio(names[2], names[3])}x`);
}

sizes();
synthTimes();
