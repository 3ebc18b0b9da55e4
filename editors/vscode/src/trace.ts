import * as vscode from 'vscode';

/**
 * Where the protocol trace goes. The language client traces only into a log
 * channel whose level is Trace, a level users cannot see nor set from the
 * settings; this channel takes its level from `pgm.trace.server` instead, so
 * that the setting alone turns the trace on and off.
 */
export class TraceChannel implements vscode.LogOutputChannel {
  readonly name: string;
  private readonly channel: vscode.OutputChannel;
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly configuration: vscode.Disposable;
  readonly onDidChangeLogLevel = this.levelChanged.event;

  constructor(name: string) {
    this.name = name;
    this.channel = vscode.window.createOutputChannel(name);
    this.configuration = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('pgm.trace.server')) {
        this.levelChanged.fire(this.logLevel);
      }
    });
  }

  get logLevel(): vscode.LogLevel {
    const trace = vscode.workspace.getConfiguration('pgm.trace').get<string>('server', 'off');
    return trace === 'off' ? vscode.LogLevel.Off : vscode.LogLevel.Trace;
  }

  trace(message: string): void {
    this.write('trace', message);
  }
  debug(message: string): void {
    this.write('debug', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warning', message);
  }
  error(error: string | Error): void {
    this.write('error', error instanceof Error ? error.message : error);
  }

  append(value: string): void {
    this.channel.append(value);
  }
  appendLine(value: string): void {
    this.channel.appendLine(value);
  }
  replace(value: string): void {
    this.channel.replace(value);
  }
  clear(): void {
    this.channel.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') {
      this.channel.show(columnOrPreserveFocus);
    } else {
      this.channel.show(columnOrPreserveFocus, preserveFocus);
    }
  }
  hide(): void {
    this.channel.hide();
  }
  dispose(): void {
    this.configuration.dispose();
    this.levelChanged.dispose();
    this.channel.dispose();
  }

  private write(level: string, message: string): void {
    this.channel.appendLine(`${new Date().toISOString()} [${level}] ${message}`);
  }
}
