/**
 * The library validates props with their API names (`targets.accounts[0]`); a command
 * line user typed flags. These rewrite each reported problem to name the flag, and the
 * value's position among that flag's repeats when it was given more than once.
 */
export interface FlagMapping {
  /** API prop path prefix, e.g. `targets.accounts`. */
  readonly prop: string;
  /** The flag, e.g. `--account`. */
  readonly flag: string;
  /** Items the command added to the list before the user's (they have no flag). */
  readonly offset?: number;
  /**
   * `repeat` (default): one value per flag, counted as "value N"; `list`: one comma-separated flag,
   * "item N"; `single`: a flag that takes one value, so no position is named.
   */
  readonly kind?: 'repeat' | 'list' | 'single';
}

const PROBLEM = /^(\s*-\s*)?([A-Za-z][\w.]*)(\[(\d+)\])?((?:\.[\w.]+|\[\d+\])*): (.*)$/s;

/** One problem line, with the API prop path replaced by the flag that set it. */
export function toFlagProblem(line: string, mappings: readonly FlagMapping[]): string {
  const m = PROBLEM.exec(line);
  if (!m) return line;
  const [, bullet = '', prop, , index, rest, message] = m;
  const mapping = mappings.find((x) => x.prop === prop);
  if (!mapping) return line;
  if (index === undefined || mapping.kind === 'single') return `${bullet}${mapping.flag}${rest}: ${message}`;
  const position = Number(index) - (mapping.offset ?? 0);
  if (position < 0) return `${bullet}${mapping.flag} (added by the command, not your value)${rest}: ${message}`;
  return `${bullet}${mapping.flag} (${mapping.kind === 'list' ? 'item' : 'value'} ${position + 1})${rest}: ${message}`;
}

/** Problems collected under API-style names (`allowedRegions[1]`), each named by its flag and position. */
export function toFlagProblems(problems: readonly string[], mappings: readonly FlagMapping[]): string[] {
  return problems.map((p) => toFlagProblem(p, mappings));
}

/** Every problem line of a validation error, with flags named; the `Where: invalid props` header becomes `invalid options`. */
export function toFlagMessage(message: string, mappings: readonly FlagMapping[]): string {
  return message.split('\n')
    .map((line) => line.replace(/^[\w.]+: invalid props \((\d+ problems?)\):$/, 'invalid options ($1):'))
    .map((line) => toFlagProblem(line, mappings))
    .join('\n');
}
