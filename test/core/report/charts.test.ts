import { barChart, buckets, regionColours, timelineChart } from '../../../src/core/report/charts';

test('the timeline draws every day of a short window and weeks of a long one', () => {
  const short = buckets([{ day: '2026-11-01', servedRegion: 'x', count: 1 }, { day: '2026-11-05', servedRegion: 'x', count: 1 }]);
  expect(short.unit).toBe('day');
  expect(short.starts).toHaveLength(5);
  const long = buckets([{ day: '2026-01-07', servedRegion: 'x', count: 1 }, { day: '2026-12-31', servedRegion: 'x', count: 1 }]);
  expect(long.unit).toBe('week');
  // 2026-01-07 is a Wednesday: the first week starts on Monday 2026-01-05.
  expect(new Date(long.starts[0] * 86_400_000).toISOString().slice(0, 10)).toBe('2026-01-05');
  expect(long.of('2026-12-31')).toBe(long.starts.length - 1);
  const svg = timelineChart([{ day: '2026-11-01', servedRegion: 'us-east-1', count: 4 }, { day: '2026-11-01', servedRegion: 'ap-southeast-2', count: 6 }]);
  expect(svg).toContain('<title>2026-11-01, us-east-1: 4 calls</title>');
  expect(svg).toContain('fill="url(#hatch-abroad)"');
  expect(svg).toContain('Sydney (ap-southeast-2) <span class="where" data-verdict="IN_AUSTRALIA">in Australia</span>');
  expect(timelineChart([])).toContain('no calls');
});

test('regions are drawn Australian first, each with its own colour', () => {
  const colours = regionColours(['us-east-1', 'ap-southeast-4', 'eu-west-1', 'ap-southeast-2']);
  expect([...colours.keys()]).toEqual(['ap-southeast-2', 'ap-southeast-4', 'eu-west-1', 'us-east-1']);
  expect(new Set(colours.values()).size).toBe(4);
});

test('the bar chart draws the largest first and says when it leaves some out', () => {
  const bars = Array.from({ length: 25 }, (_, i) => ({ label: `account ${i}`, value: i + 1 }));
  const svg = barChart('calls', bars);
  expect(svg.indexOf('account 24')).toBeLessThan(svg.indexOf('account 23'));
  expect(svg).not.toContain('>account 4<');
  expect(svg).toContain('The 20 largest of 25; the table has them all.');
  expect(barChart('calls', [])).toBe('');
});
