import { execFile } from 'node:child_process';

import { CheckSettings, settingsAsFlags } from '../settings';
import { parseSchedule, Schedule } from './model';

/** Long enough for a large portfolio, short enough never to leave the view hanging. */
const TIME_LIMIT_MS = 60_000;

/** Runs `pgm schedule --format json` on `folders` and reads its answer. */
export function runSchedule(
  command: string,
  folders: string[],
  settings: CheckSettings,
): Promise<Schedule> {
  const args = [...settingsAsFlags(settings), 'schedule', '--format', 'json', ...folders];
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: TIME_LIMIT_MS, maxBuffer: 256 * 1024 * 1024, cwd: folders[0] },
      (error, stdout, stderr) => {
        if (error) {
          const said = stderr.trim();
          reject(new Error(said ? said : error.message));
          return;
        }
        try {
          resolve(parseSchedule(stdout));
        } catch (parseError) {
          reject(parseError instanceof Error ? parseError : new Error(String(parseError)));
        }
      },
    );
  });
}
