import { promises as fs } from 'fs';
import { join, sep } from 'path';
import { keepFile, keepFolder } from '../core/traffic/log-layout';
import { LogObject, LogSource } from '../core/traffic/log-sources';
import { TrafficFilter } from '../core/traffic/traffic-types';

// The file system is read here, outside the CDK-free core (which does no I/O of its own: the S3
// reader is injected the same way).

/** A local folder of CloudTrail log files (walked, pruned by the key layout) or one file. */
export function localSource(path: string): LogSource {
  return {
    description: path,
    async *list(filter) {
      const stat = await fs.stat(path);
      if (stat.isFile()) {
        yield { name: path, read: () => fs.readFile(path) };
        return;
      }
      yield* walk(path, path.split(sep).filter((s) => s.length > 0), filter);
    },
  };
}

async function* walk(dir: string, segments: string[], filter: TrafficFilter): AsyncGenerator<LogObject> {
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const path = join(dir, e.name);
    const segs = [...segments, e.name];
    if (e.isDirectory()) {
      if (keepFolder(segs, filter)) yield* walk(path, segs, filter);
    } else if (e.isFile() && keepFile(segs, filter)) {
      yield { name: path, read: () => fs.readFile(path) };
    }
  }
}

