import { spawn, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Writable } from 'stream';
import { main } from '../../src/cli/main';
import { finalExitCode, streamOutput } from '../../src/cli/output';

function sink() {
  const text: string[] = [];
  return { stream: new Writable({ write(c, _e, done) { text.push(String(c)); done(); } }), text: () => text.join('') };
}

/** A real pipe whose reader (`head -c 1`) exits after one byte, as `| head` does. */
function closingPipe() {
  const head = spawn('head', ['-c', '1'], { stdio: ['pipe', 'ignore', 'ignore'] });
  const exited = new Promise<void>((resolve) => head.on('exit', () => resolve()));
  return { stream: head.stdin, exited };
}

describe('a closed pipe', () => {
  test.each([0, 1, 2])('a command piped to `head -c 1` exits quietly with its own code %d', (earned) => {
    // A real process writing to a real pipe: the reader's exit makes the writes fail with EPIPE.
    const writer = join(__dirname, 'fixtures', 'epipe-writer.ts');
    const r = spawnSync('bash', ['-c', `set -o pipefail; "$0" "$1" ${earned} | head -c 1 >/dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`,
      require.resolve('ts-node/dist/bin-transpile.js'), writer], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr.trim()).toBe(`exit=${earned}`);
  }, 60_000);

  test('ends the output quietly and keeps the exit code the run earned', async () => {
    const pipe = closingPipe();
    const err = sink();
    const io = streamOutput(pipe.stream, err.stream);
    io.stdout('x'.repeat(10));
    await pipe.exited;
    // Writes after the reader went away: the first fails with EPIPE, the rest are dropped.
    for (let i = 0; i < 50 && !io.stdoutClosed(); i++) {
      io.stdout(`${'y'.repeat(64 * 1024)}\n`);
      await new Promise((r) => setImmediate(r));
    }
    expect(io.stdoutClosed()).toBe(true);
    expect(io.writeFailure()).toBeUndefined();
    expect(() => io.stdout('more')).not.toThrow();
    expect(err.text()).toBe('');
    for (const earned of [0, 1, 2]) expect(finalExitCode(earned, io)).toBe(earned);
  });

  test('main keeps its exit code when stdout closes mid-output', async () => {
    const pipe = closingPipe();
    await new Promise((r) => pipe.stream.write('z', r));
    await pipe.exited;
    const err = sink();
    const io = streamOutput(pipe.stream, err.stream);
    // --help (exit 0) and no command (exit 2) both write usage to stdout.
    expect(await main(['audit', '--help'], io)).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(await main([], io)).toBe(2);
    expect(io.stdoutClosed()).toBe(true);
    expect(err.text()).toBe('');
  });

  test('another write failure is reported and the run exits 2', async () => {
    const failing = new Writable({ write(_c, _e, done) { done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })); } });
    const err = sink();
    const io = streamOutput(failing, err.stream);
    expect(await main(['--version'], io)).toBe(2);
    expect(err.text()).toMatch(/^writing to stdout failed: ENOSPC: no space left on device$/m);
  });
});

describe('export --out that cannot be written', () => {
  const run = async (out: string) => {
    const err = sink();
    const stdout = sink();
    const code = await main(['export', '--format', 'json', '--out', out], streamOutput(stdout.stream, err.stream));
    return { code, err: err.text() };
  };

  test('onto an existing file: a named error, exit 2, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-out-'));
    const file = join(dir, 'taken');
    writeFileSync(file, 'keep me');
    const r = await run(file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`--out: ${file} is a file, not a directory; pass a directory to write the export into\n`);
  });

  test('under a file: a named error, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-out-'));
    writeFileSync(join(dir, 'taken'), 'keep me');
    const r = await run(join(dir, 'taken', 'sub'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^--out: (could not write|cannot write under) .*taken\/sub.*: a file is in the way of a directory \((ENOTDIR|EEXIST)\)\n$/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test('a file where the export puts a directory: a named error, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-out-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'policies'), 'in the way');
    const r = await run(dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^--out: could not write .*policies.*: a file is in the way of a directory/);
  });
});
