import { toFlagMessage, toFlagProblem } from '../../src/cli/flag-names';

const MAPPINGS = [
  { prop: 'targets.accounts', flag: '--account' },
  { prop: 'options.exemptPrincipalArns', flag: '--exempt-principal-arn', offset: 4 },
  { prop: 'options.allowedRegions', flag: '--allowed-regions', kind: 'list' as const },
  { prop: 'namePrefix', flag: '--name-prefix' },
];

describe('API prop paths become the flags the user typed', () => {
  test.each([
    ['  - targets.accounts[0]: "12" is not 12 digits', '  - --account (value 1): "12" is not 12 digits'],
    // The command put four Control Tower patterns first: the user's first value is index 4.
    ['  - options.exemptPrincipalArns[4]: "nope" is not an ARN', '  - --exempt-principal-arn (value 1): "nope" is not an ARN'],
    ['  - options.exemptPrincipalArns[1]: too long', '  - --exempt-principal-arn (added by the command, not your value): too long'],
    ['  - options.allowedRegions[2]: "x" is not a Region', '  - --allowed-regions (item 3): "x" is not a Region'],
    ['  - namePrefix: "!!" is not valid', '  - --name-prefix: "!!" is not valid'],
    ['  - somethingElse[0]: unchanged', '  - somethingElse[0]: unchanged'],
    ['not a problem line', 'not a problem line'],
  ])('%s', (line, expected) => {
    expect(toFlagProblem(line, MAPPINGS)).toBe(expected);
  });

  test('the header names no API entry point', () => {
    expect(toFlagMessage('PostureExport.toFiles: invalid props (1 problem):\n  - namePrefix: bad', MAPPINGS))
      .toBe('invalid options (1 problem):\n  - --name-prefix: bad');
  });
});
