import { readFileSync } from 'fs';
import { join } from 'path';

/** The installed package's version (src/cli and lib/cli are both two levels below package.json). */
export function packageVersion(): string {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
}
