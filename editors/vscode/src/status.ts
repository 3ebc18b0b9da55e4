import * as vscode from 'vscode';

import { INSTALL_HINT } from './executable';

/** What the status bar says about the language server. */
export type ServerState =
  | { kind: 'starting' }
  | { kind: 'running'; command: string }
  | { kind: 'stopped' }
  | { kind: 'missing'; command: string }
  | { kind: 'failed'; reason: string };

/** The status bar item of the language server; a click shows its output. */
export class ServerStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'pgm.server',
    vscode.StatusBarAlignment.Left,
    0,
  );

  constructor() {
    this.item.name = 'pgm language server';
    this.item.command = 'pgm.showOutput';
    this.show({ kind: 'starting' });
    this.item.show();
  }

  show(state: ServerState): void {
    const { text, tooltip, error } = describe(state);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = error
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}

function describe(state: ServerState): { text: string; tooltip: string; error: boolean } {
  switch (state.kind) {
    case 'starting':
      return {
        text: '$(sync~spin) pgm',
        tooltip: 'pgm: the language server is starting',
        error: false,
      };
    case 'running':
      return {
        text: '$(check) pgm',
        tooltip: `pgm: the language server is running (${state.command}). Click for its output.`,
        error: false,
      };
    case 'stopped':
      return {
        text: '$(debug-stop) pgm',
        tooltip: 'pgm: the language server has stopped. Run "pgm: Restart the language server".',
        error: true,
      };
    case 'missing':
      return {
        text: '$(error) pgm: server not found',
        tooltip: `pgm: no language server at "${state.command}". ${INSTALL_HINT}`,
        error: true,
      };
    case 'failed':
      return {
        text: '$(error) pgm',
        tooltip: `pgm: the language server failed: ${state.reason}. Click for its output.`,
        error: true,
      };
  }
}
