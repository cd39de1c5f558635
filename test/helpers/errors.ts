/** The message of the error a function throws; fails the test when it throws none. */
export function errorOf(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
