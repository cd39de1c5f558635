import { ValidationErrors } from '../validation-errors';
import { IsUnresolved } from '../validators';

/** The first segment of every OU path: the organization root (whose name is always "Root"). */
export const OU_PATH_ROOT = 'Root';

/**
 * OU names per the AWS Organizations API: 1-128 characters from the ASCII range.
 * Control characters are refused too: the console cannot create them and they
 * are almost always a copy-paste accident.
 */
export const OU_NAME = /^[\u0020-\u007E]{1,128}$/;
export const OU_NAME_MAX = 128;

/** Organizations nests OUs at most five levels below the root. */
export const MAX_OU_DEPTH = 5;

export const OU_PATH_FORM =
  "OU names from the root separated by '/', like 'Root/Workloads/Prod' (names match exactly, case included; each 1-128 printable ASCII characters)";

const show = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Everything wrong with an OU path, one line each; empty when it is well formed.
 * Shared by the synth-time check and the deploy-time handler, which sees paths
 * that were tokens at synth.
 */
export function ouPathProblems(path: unknown): string[] {
  if (typeof path !== 'string') return [`must be a string, got ${typeof path}. Use ${OU_PATH_FORM}`];
  if (path === OU_PATH_ROOT || path === `${OU_PATH_ROOT}/`) {
    return [`"${path}" names the root, not an OU. Use ${OU_PATH_FORM}, or pass the root ID (r-...) as a target directly`];
  }
  if (!path.startsWith(`${OU_PATH_ROOT}/`)) {
    return [`"${show(path)}" does not start with '${OU_PATH_ROOT}/'. Use ${OU_PATH_FORM}`];
  }
  const problems: string[] = [];
  const names = path.split('/').slice(1);
  names.forEach((name, i) => {
    const where = `segment ${i + 1} below Root`;
    if (name.length === 0) {
      problems.push(`${where} of "${show(path)}" is empty; remove the doubled or trailing '/'. Use ${OU_PATH_FORM}`);
    } else if (name.length > OU_NAME_MAX) {
      problems.push(`${where} ("${show(name)}") is ${name.length} characters; OU names are 1-${OU_NAME_MAX} characters`);
    } else if (!OU_NAME.test(name)) {
      const bad = [...new Set([...name].filter((c) => !OU_NAME.test(c)))].map((c) => JSON.stringify(c)).join(', ');
      problems.push(`${where} ("${show(name)}") contains ${bad}; OU names are printable ASCII characters`);
    }
  });
  if (names.length > MAX_OU_DEPTH) {
    problems.push(`"${show(path)}" is ${names.length} OUs deep; Organizations nests OUs at most ${MAX_OU_DEPTH} levels below the root`);
  }
  return problems;
}

/** The OU names below the root, in order. Only meaningful for a path without problems. */
export function ouPathNames(path: string): string[] {
  return path.split('/').slice(1);
}

/** Adds `prop: problem` for each problem with the path; a token path is left to the deploy-time check. */
export function checkOuPath(prop: string, path: string, errors: ValidationErrors, isUnresolved: IsUnresolved = () => false): void {
  if (isUnresolved(path)) return;
  for (const p of ouPathProblems(path)) errors.add(prop, p);
}
