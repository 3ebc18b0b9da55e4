import * as vscode from 'vscode';

import { INSTALL_HINT } from '../executable';
import { reportMissingServer, resolveServer } from '../server';
import { checkSettings, serverSettings } from '../settings';
import { escapeHtml, renderGantt } from './gantt';
import { runSchedule } from './run';

/** Saves come in bursts (save all, a formatter): one refresh per burst. */
const REFRESH_DELAY_MS = 300;

/**
 * The "Show schedule" view: `pgm schedule` of the workspace as a Gantt chart
 * in a webview, redrawn when a .pgm file or pgm.toml changes on disk.
 */
export class ScheduleView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/{*.pgm,pgm.toml}');
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** Counts renders, so that a slow older run never overwrites a newer one. */
  private generation = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {
    const refreshSoon = () => this.refreshSoon();
    this.watcher.onDidChange(refreshSoon);
    this.watcher.onDidCreate(refreshSoon);
    this.watcher.onDidDelete(refreshSoon);
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        'pgm.schedule',
        'pgm schedule',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: false,
          localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
        },
      );
      panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel = panel;
    }
    void this.refresh();
  }

  /** Redraws the view, if it is open. */
  async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) {
      return;
    }
    const generation = ++this.generation;
    const body = await this.renderBody();
    if (generation === this.generation && this.panel === panel) {
      panel.webview.html = this.page(panel.webview, body);
    }
  }

  private refreshSoon(): void {
    if (!this.panel) {
      return;
    }
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async renderBody(): Promise<string> {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
    if (folders.length === 0) {
      return '<p class="error">Open a folder with .pgm files to see its schedule.</p>';
    }
    const path = serverSettings().path;
    const command = resolveServer(path);
    if (command === undefined) {
      reportMissingServer(path, this.output);
      return `<p class="error">pgm not found ("${escapeHtml(path)}"). ${escapeHtml(INSTALL_HINT)}</p>`;
    }
    try {
      return renderGantt(await runSchedule(command, folders, checkSettings()));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.output.error(`pgm schedule failed: ${reason}`);
      return `<p class="error">pgm schedule failed:</p><pre>${escapeHtml(reason)}</pre>`;
    }
  }

  private page(webview: vscode.Webview, body: string): string {
    const stylesheet = webview.asWebviewUri(
      vscode.Uri.joinPath(this.extensionUri, 'media', 'schedule.css'),
    );
    // No scripts at all; inline style attributes place the bars.
    const policy = `default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline';`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${stylesheet.toString()}">
<title>pgm schedule</title>
</head>
<body>
${body}
</body>
</html>`;
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.watcher.dispose();
    this.panel?.dispose();
  }
}
