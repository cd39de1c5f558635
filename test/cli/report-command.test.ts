import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { UsageError } from '../../src/cli/audit-command';
import { main } from '../../src/cli/main';
import { chromiumFlags, findChromium, MissingBrowserError, parseReportArgs, ReportArgs, runReportCommand } from '../../src/cli/report-command';
import { thrown } from '../helpers/errors';
import { auditDoc, call, probeDoc, trafficDoc } from '../helpers/report-fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-command-'));
  const write = (name: string, doc: unknown) => writeFileSync(join(dir, name), JSON.stringify(doc));
  write('audit.json', auditDoc());
  write('traffic.json', trafficDoc());
  write('probe.json', probeDoc());
  write('other-org.json', trafficDoc({ calls: [call({ accountId: '999999999999' })] }));
  writeFileSync(join(dir, 'broken.json'), '{"kind": "cdk-sovereign-bedrock/probe",');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: Partial<ReportArgs> & { out: string }, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReportCommand(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date('2026-11-30T00:00:00Z'), env });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

test('arguments: at least one input, an --out, and a PDF that is not the HTML', () => {
  const usage = (argv: string[]) => {
    const e = thrown(() => parseReportArgs(argv));
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  };
  expect(usage(['--out', 'r.html'])).toMatch(/^report: give at least one of --audit FILE, --traffic FILE, --probe FILE\n/);
  expect(usage(['--audit', 'a.json'])).toMatch(/^--out: required/);
  expect(usage(['--audit', 'a.json', '--out', 'r.html', '--pdf', './r.html'])).toMatch(/^--pdf: must be a different file from --out/);
  expect(usage(['--audit', 'a.json', '--out', 'r.html', '--format', 'x'])).toMatch(/Unknown option '--format'/);
  expect(parseReportArgs(['--help'])).toBe('help');
  expect(parseReportArgs(['--probe', 'p.json', '--out', 'r.html', '--pdf', 'r.pdf', '--chromium', '/opt/c']))
    .toEqual({ probe: 'p.json', out: 'r.html', pdf: 'r.pdf', chromium: '/opt/c', audit: undefined, traffic: undefined });
});

test('writes the report from three inputs; a finding is exit code 1', async () => {
  const out = join(dir, 'report.html');
  const r = await run({ audit: join(dir, 'audit.json'), traffic: join(dir, 'traffic.json'), probe: join(dir, 'probe.json'), out });
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/^wrote .*report\.html \(\d+ KB\)\n1 account not protected \(audit\); 5 calls served outside Australia \(traffic replay\)\n$/);
  const html = readFileSync(out, 'utf8');
  expect(html).toMatch(/^<!DOCTYPE html>/);
  // The report names input files by their base name, not the path they were read from.
  expect(html).toContain('<code>audit.json</code>');
  expect(html).not.toContain(dir);
});

test('a wrong, broken, missing or mismatched input is exit code 2 with the reason, and nothing is written', async () => {
  const out = join(dir, 'never.html');
  const probeAsTraffic = await run({ traffic: join(dir, 'probe.json'), out });
  expect(probeAsTraffic).toMatchObject({ code: 2, stdout: '' });
  expect(probeAsTraffic.stderr).toMatch(/^report: --traffic probe\.json: this is a probe run .* pass it as --probe\n$/);
  expect((await run({ probe: join(dir, 'broken.json'), out })).stderr).toMatch(/^report: --probe broken\.json: not JSON/);
  expect((await run({ audit: join(dir, 'missing.json'), out })).stderr).toMatch(/^report: --audit .*missing\.json: cannot read the file: ENOENT/);
  const mismatch = await run({ audit: join(dir, 'audit.json'), traffic: join(dir, 'other-org.json'), out });
  expect(mismatch.code).toBe(2);
  expect(mismatch.stderr).toMatch(/cannot describe the same organization/);
  expect(existsSync(out)).toBe(false);
});

test('--pdf without a browser is exit code 2 with advice; the HTML is still written', async () => {
  const out = join(dir, 'nobrowser.html');
  const r = await run({ probe: join(dir, 'probe.json'), out, pdf: join(dir, 'nobrowser.pdf'), chromium: join(dir, 'no-such-chromium') });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^report: --chromium .*no-such-chromium: no executable file there\.\nThe PDF is printed by a locally installed Chromium: install it \(Debian\/Ubuntu: apt-get install chromium\), pass --chromium PATH or set CHROMIUM_PATH/);
  expect(existsSync(out)).toBe(true);
  expect(existsSync(join(dir, 'nobrowser.pdf'))).toBe(false);
});

test('the browser is found by --chromium, then CHROMIUM_PATH, then chromium or chromium-browser on PATH', () => {
  const bin = mkdtempSync(join(tmpdir(), 'bin-'));
  try {
    const fake = join(bin, 'chromium-browser');
    writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
    expect(findChromium(undefined, { PATH: `/nonexistent:${bin}` })).toBe(fake);
    expect(findChromium(undefined, { CHROMIUM_PATH: fake, PATH: '' })).toBe(fake);
    expect(findChromium(fake, { CHROMIUM_PATH: '/nope' })).toBe(fake);
    const e = thrown(() => findChromium(undefined, { PATH: '/nonexistent' }));
    expect(e).toBeInstanceOf(MissingBrowserError);
    expect((e as Error).message).toMatch(/^no chromium or chromium-browser on PATH\./);
    expect((thrown(() => findChromium(undefined, { CHROMIUM_PATH: '/nope' })) as Error).message).toMatch(/^CHROMIUM_PATH \/nope: no executable file there/);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
  expect(chromiumFlags('/tmp/p')).toEqual(['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--user-data-dir=/tmp/p']);
});

test('the command line routes "report" and its usage errors', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const w = jest.spyOn(process.stdout, 'write').mockImplementation((t: any) => { out.push(String(t)); return true; });
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((t: any) => { err.push(String(t)); return true; });
  try {
    expect(await main(['report', '--help'])).toBe(0);
    expect(out.join('')).toMatch(/^Usage: cdk-sovereign-bedrock report /);
    expect(await main(['report', '--out', join(dir, 'x.html')])).toBe(2);
    expect(err.join('')).toMatch(/give at least one of --audit FILE/);
    expect(await main(['--help'])).toBe(0);
    expect(out.join('')).toMatch(/report {3}one HTML \(and PDF\) evidence report/);
  } finally {
    w.mockRestore();
    e.mockRestore();
  }
});
