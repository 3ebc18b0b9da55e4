import * as vscode from 'vscode';

import { ScheduleView } from './schedule/panel';
import { ServerController } from './server';
import { affectsChecks, affectsServer } from './settings';
import { ServerStatus } from './status';
import { TraceChannel } from './trace';

let server: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('pgm', { log: true });
  const trace = new TraceChannel('pgm trace');
  const status = new ServerStatus();
  server = new ServerController(output, trace, status);
  const controller = server;
  const schedule = new ScheduleView(context.extensionUri, output);
  context.subscriptions.push(
    output,
    trace,
    status,
    schedule,
    vscode.commands.registerCommand('pgm.restartServer', () => controller.restart()),
    vscode.commands.registerCommand('pgm.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('pgm.showSchedule', () => schedule.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsServer(event)) {
        void controller.restart();
      } else if (affectsChecks(event)) {
        void controller.sendSettings();
      }
      if (affectsServer(event) || affectsChecks(event)) {
        void schedule.refresh();
      }
    }),
  );
  await controller.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
