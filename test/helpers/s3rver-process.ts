/**
 * Starts s3rver (a local S3-compatible server) in a child process on
 * 127.0.0.1, port 0. A child process because s3rver encrypts ListObjectsV2
 * continuation tokens with DES, which OpenSSL 3 offers only through its legacy
 * provider (`node --openssl-legacy-provider`); the test process stays as it is.
 */
import { ChildProcess, spawn } from 'child_process';

export interface RunningS3rver {
  readonly port: number;
  stop(): Promise<void>;
}

const SCRIPT = `
const S3rver = require('s3rver');
const [directory, ...buckets] = process.argv.slice(1);
new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) })
  .run().then((a) => process.stdout.write(JSON.stringify({ port: a.port }) + '\\n'), (e) => { console.error(e); process.exit(1); });
`;

export function startS3rver(directory: string, buckets: readonly string[]): Promise<RunningS3rver> {
  const child: ChildProcess = spawn(process.execPath, ['--openssl-legacy-provider', '-e', SCRIPT, directory, ...buckets], {
    cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}`)));
    child.stdout!.on('data', (d) => {
      text += String(d);
      const line = text.split('\n')[0];
      if (!text.includes('\n')) return;
      const { port } = JSON.parse(line);
      child.removeAllListeners('exit');
      resolve({
        port,
        stop: () => new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill();
        }),
      });
    });
  });
}
