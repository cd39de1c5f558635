import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { ControlTowerRoles, ResidencyPolicies } from '../../src';
import { main } from '../../src/cli/main';
import { loadOrganizationsSdk, MissingSdkError } from '../../src/cli/organizations-sdk';
import { isRetryable, limiter, withRetry } from '../../src/core/organizations/retry';

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });

/** Captures what the command line writes, for one call. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const w = jest.spyOn(process.stdout, 'write').mockImplementation((t: any) => { out.push(String(t)); return true; });
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((t: any) => { err.push(String(t)); return true; });
  return { out, err, restore: () => { w.mockRestore(); e.mockRestore(); } };
}

describe('withRetry', () => {
  test('retries throttling with capped exponential backoff, then gives up', async () => {
    const delays: number[] = [];
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw throttled(); }, {
      attempts: 5, baseDelayMs: 100, maxDelayMs: 500, sleep: async (ms) => { delays.push(ms); }, random: () => 0.999,
    })).rejects.toThrow('Rate exceeded');
    expect(calls).toBe(5);
    expect(delays).toEqual([99, 199, 399, 499]);
  });

  test('does not retry access denied', async () => {
    let calls = 0;
    await expect(withRetry(async () => { calls++; throw Object.assign(new Error('no'), { name: 'AccessDeniedException' }); }, { sleep: async () => {} }))
      .rejects.toThrow('no');
    expect(calls).toBe(1);
    expect(isRetryable({ name: 'AccessDeniedException' })).toBe(false);
    expect(isRetryable({ name: 'Whatever', $metadata: { httpStatusCode: 503 } })).toBe(true);
  });
});

test('limiter never runs more than its limit at once (property-based)', async () => {
  await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.nat(5), { maxLength: 30 }), async (limit, delays) => {
    const run = limiter(limit);
    let active = 0;
    let peak = 0;
    await Promise.all(delays.map((d) => run(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, d));
      active--;
    })));
    return peak <= limit;
  }), { numRuns: 30 });
});

describe('command line', () => {
  test('a missing SDK says how to install it', () => {
    const missing = () => { throw Object.assign(new Error("Cannot find module '@aws-sdk/client-organizations'"), { code: 'MODULE_NOT_FOUND' }); };
    expect(() => loadOrganizationsSdk(missing)).toThrow(MissingSdkError);
    expect(() => loadOrganizationsSdk(missing)).toThrow(/npm install --save-dev @aws-sdk\/client-organizations\) and run the installed command again/);
  });

  test('help, no command and an unknown command', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const ewrite = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--help'])).toBe(0);
      expect(await main(['audit', '--help'])).toBe(0);
      expect(String(write.mock.calls.map((c) => c[0]).join(''))).toMatch(/Exit codes: 0 every account protected/);
      expect(await main([])).toBe(2);
      expect(await main(['nope'])).toBe(2);
      expect(await main(['audit', '--format', 'pdf'])).toBe(2);
      expect(String(ewrite.mock.calls.map((c) => c[0]).join(''))).toMatch(/unknown command "nope"[\s\S]*--format: "pdf" is not one of/);
    } finally {
      write.mockRestore();
      ewrite.mockRestore();
    }
  });
});

describe('export command', () => {
  test('the constructs\' warnings go to stderr in flag terms; the files are still written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const io = capture();
    try {
      expect(await main(['export', '--format', 'json', '--out', dir, '--exempt-principal-arn', 'arn:aws:iam::*:role/BreakGlass*'])).toBe(0);
    } finally { io.restore(); }
    expect(io.err.join('')).toMatch(/^warning: --exempt-principal-arn: "arn:aws:iam::\*:role\/BreakGlass\*" has a wildcard in the role name.*BreakGlassTeamApp/m);
    expect(io.out.join('')).toContain(join(dir, 'policies', 'au-bedrock-residency.json'));
  });

  test('cfct: policy file and manifest block written to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const io = capture();
    try {
      expect(await main(['export', '--format', 'cfct', '--out', dir, '--ou', 'Workloads', '--account', '012345678901',
        '--exempt-principal-arn', 'arn:aws:iam::*:role/BreakGlassAdmin'])).toBe(0);
    } finally { io.restore(); }
    expect(readdirSync(join(dir, 'policies'))).toEqual(['au-bedrock-residency.json']);
    expect(readFileSync(join(dir, 'policies', 'au-bedrock-residency.json'), 'utf8'))
      // Control Tower's roles are exempt by default, as in AuBedrockPosture.
      .toBe(JSON.stringify(ResidencyPolicies.posture({ exemptPrincipalArns: [...ControlTowerRoles.arnPatterns(), 'arn:aws:iam::*:role/BreakGlassAdmin'] })));
    const manifest = parse(readFileSync(join(dir, 'manifest.yaml'), 'utf8'));
    expect(manifest.resources[0]).toMatchObject({
      resource_file: 'policies/au-bedrock-residency.json',
      deploy_method: 'scp',
      deployment_targets: { organizational_units: ['Workloads'], accounts: ['012345678901'] },
    });
    expect(io.out.join('')).toMatch(/wrote .*manifest\.yaml/);
  });

  test('a posture over the size quota spills into more files, with a warning on stderr; a spent slot budget exits 2 saying what fits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const breakGlass = Array.from({ length: 60 }, (_, i) => ['--exempt-principal-arn', `arn:aws:iam::111122223333:role/BreakGlass${String(i).padStart(4, '0')}`]).flat();
    const io = capture();
    try {
      expect(await main(['export', '--format', 'json', '--out', dir, ...breakGlass])).toBe(0);
      expect(await main(['export', '--format', 'json', '--out', dir, ...breakGlass, '--policies-attached-elsewhere', '9'])).toBe(2);
    } finally { io.restore(); }
    expect(readdirSync(join(dir, 'policies'))).toEqual(['au-bedrock-residency-part2.json', 'au-bedrock-residency.json']);
    const err = io.err.join('');
    expect(err).toMatch(/^warning: policy au-bedrock-residency is over the SCP size quota of 10240 characters: it spans 2 SCPs/);
    expect(err).toMatch(/--max-policies-per-target: policy au-bedrock-residency: the posture needs 2 SCPs .* the budget holds this posture with the first \d+ of its 64 exemptions/);
  });

  test('--exempt-from-every-statement: the exemptions are on every statement, as before December 2026', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const io = capture();
    try {
      expect(await main(['export', '--format', 'json', '--out', dir, '--exempt-principal-arn', 'arn:aws:iam::*:role/BreakGlassAdmin', '--exempt-from-every-statement'])).toBe(0);
    } finally { io.restore(); }
    const doc = JSON.parse(readFileSync(join(dir, 'policies', 'au-bedrock-residency.json'), 'utf8'));
    expect(doc.Statement.every((st: any) => st.Condition?.ArnNotLike?.['aws:PrincipalArn']?.includes('arn:aws:iam::*:role/BreakGlassAdmin'))).toBe(true);
  });

  test('bad options exit 2 with every problem', async () => {
    const io = capture();
    try {
      expect(await main(['export', '--format', 'xml'])).toBe(2);
      expect(await main(['export', '--format', 'lza', '--out', '/tmp/x', '--allowed-regions', 'sydney'])).toBe(2);
    } finally { io.restore(); }
    expect(io.err.join('')).toMatch(/--format: "xml" is not one of cfct, lza, json\n--out: is required/);
    expect(io.err.join('')).toMatch(/--allowed-regions \(item 1\): "sydney" is not a Region name/);
  });

  test('errors name the flags and the position of the value among its repeats, not API props', async () => {
    const io = capture();
    try {
      expect(await main(['export', '--format', 'lza', '--out', '/tmp/x', '--account', '12', '--ou', 'Workloads',
        '--exempt-principal-arn', 'arn:aws:iam::*:role/BreakGlass', '--exempt-principal-arn', 'nope', '--name-prefix', '!!'])).toBe(2);
      expect(await main(['export', '--format', 'lza', '--out', '/tmp/x'])).toBe(2);
    } finally { io.restore(); }
    const err = io.err.join('');
    expect(err).toMatch(/^invalid options \(3 problems\):\n/);
    expect(err).toMatch(/  - --account \(value 1\): "12"/);
    expect(err).toMatch(/  - --exempt-principal-arn \(value 2\): "nope"/);
    expect(err).toMatch(/  - --name-prefix: "!!"/);
    expect(err).toMatch(/  - --ou\/--account: must name at least one/);
    expect(err).not.toMatch(/targets|options\.|exemptPrincipalArns|PostureExport|invalid props/);
  });

  test('--no-control-tower-exemptions leaves Control Tower\'s roles out; giving both is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const io = capture();
    try {
      expect(await main(['export', '--format', 'json', '--out', dir, '--no-control-tower-exemptions'])).toBe(0);
      expect(await main(['export', '--format', 'json', '--out', dir, '--control-tower-exemptions', '--no-control-tower-exemptions'])).toBe(2);
    } finally { io.restore(); }
    expect(readFileSync(join(dir, 'policies', 'au-bedrock-residency.json'), 'utf8')).toBe(JSON.stringify(ResidencyPolicies.posture({})));
    expect(io.err.join('')).toMatch(/--control-tower-exemptions: give it or --no-control-tower-exemptions, not both/);
  });
});

describe('--version', () => {
  test('prints the version in package.json', async () => {
    const out: string[] = [];
    const w = jest.spyOn(process.stdout, 'write').mockImplementation((t: any) => { out.push(String(t)); return true; });
    try {
      expect(await main(['--version'])).toBe(0);
    } finally { w.mockRestore(); }
    expect(out.join('')).toBe(`${JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version}\n`);
  });

  test('the export refuses what the constructs refuse, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const io = capture();
    try {
      expect(await main(['export', '--format', 'json', '--out', dir, '--exempt-principal-arn', 'arn:aws:iam::*:role/*'])).toBe(2);
      expect(await main(['export', '--format', 'json', '--out', dir, '--allowed-regions', 'ap-southeast-2,us-east-1'])).toBe(2);
      expect(await main(['export', '--format', 'json', '--out', dir, '--max-policy-size', '1000000000'])).toBe(2);
      expect(await main(['export', '--format', 'json', '--out', dir, '--exempt-principal-arn', 'arn:aws:iam::111122223333:role/*'])).toBe(2);
    } finally { io.restore(); }
    const err = io.err.join('');
    expect(err).toMatch(/--exempt-principal-arn \(value 1\): "arn:aws:iam::\*:role\/\*" exempts every IAM role in every account/);
    expect(err).toMatch(/--allowed-regions \(item 2\): "us-east-1" is outside Australia/);
    expect(err).toMatch(/--max-policy-size: must be an integer from 1 to 10240/);
    expect(err).toMatch(/--exempt-principal-arn \(value 1\): .* exempts every IAM role in account 111122223333/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('an account-wide exemption is written once acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    const sandbox = 'arn:aws:iam::111122223333:role/*';
    const io = capture();
    try {
      expect(await main(['export', '--format', 'json', '--out', dir, '--exempt-principal-arn', sandbox,
        '--acknowledge-account-wide-exemption', sandbox])).toBe(0);
    } finally { io.restore(); }
    expect(readFileSync(join(dir, 'policies', 'au-bedrock-residency.json'), 'utf8')).toContain('"arn:aws:iam::111122223333:role/*"');
  });

  test('the audit refuses an origin Region abroad: it would call such a posture protected', async () => {
    const io = capture();
    try {
      expect(await main(['audit', '--allowed-regions', 'ap-southeast-2,us-east-1'])).toBe(2);
    } finally { io.restore(); }
    expect(io.err.join('')).toMatch(/--allowed-regions \(item 2\): "us-east-1" is outside Australia/);
  });

  test('both commands name positions the same way: the flag, then (item N) or (value N), never [i]', async () => {
    const io = capture();
    try {
      expect(await main(['audit', '--region', 'sydney', '--allowed-regions', 'ap-southeast-2,nowhere', '--format', 'xml'])).toBe(2);
      expect(await main(['export', '--format', 'json', '--out', '/tmp/x', '--allowed-regions', 'ap-southeast-2,nowhere'])).toBe(2);
    } finally { io.restore(); }
    const err = io.err.join('');
    expect(err).toMatch(/--region: "sydney" is not a Region name/);
    expect(err).toMatch(/--format: "xml" is not one of/);
    expect(err.match(/--allowed-regions \(item 2\): "nowhere" is not a Region name/g)).toHaveLength(2);
    expect(err).not.toMatch(/\[\d+\]|allowedRegions/);
  });

  test('the CfCT and LZA exports refuse OU IDs: both pipelines name OUs', async () => {
    const io = capture();
    try {
      expect(await main(['export', '--format', 'cfct', '--out', '/tmp/x', '--ou', 'Workloads', '--ou', 'ou-ab12-34cd56ef'])).toBe(2);
      expect(await main(['export', '--format', 'lza', '--out', '/tmp/x', '--ou', 'r-ab12'])).toBe(2);
    } finally { io.restore(); }
    const err = io.err.join('');
    expect(err).toMatch(/--ou \(value 2\): "ou-ab12-34cd56ef" is an ID; CfCT names OUs by name in manifest\.yaml/);
    expect(err).toMatch(/--ou \(value 1\): "r-ab12" is an ID; LZA names OUs as organization-config\.yaml does/);
  });
});
