import { readFileSync } from 'fs';
import { renderTrafficSample, TRAFFIC_SAMPLE } from '../../maintainer/traffic-sample';

test('docs/traffic-sample.md is what the command prints for the event corpus: run maintainer/traffic-sample.ts after a change', async () => {
  expect(readFileSync(TRAFFIC_SAMPLE, 'utf8')).toBe(await renderTrafficSample());
});
