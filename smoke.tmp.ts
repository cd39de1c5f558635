import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { corpusRecords, trailFiles, writeTrail } from './test/helpers/trail-fixture';
import { runTrafficCommand } from './src/cli/traffic-command';
const dir = mkdtempSync(join(tmpdir(), 'h19-'));
writeTrail(dir, trailFiles(corpusRecords()));
runTrafficCommand(['--logs', dir, '--format', process.argv[2] ?? 'table'], { stdout: (t) => process.stdout.write(t) }).then((c) => console.log('exit', c));
