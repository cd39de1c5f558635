/** The error a function throws; fails the test when it throws none. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

/** The message of the error a function throws; fails the test when it throws none. */
export function errorOf(fn: () => void): string {
  return (thrown(fn) as Error).message;
}
