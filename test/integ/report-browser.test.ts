/**
 * The evidence report as a reviewer sees it: opened in a real headless
 * Chromium (Debian's `chromium`, driven by puppeteer-core, which never
 * downloads a browser), at a desktop and an A4 print width, in greyscale, and
 * printed to PDF by the browser and by `report --pdf`.
 *
 * Without a Chromium this suite fails rather than skips: CI installs one
 * (.ci/run), and a browser test that silently passes proves nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { chromiumFlags, findChromium, runReportCommand } from '../../src/cli/report-command';
import { PROBE_PATH_ROWS } from '../../src/core/probe/probe-paths';
import { buildEvidenceReport } from '../../src/core/report/evidence-report';
import { auditDoc, hostileInputs, probeDoc, trafficDoc } from '../helpers/report-fixtures';

const SAMPLE = join(__dirname, '..', '..', 'docs', 'sample-report', 'report.html');
const SECTIONS = ['at-a-glance', 'disagreements', 'organization', 'traffic', 'probe', 'coverage', 'mapping', 'method'];
const DESKTOP = 1280;
/** A4 (210 mm) at 96 CSS pixels per inch. */
const PRINT = 794;

let browser: Browser;
let page: Page;
let dir: string;
let chromium: string;
const requests: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-browser-'));
  chromium = findChromium(undefined, process.env);
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // The same flags `report --pdf` starts Chromium with, profile included.
    args: chromiumFlags(join(dir, 'profile')).filter((f) => f !== '--headless'),
  });
  page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    requests.push(r.url());
    void r.continue();
  });
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(file: string, width: number) {
  requests.length = 0;
  await page.setViewport({ width, height: 900 });
  await page.emulateMediaType('screen');
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
}

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(buffer: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(buffer);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function pdfPages(pdf: Buffer): number {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe('the committed sample report in Chromium', () => {
  beforeAll(() => open(SAMPLE, DESKTOP));

  test('loads nothing but itself and runs no script', async () => {
    expect(requests).toEqual([pathToFileURL(SAMPLE).href]);
    expect(await page.$$eval('script, link, img, iframe, object, embed', (els) => els.length)).toBe(0);
  });

  test('has every section, in order, each with a heading and content', async () => {
    const sections = await page.$$eval('section.report-section', (els) => els.map((s) => ({
      id: s.id,
      heading: s.querySelector(':scope > h2')?.textContent ?? '',
      content: (s.textContent ?? '').length - (s.querySelector(':scope > h2')?.textContent ?? '').length,
      visible: (s as any).offsetHeight as number,
    })));
    expect(sections.map((s) => s.id)).toEqual(SECTIONS);
    for (const s of sections) {
      expect(s.heading.length).toBeGreaterThan(5);
      expect(s.content).toBeGreaterThan(100);
      expect(s.visible).toBeGreaterThan(60);
    }
    expect(await page.$$eval('h1', (els) => els.map((e) => e.textContent))).toEqual(['Amazon Bedrock residency: evidence report']);
  });

  test('shows the organization tree with a verdict on every account, and the charts', async () => {
    const accounts = await page.$$eval('#organization li.account', (els) => els.map((e) => [
      e.querySelector('strong')?.textContent, e.querySelector('[data-verdict]')?.getAttribute('data-verdict'),
    ]));
    expect(Object.fromEntries(accounts)).toEqual({
      'management': 'NOT_COVERED',
      'log-archive': 'PROTECTED',
      'audit': 'PROTECTED',
      'claims-prod': 'PROTECTED',
      'payments-prod': 'PROTECTED',
      'claims-dev': 'PARTIAL',
      'data-science-sandbox': 'UNPROTECTED',
      'experiments-sandbox': 'PARTIAL',
    });
    // The SCPs of every level on a path: the Dev OU carries the Region deny that makes claims-dev PARTIAL.
    expect(await page.$eval('#organization', (e) => (e as any).innerText as string)).toMatch(/Dev ou-smpl-devdevde0.*\n.*SCPs attached here: FullAWSAccess, aws-guardrails-RegionDeny/);
    const charts = await page.$$eval('#traffic svg.chart', (els) => els.map((e) => [e.getBoundingClientRect().width, e.getBoundingClientRect().height, e.querySelectorAll('rect').length]));
    expect(charts).toHaveLength(2);
    for (const [w, h, bars] of charts) {
      expect(w).toBeGreaterThan(600);
      expect(h).toBeGreaterThan(80);
      expect(bars).toBeGreaterThan(4);
    }
    expect(await page.$$eval('#disagreements li.c-contradiction', (els) => els.length)).toBe(1);
    // One row per probe result: the sample's probe runs the default paths.
    const probeResults = JSON.parse(readFileSync(join(SAMPLE, '..', 'probe.json'), 'utf8')).results.length;
    expect(probeResults).toBe(PROBE_PATH_ROWS.length);
    expect(await page.$$eval('#probe tbody tr', (els) => els.length)).toBe(probeResults);
  });

  test('reads without colour: every verdict is written as its word, and the audit verdicts differ in border too', async () => {
    const cells = await page.$$eval('[data-verdict]', (els) => els.map((e) => [e.getAttribute('data-verdict')!, e.textContent ?? '']));
    expect(cells.length).toBeGreaterThan(50);
    for (const [word, text] of cells) expect(text.toUpperCase().replace(/[ -]/g, '_')).toContain(word.toUpperCase());
    const borders = await page.$$eval('#organization li.account [data-verdict]', (els) => Object.fromEntries(els.map((e) => {
      const s = (globalThis as any).getComputedStyle(e);
      return [e.getAttribute('data-verdict'), `${s.borderTopStyle} ${s.borderLeftWidth}`];
    })));
    expect(new Set(Object.values(borders)).size).toBe(Object.keys(borders).length);
  });

  test('fits the desktop and the print width without sideways scrolling, on screen and in print', async () => {
    for (const width of [DESKTOP, PRINT]) {
      await page.setViewport({ width, height: 900 });
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMediaType(media);
        const scrollWidth = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth as number);
        expect([width, media, scrollWidth]).toEqual([width, media, width]);
      }
    }
    await page.emulateMediaType('screen');
  });

  test('screenshots at desktop and print width, and in greyscale, are real pictures of the whole page', async () => {
    const sizes: Record<string, number> = {};
    for (const [name, width, grey] of [['desktop', DESKTOP, false], ['print-width', PRINT, false], ['greyscale', PRINT, true]] as const) {
      await open(SAMPLE, width);
      if (grey) await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
      const shot = await page.screenshot({ fullPage: true, type: 'png' });
      writeFileSync(join(dir, `${name}.png`), shot);
      const size = pngSize(shot);
      expect(size.width).toBe(width);
      expect(size.height).toBeGreaterThan(3000);
      expect(shot.length).toBeGreaterThan(100_000);
      sizes[name] = shot.length;
    }
    // Printed to the test log so the figures can be read from CI.
    process.stdout.write(`report screenshots (bytes): ${JSON.stringify(sizes)}\n`);
  });

  test('prints to an A4 PDF through the browser', async () => {
    await open(SAMPLE, PRINT);
    const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThan(2);
    expect(pages).toBeLessThan(40);
  });
});

test('an input full of markup stays text in the browser', async () => {
  const file = join(dir, 'hostile.html');
  writeFileSync(file, buildEvidenceReport(hostileInputs(), { toolVersion: '1.0.0', now: new Date('2026-11-30T00:00:00Z') }).html);
  await open(file, DESKTOP);
  expect(await page.$$eval('script, img, iframe, object, embed', (els) => els.length)).toBe(0);
  expect(await page.$$eval('*', (els) => els.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length)).toBe(0);
  const text = await page.evaluate(() => (globalThis as any).document.body.innerText as string);
  expect(text).toContain('<script>alert(1)</script>"><img src=x onerror=alert(2)>\'&');
  expect(requests).toEqual([pathToFileURL(file).href]);
});

test('report --pdf prints the same report with the Chromium it finds', async () => {
  const write = (name: string, doc: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(doc));
    return join(dir, name);
  };
  const out = join(dir, 'cli.html');
  const pdf = join(dir, 'cli.pdf');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runReportCommand(
    { audit: write('audit.json', auditDoc()), traffic: write('traffic.json', trafficDoc()), probe: write('probe.json', probeDoc()), out, pdf, chromium },
    { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t), now: () => new Date('2026-11-30T00:00:00Z') },
  );
  expect(stderr.join('')).toBe('');
  expect(code).toBe(1);
  expect(stdout.join('')).toContain(`wrote ${pdf}\n`);
  expect(pdfPages(readFileSync(pdf))).toBeGreaterThan(0);
});
