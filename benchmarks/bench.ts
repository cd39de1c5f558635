/**
 * Prints figures; asserts nothing.
 *
 *   npm run bench                 (BENCH_RUNS=3 for a quick run)
 *
 * 1. Minified size of each default policy against the SCP size quota (10,240
 *    since 15 May 2026; 5,120 before).
 * 2. What an exemption costs: characters per exempted ARN, without and with
 *    every opt-in control; the most exemptions one SCP slot holds; the SCPs
 *    the posture spans at 30 and 60 break-glass exemptions.
 * 3. Template bytes and synth time of a landing zone attaching the posture to
 *    200 targets (one policy) and of 200 per-OU policies, with this library and
 *    with hand-written CfnPolicy resources carrying the same document: warm,
 *    in this process, interleaved, median of several runs.
 * 4. The same from a cold `node` process (the library's load time included),
 *    and the load time alone.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { coldRun, compiledLibrary } from './cold-start';
import { AuBedrockResidencyScp, ControlTowerRoles, ResidencyPolicies, ResidencyPolicyOptions, ScpLimits } from 'cdk-sovereign-bedrock';

const TARGETS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const EVERY_OPT_IN: ResidencyPolicyOptions = { denyLongTermApiKeys: true, serviceSideInference: { denyAgentCoreMemoryChanges: true } };
const CONTROL_TOWER = ControlTowerRoles.arnPatterns();
/** A break-glass role ARN of 45 characters, as in the landing zone. */
const breakGlass = (i: number) => `arn:aws:iam::111122223333:role/BreakGlass${String(i).padStart(4, '0')}`;
const breakGlassRoles = (n: number) => Array.from({ length: n }, (_, i) => breakGlass(i));

function pct(size: number, limit: number): string {
  return `${((size / limit) * 100).toFixed(1)}%`;
}

/** Size of the one-document posture, whatever its size (reported, not refused). */
function postureSize(options: ResidencyPolicyOptions): number {
  return ResidencyPolicies.minifiedSize(ResidencyPolicies.posture(options, { reportOversize: true }));
}

function sizes(): void {
  console.log('== Policy sizes (minified characters) ==');
  const limits = [ScpLimits.LEGACY_MAX_POLICY_SIZE, ScpLimits.DEFAULT_MAX_POLICY_SIZE];
  const landingZone = [...CONTROL_TOWER, ...breakGlassRoles(3)];
  const rows: [string, ResidencyPolicyOptions, 'posture' | 'auOnly' | 'region'][] = [
    ['AuOnlyInferenceScp (default)', {}, 'auOnly'],
    ['RegionAllowlistScp (default)', {}, 'region'],
    ['AuBedrockResidencyScp (default)', {}, 'posture'],
    ['AuBedrockResidencyScp, 1 break-glass role', { exemptPrincipalArns: breakGlassRoles(1) }, 'posture'],
    ['AuBedrockResidencyScp, Sydney+Melbourne origins', { allowedRegions: ['ap-southeast-2', 'ap-southeast-4'] }, 'posture'],
    ['AuBedrockResidencyScp, 4 Control Tower roles + 3 break-glass', { exemptPrincipalArns: landingZone }, 'posture'],
    ['  same, every opt-in control on', { exemptPrincipalArns: landingZone, ...EVERY_OPT_IN }, 'posture'],
    ['AuOnlyInferenceScp, 4 Control Tower roles + 3 break-glass', { exemptPrincipalArns: landingZone }, 'auOnly'],
    ['RegionAllowlistScp, 4 Control Tower roles + 3 break-glass', { exemptPrincipalArns: landingZone }, 'region'],
  ];
  console.log(`${'policy'.padEnd(62)} ${'size'.padStart(6)} ${'of 5,120'.padStart(9)} ${'of 10,240'.padStart(10)}`);
  for (const [name, options, which] of rows) {
    const report = { reportOversize: true };
    const doc = which === 'posture' ? ResidencyPolicies.posture(options, report)
      : which === 'auOnly' ? ResidencyPolicies.auOnlyInference(options, report) : ResidencyPolicies.regionAllowlist(options, report);
    const size = ResidencyPolicies.minifiedSize(doc);
    console.log(`${name.padEnd(62)} ${String(size).padStart(6)} ${pct(size, limits[0]).padStart(9)} ${pct(size, limits[1]).padStart(10)}`);
  }
  console.log();
}

function exemptionEconomy(): void {
  console.log(`== What an exemption costs (break-glass ARNs of ${breakGlass(0).length} characters, beside Control Tower's ${CONTROL_TOWER.length} roles) ==`);
  for (const [label, extra] of [['default controls', {}], ['every opt-in control', EVERY_OPT_IN]] as const) {
    const at = (n: number) => postureSize({ exemptPrincipalArns: [...CONTROL_TOWER, ...breakGlassRoles(n)], ...extra });
    const perExemption = (at(10) - at(0)) / 10;
    const statements = ResidencyPolicies.posture({ ...extra }).Statement.length;
    let fit = 0;
    while (at(fit + 1) <= ScpLimits.DEFAULT_MAX_POLICY_SIZE) fit++;
    let fitLegacy = 0;
    while (at(fitLegacy + 1) <= ScpLimits.LEGACY_MAX_POLICY_SIZE) fitLegacy++;
    console.log(`${label.padEnd(22)} ${statements} statements  ${perExemption.toFixed(0).padStart(4)} characters per exemption  `
      + `one SCP holds ${String(fit).padStart(3)} of them (10,240), ${fitLegacy} (5,120)`);
  }
  for (const n of [30, 60]) {
    for (const [label, extra] of [['default controls', {}], ['every opt-in control', EVERY_OPT_IN]] as const) {
      const options = { exemptPrincipalArns: [...CONTROL_TOWER, ...breakGlassRoles(n)], ...extra };
      const docs = ResidencyPolicies.postureDocuments(options);
      console.log(`${String(n).padStart(2)} break-glass + Control Tower, ${label.padEnd(21)} ${String(postureSize(options)).padStart(6)} characters `
        + `-> ${docs.length} SCP${docs.length === 1 ? ' ' : 's'} (${docs.map((d: unknown) => ResidencyPolicies.minifiedSize(d)).join(' + ')})`);
    }
  }
  console.log();
}

const targetIds = Array.from({ length: TARGETS }, (_, i) => `ou-ab12-${i.toString(36).padStart(8, '0')}`);
/**
 * 200 policies of 4,000-odd characters make a template over CloudFormation's
 * 1 MB, which the library refuses at synth: the per-OU shapes put them in
 * nested stacks of 50, the fix the error names, for the library and the
 * baseline alike.
 */
const PER_NESTED_STACK = 50;
function perOu(stack: Stack, make: (scope: Construct, target: string, i: number) => void): void {
  for (let n = 0; n * PER_NESTED_STACK < TARGETS; n++) {
    const nested = new NestedStack(stack, `Ous${n}`);
    targetIds.slice(n * PER_NESTED_STACK, (n + 1) * PER_NESTED_STACK).forEach((t, j) => make(nested, t, n * PER_NESTED_STACK + j));
  }
}

type Shape = (stack: Stack) => void;

const shapes: Record<string, Shape> = {
  'library: 1 AuBedrockResidencyScp, 200 targets': (stack) => {
    new AuBedrockResidencyScp(stack, 'Posture', { targetIds, policyName: 'posture' });
  },
  'baseline: 1 hand-written CfnPolicy, 200 targets': (stack) => {
    new CfnPolicy(stack, 'Posture', { name: 'posture', type: 'SERVICE_CONTROL_POLICY', content: ResidencyPolicies.posture(), targetIds });
  },
  'library: 200 AuBedrockResidencyScp, 1 target each': (stack) => {
    perOu(stack, (scope, t, i) => new AuBedrockResidencyScp(scope, `Posture${i}`, { targetIds: [t], policyName: `posture-${i}` }));
  },
  'baseline: 200 hand-written CfnPolicy, 1 target each': (stack) => {
    const content = ResidencyPolicies.posture();
    perOu(stack, (scope, t, i) => new CfnPolicy(scope, `Posture${i}`, { name: `posture-${i}`, type: 'SERVICE_CONTROL_POLICY', content, targetIds: [t] }));
  },
};

function synthOnce(shape: Shape, outdir?: string): number {
  const start = performance.now();
  const app = new App(outdir ? { outdir } : {});
  shape(new Stack(app, 'LandingZone'));
  app.synth();
  return performance.now() - start;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Bytes of every template written (the stack's and its nested stacks'). */
function templateBytes(shape: Shape): number {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-template-'));
  try {
    synthOnce(shape, outdir);
    return fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json')).reduce((n, f) => n + fs.statSync(path.join(outdir, f)).size, 0);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function synthTimes(): void {
  console.log(`== Synth, ${TARGETS} targets, warm (in this process), median of ${RUNS} interleaved runs (ms) ==`);
  const names = Object.keys(shapes);
  for (const n of names) synthOnce(shapes[n]); // warm-up
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < RUNS; r++) for (const n of names) times[n].push(synthOnce(shapes[n]));
  for (const n of names) {
    console.log(`${n.padEnd(52)} median ${median(times[n]).toFixed(1).padStart(7)}  min ${Math.min(...times[n]).toFixed(1).padStart(7)}  `
      + `template ${templateBytes(shapes[n]).toLocaleString('en-US').padStart(9)} bytes`);
  }
  const ratio = (a: string, b: string) => (median(times[a]) / median(times[b])).toFixed(2);
  console.log(`one policy:   library / baseline = ${ratio(names[0], names[1])}x (warm)`);
  console.log(`200 policies: library / baseline = ${ratio(names[2], names[3])}x (warm; ${TARGETS / PER_NESTED_STACK} nested stacks of ${PER_NESTED_STACK})`);
  // The landing zone in one stack: one construct per OU with Control Tower's roles exempt is over CloudFormation's 1 MB.
  const app = new App();
  const stack = new Stack(app, 'LandingZone');
  targetIds.forEach((t, i) => new AuBedrockResidencyScp(stack, `Posture${i}`, { targetIds: [t], exemptPrincipalArns: CONTROL_TOWER, policyName: `p-${i}` }));
  try {
    app.synth();
    console.log('200 per-OU policies with Control Tower\'s roles: synthesized (unexpected: over 1 MB)');
  } catch (e) {
    console.log(`200 per-OU policies with Control Tower's roles: refused at synth: ${(e as Error).message.split('\n')[1]?.trim().slice(0, 160)}...`);
  }
  console.log();
}

function coldStart(): void {
  const lib = compiledLibrary();
  const contentFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-content-')), 'posture.json');
  fs.writeFileSync(contentFile, JSON.stringify(ResidencyPolicies.posture()));
  try {
    console.log(`== Cold process: node start to template written, median of ${RUNS} runs (ms); library from ${lib.how} ==`);
    const cases: ['library' | 'baseline', 'one' | 'many'][] = [['library', 'one'], ['baseline', 'one'], ['library', 'many'], ['baseline', 'many']];
    const runs = new Map<string, { load: number[]; total: number[] }>(cases.map(([m, s]) => [`${m}/${s}`, { load: [], total: [] }]));
    for (let r = 0; r < RUNS; r++) {
      for (const [mode, shape] of cases) {
        const run = coldRun(mode, lib.entry, contentFile, shape, TARGETS);
        runs.get(`${mode}/${shape}`)!.load.push(run.load);
        runs.get(`${mode}/${shape}`)!.total.push(run.load + run.synth);
      }
    }
    const label = {
      'library/one': 'library: 1 policy, 200 targets',
      'baseline/one': 'baseline: 1 CfnPolicy, 200 targets',
      'library/many': 'library: 200 per-OU policies',
      'baseline/many': 'baseline: 200 per-OU CfnPolicy',
    } as Record<string, string>;
    for (const [key, r] of runs) {
      console.log(`${label[key].padEnd(40)} load ${median(r.load).toFixed(0).padStart(5)}  load + synth ${median(r.total).toFixed(0).padStart(5)}`);
    }
    const m = (k: string, f: 'load' | 'total') => median(runs.get(k)![f]);
    // The baseline's require of aws-cdk-lib is lazy: it pays for aws-cdk-lib's core during synth instead.
    console.log(`library load time: ${(m('library/one', 'load') - m('baseline/one', 'load')).toFixed(0)} ms more than require('aws-cdk-lib') `
      + `(its ~180 modules and the aws-cdk-lib modules they import); end to end it adds ${(m('library/one', 'total') - m('baseline/one', 'total')).toFixed(0)} ms`);
    console.log(`one policy:   library / baseline = ${(m('library/one', 'total') / m('baseline/one', 'total')).toFixed(2)}x (cold, load included)`);
    console.log(`200 policies: library / baseline = ${(m('library/many', 'total') / m('baseline/many', 'total')).toFixed(2)}x (cold, load included)`);
  } finally {
    lib.cleanup();
    fs.rmSync(path.dirname(contentFile), { recursive: true, force: true });
  }
}

// The oversize documents measured here are reported as process warnings by design; keep the output to the figures.
process.removeAllListeners('warning');
sizes();
exemptionEconomy();
synthTimes();
coldStart();
