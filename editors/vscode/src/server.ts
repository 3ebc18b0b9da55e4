import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  State,
} from 'vscode-languageclient/node';

import { findExecutable, INSTALL_HINT } from './executable';
import { checkSettings, serverSettings, settingsForServer } from './settings';
import { ServerStatus } from './status';

/** Starts, stops and restarts `pgm lsp`, keeping the status bar up to date. */
export class ServerController {
  private client: LanguageClient | undefined;

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly trace: vscode.LogOutputChannel,
    private readonly status: ServerStatus,
  ) {}

  async start(): Promise<void> {
    const settings = serverSettings();
    const command = resolveServer(settings.path);
    if (command === undefined) {
      this.status.show({ kind: 'missing', command: settings.path });
      reportMissingServer(settings.path, this.output);
      return;
    }
    this.status.show({ kind: 'starting' });
    const args = ['lsp', ...settings.extraArgs];
    this.output.info(`starting ${command} ${args.join(' ')}`);
    const client = new LanguageClient(
      'pgm',
      'pgm',
      { command, args },
      {
        documentSelector: [
          { scheme: 'file', language: 'pgm' },
          { scheme: 'untitled', language: 'pgm' },
        ],
        outputChannel: this.output,
        traceOutputChannel: this.trace,
        initializationOptions: () => settingsForServer(checkSettings()),
      },
    );
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) {
        this.status.show({ kind: 'running', command });
      } else if (newState === State.Stopped) {
        this.status.show({ kind: 'stopped' });
      }
    });
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.status.show({ kind: 'failed', reason });
      this.output.error(`the language server failed to start: ${reason}`);
      void vscode.window.showErrorMessage(`pgm: the language server failed to start: ${reason}`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.needsStop()) {
      await client.stop(2000).catch((error: unknown) => {
        this.output.warn(`the language server did not stop cleanly: ${String(error)}`);
      });
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Sends the checks' settings after they changed; they apply without a restart. */
  async sendSettings(): Promise<void> {
    if (this.client?.isRunning()) {
      await this.client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: settingsForServer(checkSettings()),
      });
    }
  }
}

/** The `pgm` program the settings name, relative paths taken from the first workspace folder. */
export function resolveServer(path: string): string | undefined {
  return findExecutable(path, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
}

/** Says, where the user looks, that there is no server and what to do about it. */
export function reportMissingServer(path: string, output: vscode.LogOutputChannel): void {
  const where =
    path.includes('/') || path.includes('\\')
      ? `"${path}" is no executable file`
      : `"${path}" is not on the PATH`;
  const message = `pgm language server not found: ${where}. ${INSTALL_HINT}`;
  output.error(message);
  const openSettings = 'Open Settings';
  const showOutput = 'Show Output';
  void vscode.window.showErrorMessage(message, openSettings, showOutput).then((choice) => {
    if (choice === openSettings) {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'pgm.server.path');
    } else if (choice === showOutput) {
      output.show(true);
    }
  });
}
