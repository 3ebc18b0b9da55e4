import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** What to do when there is no `pgm` to run, said wherever that shows. */
export const INSTALL_HINT =
  'Install it with `cargo install --path .` in the pgm repository, ' +
  'or set "pgm.server.path" to the pgm program.';

/**
 * The file that `command` runs: a bare name is looked up on the PATH, a path
 * is taken relative to `base` (the workspace folder). `undefined` when there
 * is no such executable file.
 */
export function findExecutable(command: string, base: string | undefined): string | undefined {
  const expanded = command.startsWith('~/') ? join(homedir(), command.slice(2)) : command;
  if (isAbsolute(expanded)) {
    return isExecutableFile(expanded) ? expanded : undefined;
  }
  if (expanded.includes('/') || expanded.includes('\\')) {
    const path = resolve(base ?? process.cwd(), expanded);
    return isExecutableFile(path) ? path : undefined;
  }
  const names = process.platform === 'win32' ? [expanded, `${expanded}.exe`] : [expanded];
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const path = join(directory, name);
      if (directory && isExecutableFile(path)) {
        return path;
      }
    }
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
