/**
 * Inline SVG charts: drawn at render time, so the page needs no script and no
 * network, and scaled by the viewBox to the screen or the printed page. Bars
 * served outside Australia are hatched as well as coloured, and every chart is
 * followed by the same figures as a table or legend in words.
 */
import { isAustralian } from './cross-check';
import { esc, n } from './html';
import { describeRegion } from '../regions';

const AU_COLOURS = ['#0969da', '#54aeff', '#218bff'];
const ABROAD_COLOURS = ['#cf222e', '#bc4c00', '#bf3989', '#8250df', '#9a6700', '#57606a', '#a40e26', '#953800'];

const DAY_MS = 86_400_000;
/** More days than this are drawn as weeks, so a bar stays wider than a hairline at print width. */
const MAX_DAILY_BARS = 92;

/** Defined once per page: the hatching of everything served outside Australia, in every chart. */
export const SVG_DEFS = '<svg class="defs" width="0" height="0" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><defs>'
  + '<pattern id="hatch-abroad" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
  + '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.2" stroke-opacity="0.75"/></pattern></defs></svg>';

export interface SeriesPoint { readonly day: string; readonly servedRegion: string; readonly count: number }

/** Regions in drawing order (Australian first) with their colours. */
export function regionColours(regions: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(regions)].sort((a, b) => Number(isAustralian(b)) - Number(isAustralian(a)) || a.localeCompare(b));
  let au = 0;
  let abroad = 0;
  return new Map(sorted.map((r) => [r, isAustralian(r) ? AU_COLOURS[au++ % AU_COLOURS.length] : ABROAD_COLOURS[abroad++ % ABROAD_COLOURS.length]]));
}

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function dayString(num: number): string {
  return new Date(num * DAY_MS).toISOString().slice(0, 10);
}

/** Buckets of the timeline: every day from the first to the last, or weeks starting on Monday. */
export function buckets(points: readonly SeriesPoint[]): { readonly unit: 'day' | 'week'; readonly starts: number[]; readonly of: (day: string) => number } {
  const days = points.map((p) => dayNumber(p.day));
  const first = Math.min(...days);
  const last = Math.max(...days);
  if (last - first + 1 <= MAX_DAILY_BARS) {
    return { unit: 'day', starts: Array.from({ length: last - first + 1 }, (_, i) => first + i), of: (d) => dayNumber(d) - first };
  }
  // 1970-01-01 was a Thursday: day numbers modulo 7 are 4 on Mondays.
  const monday = (d: number) => d - ((d - 4 + 7) % 7);
  const firstWeek = monday(first);
  const count = Math.floor((monday(last) - firstWeek) / 7) + 1;
  return { unit: 'week', starts: Array.from({ length: count }, (_, i) => firstWeek + 7 * i), of: (d) => Math.floor((monday(dayNumber(d)) - firstWeek) / 7) };
}

/** A readable maximum for the y axis: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten. */
function niceMax(value: number): number {
  if (value <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(value));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * p).find((m) => m >= value)!;
}

/** Calls by served Region over time, stacked bars. */
export function timelineChart(points: readonly SeriesPoint[]): string {
  const nonZero = points.filter((p) => p.count > 0);
  if (nonZero.length === 0) return '<p class="empty">The replay recorded no calls in its window.</p>';
  const colours = regionColours(nonZero.map((p) => p.servedRegion));
  const b = buckets(nonZero);
  const stacks = b.starts.map(() => new Map<string, number>());
  for (const p of nonZero) {
    const s = stacks[b.of(p.day)];
    s.set(p.servedRegion, (s.get(p.servedRegion) ?? 0) + p.count);
  }
  const totals = stacks.map((s) => [...s.values()].reduce((a, c) => a + c, 0));
  const max = niceMax(Math.max(...totals));
  const W = 720; const H = 240; const left = 56; const right = 8; const top = 10; const bottom = 34;
  const plotW = W - left - right; const plotH = H - top - bottom;
  const bw = plotW / b.starts.length;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const out: string[] = [];
  out.push(`<svg class="chart" role="img" aria-labelledby="timeline-title" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">`);
  out.push(`<title id="timeline-title">Calls by served Region, per ${b.unit}</title>`);
  for (const frac of [0, 0.25, 0.5, 0.75, 1]) {
    const v = max * frac;
    out.push(`<line class="grid" x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#d0d7de" stroke-width="1"/>`);
    out.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#57606a">${n(v)}</text>`);
  }
  stacks.forEach((s, i) => {
    let base = 0;
    const x = left + i * bw + Math.min(1, bw * 0.1);
    const w = Math.max(bw - Math.min(2, bw * 0.2), 0.5);
    for (const [region, colour] of colours) {
      const v = s.get(region);
      if (!v) continue;
      const y0 = y(base + v);
      const h = y(base) - y0;
      const label = `${b.unit === 'week' ? 'week of ' : ''}${dayString(b.starts[i])}, ${describeRegion(region)}: ${n(v)} calls`;
      out.push(`<rect x="${x.toFixed(2)}" y="${y0.toFixed(2)}" width="${w.toFixed(2)}" height="${h.toFixed(2)}" fill="${colour}"><title>${esc(label)}</title></rect>`);
      if (!isAustralian(region)) out.push(`<rect x="${x.toFixed(2)}" y="${y0.toFixed(2)}" width="${w.toFixed(2)}" height="${h.toFixed(2)}" fill="url(#hatch-abroad)"/>`);
      base += v;
    }
  });
  const labels = Math.min(b.starts.length, 8);
  const step = Math.max(1, Math.ceil(b.starts.length / labels));
  for (let i = 0; i < b.starts.length; i += step) {
    out.push(`<text x="${(left + (i + 0.5) * bw).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle" font-size="11" fill="#57606a">${dayString(b.starts[i]).slice(5)}</text>`);
  }
  out.push(`<text x="${left + plotW / 2}" y="${H - 4}" text-anchor="middle" font-size="11" fill="#57606a">${b.unit === 'week' ? 'week starting (MM-DD)' : 'day (MM-DD, UTC)'}</text>`);
  out.push(`<line x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#57606a"/></svg>`);
  const legend = [...colours].map(([r, c]) => `<li><span class="swatch${isAustralian(r) ? '' : ' hatched'}" style="background-color:${c}"></span>`
    + `${esc(describeRegion(r))} <span class="where" data-verdict="${isAustralian(r) ? 'IN_AUSTRALIA' : 'OUTSIDE_AUSTRALIA'}">${isAustralian(r) ? 'in Australia' : 'outside Australia'}</span></li>`);
  return `<figure class="chart-figure">${out.join('')}<figcaption><ul class="legend">${legend.join('')}</ul></figcaption></figure>`;
}

export interface Bar { readonly label: string; readonly value: number }

/** Horizontal bars, largest first (the table beside it has every row). */
export function barChart(title: string, bars: readonly Bar[], colour = '#cf222e', limit = 20): string {
  const shown = [...bars].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)).slice(0, limit);
  if (shown.length === 0) return '';
  const max = Math.max(...shown.map((b) => b.value));
  const W = 720; const row = 24; const left = 250; const right = 70;
  const H = shown.length * row + 8;
  const out = [`<svg class="chart" role="img" viewBox="0 0 ${W} ${H}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>`];
  shown.forEach((b, i) => {
    const w = Math.max(((W - left - right) * b.value) / max, 1);
    const yy = 4 + i * row;
    const label = b.label.length > 38 ? `${b.label.slice(0, 36)}...` : b.label;
    out.push(`<text x="${left - 8}" y="${yy + 15}" text-anchor="end" font-size="12" fill="#1f2328">${esc(label)}</text>`);
    out.push(`<rect x="${left}" y="${yy + 3}" width="${w.toFixed(2)}" height="${row - 8}" fill="${colour}"><title>${esc(`${b.label}: ${n(b.value)}`)}</title></rect>`);
    out.push(`<rect x="${left}" y="${yy + 3}" width="${w.toFixed(2)}" height="${row - 8}" fill="url(#hatch-abroad)"/>`);
    out.push(`<text x="${(left + w + 6).toFixed(2)}" y="${yy + 15}" font-size="12" fill="#1f2328">${n(b.value)}</text>`);
  });
  out.push('</svg>');
  const more = bars.length > shown.length ? `<p class="note">The ${shown.length} largest of ${bars.length}; the table has them all.</p>` : '';
  return `<figure class="chart-figure">${out.join('')}</figure>${more}`;
}
