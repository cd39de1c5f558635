import { AuBedrockResidencyScp, ScpConflictCheck, ScpSlotGuard, SovereignBedrockErrors } from '../../src';
import { thrown } from '../helpers/errors';
import { newStack } from '../helpers/stack';

describe('protect() from an untyped caller: the library\'s named error, never a TypeError', () => {
  test.each([
    ['ScpSlotGuard.protect()', (scp: any, options: any) => ScpSlotGuard.protect(scp, options)],
    ['ScpConflictCheck.protect()', (scp: any, options: any) => ScpConflictCheck.protect(scp, options)],
  ] as const)('%s', (source, protect) => {
    const scp = new AuBedrockResidencyScp(newStack(), 'Posture', { targetIds: ['ou-ab12-34cd56ef'] });
    const nullOptions = thrown(() => protect(scp, null));
    expect(SovereignBedrockErrors.isValidationError(nullOptions)).toBe(true);
    expect((nullOptions as Error).message).toBe(`${source}: invalid props (1 problem):\n  - options: must be an object when given, got null`);
    const notAnScp = thrown(() => protect({ node: {} }, undefined));
    expect(SovereignBedrockErrors.isValidationError(notAnScp)).toBe(true);
    expect((notAnScp as Error).message).toContain('  - scp: must be an AuBedrockResidencyScp, AuOnlyInferenceScp or RegionAllowlistScp, got an object');
  });
});
