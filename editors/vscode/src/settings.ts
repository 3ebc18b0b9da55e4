import * as vscode from 'vscode';

/** How to start `pgm`. */
export interface ServerSettings {
  /** The program, a bare name looked up on the PATH or a path. */
  path: string;
  extraArgs: string[];
}

/**
 * The settings of the checks, the same as those of `pgm.toml`; `null` leaves
 * the file's setting (or the default) in force.
 */
export interface CheckSettings {
  today: string | null;
  exposureThreshold: number | null;
}

export function serverSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration('pgm.server');
  const path = config.get<string>('path')?.trim();
  return {
    path: path ? path : 'pgm',
    extraArgs: config.get<string[]>('extraArgs') ?? [],
  };
}

export function checkSettings(): CheckSettings {
  const config = vscode.workspace.getConfiguration('pgm');
  const today = config.get<string | null>('today')?.trim();
  const threshold = config.get<number | null>('exposureThreshold');
  return {
    today: today ? today : null,
    exposureThreshold: typeof threshold === 'number' ? threshold : null,
  };
}

export function affectsServer(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('pgm.server');
}

export function affectsChecks(event: vscode.ConfigurationChangeEvent): boolean {
  return (
    event.affectsConfiguration('pgm.today') || event.affectsConfiguration('pgm.exposureThreshold')
  );
}

/**
 * The settings as the server reads them, in `initializationOptions` and in
 * `workspace/didChangeConfiguration`: `{"pgm": {"today", "exposureThreshold"}}`.
 */
export function settingsForServer(settings: CheckSettings): { pgm: CheckSettings } {
  return { pgm: settings };
}

/** The same settings as the global flags of the `pgm` command line. */
export function settingsAsFlags(settings: CheckSettings): string[] {
  const flags: string[] = [];
  if (settings.today !== null) {
    flags.push('--today', settings.today);
  }
  if (settings.exposureThreshold !== null) {
    flags.push('--exposure-threshold', String(settings.exposureThreshold));
  }
  return flags;
}
