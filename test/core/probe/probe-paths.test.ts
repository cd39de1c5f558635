import { SYDNEY_CATALOG } from '../../../src/core/catalog/sydney-catalog.generated';
import { PROBE_PATH_ROWS, probePaths } from '../../../src/core/probe/probe-paths';
import { ValidationErrors } from '../../../src/core/validation-errors';

test('every Bedrock path takes its model from the catalog, by the route it names', () => {
  const errors = new ValidationErrors();
  const paths = probePaths(SYDNEY_CATALOG, { originRegion: 'ap-southeast-2' }, errors);
  expect(errors.count).toBe(0);
  expect(paths).toHaveLength(PROBE_PATH_ROWS.length);
  const ids = new Set(SYDNEY_CATALOG.models.flatMap((m) => [
    ...(m.onDemandInSydney ? [m.baseModelId] : []), ...m.profiles.map((p) => p.inferenceProfileId),
  ]));
  for (const p of paths.filter((x) => x.service === 'bedrock')) expect([p.name, ids.has(p.modelId)]).toEqual([p.name, true]);
  expect(paths.filter((p) => p.expect === 'ALLOWED').map((p) => p.name)).toEqual(['on-demand-in-origin', 'au-profile']);
});

test('a catalog without a model for a route is a named problem, not a silent skip', () => {
  const errors = new ValidationErrors();
  const catalog = { ...SYDNEY_CATALOG, models: SYDNEY_CATALOG.models.map((m) => ({ ...m, profiles: m.profiles.filter((p) => p.prefix !== 'apac.') })) };
  const paths = probePaths(catalog, { originRegion: 'ap-southeast-2', services: ['bedrock'] }, errors, '--model');
  expect(paths.map((p) => p.name)).not.toContain('apac-profile');
  expect(errors.all.join('\n')).toContain('--model: the model catalog has none of Nova Micro, Nova Lite, Titan Text Large with a apac. route for path apac-profile: give one with apac-profile=MODEL_ID');
});
