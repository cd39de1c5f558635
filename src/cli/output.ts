/**
 * The command line's one way to write to stdout and stderr. A reader that
 * goes away (`audit --format json | head`) closes the pipe: Node reports that
 * as an `EPIPE` error on the stream, which would otherwise crash the process
 * with exit 1, the code for "not protected". Here a closed pipe ends the
 * output quietly: later writes are dropped and the command's own exit code
 * stands. Any other write failure (a full disk) is remembered so the command
 * exits 2: its output is incomplete.
 */
import { Writable } from 'stream';

export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is redrawn in place). */
  readonly stderrIsTty: boolean;
  /** True once the reader of stdout went away. */
  readonly stdoutClosed: () => boolean;
  /** A write failure other than a closed pipe, if any: the output is incomplete. */
  readonly writeFailure: () => string | undefined;
  /** Resolves once every write so far has completed or failed (a failure is reported asynchronously). */
  readonly flush: () => Promise<void>;
}

const CLOSED = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/** Output over two writable streams (default: the process's). */
export function streamOutput(out: Writable = process.stdout, err: Writable = process.stderr): CliOutput {
  let outClosed = false;
  let errClosed = false;
  let failure: string | undefined;
  const watch = (stream: Writable, name: string, close: () => void) => {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      close();
      if (!CLOSED.has(e.code ?? '')) failure ??= `writing to ${name} failed: ${e.code ?? e.name}: ${e.message}`;
    });
  };
  watch(out, 'stdout', () => { outClosed = true; });
  if (err !== out) watch(err, 'stderr', () => { errClosed = true; });
  // A pipe to a child process is destroyed, not errored, when the child exits.
  out.on('close', () => { outClosed = true; });
  if (err !== out) err.on('close', () => { errClosed = true; });
  const write = (stream: Writable, closed: () => boolean) => (text: string) => {
    if (closed() || stream.destroyed || stream.writableEnded) return;
    try {
      stream.write(text);
    } catch (e) {
      // A synchronous failure is reported like an asynchronous one.
      stream.emit('error', e);
    }
  };
  // Text still buffered in the stream is written (or fails) later: wait for it, or for the stream to close.
  const drained = async (stream: Writable, closed: () => boolean) => {
    await new Promise((r) => setImmediate(r));
    while (!closed() && !stream.destroyed && stream.writableLength > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done).off('close', done).off('error', done);
          resolve();
        };
        stream.on('drain', done).on('close', done).on('error', done);
      });
    }
    // An error for the last write is emitted on a later tick.
    await new Promise((r) => setImmediate(r));
  };
  return {
    stdout: write(out, () => outClosed),
    stderr: write(err, () => errClosed || (err === out && outClosed)),
    stderrIsTty: Boolean((err as { isTTY?: boolean }).isTTY),
    stdoutClosed: () => outClosed || out.destroyed,
    writeFailure: () => failure,
    flush: async () => {
      await drained(out, () => outClosed);
      if (err !== out) await drained(err, () => errClosed);
    },
  };
}

/**
 * The exit code once the command is done: its own, unless writing its output
 * failed for another reason than a closed pipe (then 2, incomplete output).
 */
export function finalExitCode(code: number, output: CliOutput): number {
  return output.writeFailure() !== undefined && code < 2 ? 2 : code;
}

let processIo: CliOutput | undefined;

/** The process's stdout and stderr, watched once however many commands run in this process. */
export function processOutput(): CliOutput {
  processIo ??= streamOutput(process.stdout, process.stderr);
  return processIo;
}
