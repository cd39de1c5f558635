import { spawn } from 'child_process';
import { accessSync, constants, existsSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, delimiter, isAbsolute, join, resolve } from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { UsageError } from './audit-command';
import { packageVersion } from './package-version';
import { ReportMismatchError } from '../core/report/cross-check';
import { buildEvidenceReport, InputFile } from '../core/report/evidence-report';
import { InputRole, ReportInputError } from '../core/report/report-inputs';

export const REPORT_USAGE = `Usage: cdk-sovereign-bedrock report [--audit FILE] [--traffic FILE] [--probe FILE] --out report.html [--pdf report.pdf]

Writes one self-contained HTML evidence report (no network, no script) from
any of the audit's, the traffic replay's and the probe's JSON output, and
calls out where they disagree.

Options:
  --audit FILE      output of "cdk-sovereign-bedrock audit --format json"
  --traffic FILE    output of "cdk-sovereign-bedrock traffic --format json"
  --probe FILE      output of "cdk-sovereign-bedrock probe --format json"
  --out FILE        the HTML report to write (required)
  --pdf FILE        also print the report to PDF with a locally installed Chromium
  --chromium PATH   the Chromium to print with (default: $CHROMIUM_PATH, else chromium
                    or chromium-browser on PATH)
  --help

Exit codes: 0 nothing found; 1 a finding (an account not protected, a call served
outside Australia, a probe path decided against expectation, inputs that
contradict each other); 2 bad usage, unreadable or mismatched inputs, incomplete
evidence, or no browser for --pdf.`;

export interface ReportArgs {
  readonly audit?: string;
  readonly traffic?: string;
  readonly probe?: string;
  readonly out: string;
  readonly pdf?: string;
  readonly chromium?: string;
}

export interface ReportIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now?: () => Date;
  readonly env?: NodeJS.ProcessEnv;
}

export function parseReportArgs(argv: string[]): ReportArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        audit: { type: 'string' },
        traffic: { type: 'string' },
        probe: { type: 'string' },
        out: { type: 'string' },
        pdf: { type: 'string' },
        chromium: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${REPORT_USAGE}`);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const problems: string[] = [];
  if (!v.audit && !v.traffic && !v.probe) problems.push('report: give at least one of --audit FILE, --traffic FILE, --probe FILE');
  if (!v.out) problems.push('--out: required, the HTML file to write (for example --out report.html)');
  if (v.out && v.pdf && resolve(v.out) === resolve(v.pdf)) problems.push('--pdf: must be a different file from --out');
  if (problems.length > 0) throw new UsageError(`${problems.join('\n')}\n${REPORT_USAGE}`);
  return { audit: v.audit, traffic: v.traffic, probe: v.probe, out: v.out!, pdf: v.pdf, chromium: v.chromium };
}

/** No Chromium to print with: the report's HTML is written, the PDF is not. */
export class MissingBrowserError extends Error {
  constructor(message: string) {
    super(`${message}\nThe PDF is printed by a locally installed Chromium: install it (Debian/Ubuntu: apt-get install chromium), `
      + 'pass --chromium PATH or set CHROMIUM_PATH, or open the HTML report in a browser and print it.');
    this.name = 'MissingBrowserError';
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with: --chromium, then CHROMIUM_PATH, then chromium or chromium-browser on PATH. */
export function findChromium(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  for (const [source, path] of [['--chromium', explicit], ['CHROMIUM_PATH', env.CHROMIUM_PATH]] as const) {
    if (!path) continue;
    if (!executable(path)) throw new MissingBrowserError(`${source} ${path}: no executable file there.`);
    return path;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d.length > 0);
  for (const name of ['chromium', 'chromium-browser']) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  throw new MissingBrowserError('no chromium or chromium-browser on PATH.');
}

/** Flags for a headless print that touches nothing outside its own temporary profile and makes no network call of its own. */
export function chromiumFlags(userDataDir: string): string[] {
  return [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-dev-shm-usage', `--user-data-dir=${userDataDir}`,
  ];
}

function startsWithPdf(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(5);
    return readSync(fd, head, 0, 5, 0) === 5 && head.toString('latin1') === '%PDF-';
  } finally {
    closeSync(fd);
  }
}

/**
 * Prints an HTML file to PDF with headless Chromium (`--print-to-pdf`), in a throwaway profile.
 * The default timeout is generous: a report of 2,000 accounts and 14,000 principals (1,400 pages)
 * took four and a half minutes on a busy two-core machine.
 */
export async function printToPdf(chromium: string, htmlPath: string, pdfPath: string, timeoutMs = 15 * 60_000): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'sovereign-bedrock-report-'));
  const args = [...chromiumFlags(profile), '--no-pdf-header-footer', `--print-to-pdf=${resolve(pdfPath)}`, pathToFileURL(resolve(htmlPath)).href];
  try {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d) => { err = (err + String(d)).slice(-4000); });
      const timer = setTimeout(() => {
        err += `\nstopped after ${Math.round(timeoutMs / 1000)} s`;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        fail((e as NodeJS.ErrnoException).code === 'ENOENT' ? new MissingBrowserError(`${chromium}: not found.`) : e);
      });
      child.on('close', (c) => {
        clearTimeout(timer);
        done({ code: c, stderr: err });
      });
    });
    if (code !== 0 || !startsWithPdf(pdfPath)) {
      throw new Error(`${chromium} did not print ${pdfPath} (exit ${code ?? 'killed'}):\n${stderr.trim().split('\n').slice(-8).join('\n')}`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function readInput(role: InputRole, path: string): InputFile {
  try {
    return { file: basename(path), content: readFileSync(path) };
  } catch (e) {
    throw new ReportInputError(role, path, [`cannot read the file: ${(e as Error).message}`]);
  }
}

/** Writes the report (and the PDF); returns the exit code. */
export async function runReportCommand(args: ReportArgs, io: ReportIo): Promise<number> {
  let report;
  try {
    const files: Partial<Record<InputRole, InputFile>> = {};
    for (const role of ['audit', 'traffic', 'probe'] as const) {
      const path = args[role];
      if (path) files[role] = readInput(role, path);
    }
    report = buildEvidenceReport(files, { toolVersion: packageVersion(), now: io.now?.() });
  } catch (e) {
    if (e instanceof ReportInputError || e instanceof ReportMismatchError) {
      io.stderr(`report: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    writeFileSync(args.out, report.html);
  } catch (e) {
    io.stderr(`report: cannot write --out ${args.out}: ${(e as Error).message}\n`);
    return 2;
  }
  io.stdout(`wrote ${args.out} (${Math.ceil(Buffer.byteLength(report.html) / 1024)} KB)\n`);
  if (args.pdf) {
    try {
      const chromium = findChromium(args.chromium, io.env ?? process.env);
      await printToPdf(chromium, isAbsolute(args.out) ? args.out : resolve(args.out), args.pdf);
    } catch (e) {
      io.stderr(`report: ${(e as Error).message}\n`);
      return 2;
    }
    io.stdout(`wrote ${args.pdf}\n`);
  }
  const s = report.status;
  for (const d of report.disagreements) io.stderr(`${d.kind}: ${d.title}\n`);
  io.stdout(`${s.exitCode === 0 ? 'no findings' : [...s.findings, ...s.incomplete].join('; ')}\n`);
  return s.exitCode;
}
