/** Waits for a file Firefox downloads into a folder (the prefs send downloads there unasked). */
import { existsSync, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';

/**
 * Resolves with the path of the first file whose name matches once Firefox finished writing it
 * (its `.part` companion is gone and it is not the empty placeholder Firefox creates first). Fails after `timeoutMs`, naming what the folder holds.
 */
export function downloaded(dir: string, name: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const files = readdirSync(dir);
      const done = files.find((f) => name.test(f) && !files.includes(`${f}.part`));
      if (!done || !existsSync(join(dir, done)) || statSync(join(dir, done)).size === 0) return false;
      watcher.close();
      clearTimeout(timer);
      resolve(join(dir, done));
      return true;
    };
    const watcher = watch(dir, () => void check());
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`no finished download matching ${name} in ${dir}: ${readdirSync(dir).join(', ')}`));
    }, timeoutMs);
    check();
  });
}
