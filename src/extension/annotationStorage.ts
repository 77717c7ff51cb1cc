// Workspace-state storage for the annotation store, and the safety net for stored state that no longer parses.
import * as vscode from 'vscode';
import { fileExists } from './files/fileExists';

/** The storage shape the core's AnnotationStore writes through (a Memento without the editor types). */
export interface MementoStorage {
  get(key: string): unknown;
  update(key: string, value: unknown): Promise<void>;
}

/** Adapts a VS Code Memento (`context.workspaceState`) to the core store's storage interface. */
export class MementoStateStorage implements MementoStorage {
  private writeCount = 0;

  constructor(private readonly memento: vscode.Memento) {}

  /** How many writes this session has made (the write-coalescing test reads it). */
  get writes(): number {
    return this.writeCount;
  }

  get(key: string): unknown {
    return this.memento.get<unknown>(key);
  }

  async update(key: string, value: unknown): Promise<void> {
    this.writeCount += 1;
    await this.memento.update(key, value);
  }
}

/** Where a corrupt stored value was saved, and why it was rejected. */
export interface CorruptStateBackup {
  readonly file: vscode.Uri;
  readonly reason: string;
}

/**
 * Copies stored state that failed to parse or validate into `<storage>/backups/` before anything may replace it,
 * and tells the user which file holds it. Backups are never overwritten: each gets a fresh timestamped name.
 */
export class CorruptStateGuard {
  private readonly backupsWritten: CorruptStateBackup[] = [];
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storageRoot: vscode.Uri,
    private readonly name: string,
  ) {}

  /** Every backup written in this session, oldest first (tests and the status of the store read it). */
  get backups(): readonly CorruptStateBackup[] {
    return this.backupsWritten;
  }

  /** Serialised so that two corrupt reads in a row produce two files, never one that overwrites the other. */
  backup(raw: unknown, reason: string): Promise<CorruptStateBackup> {
    const result = this.pending.then(() => this.writeBackup(raw, reason));
    this.pending = result.catch(() => undefined);
    return result;
  }

  /** Resolves when every backup requested so far has been written (or failed and been reported). */
  async settled(): Promise<void> {
    await this.pending;
  }

  private async writeBackup(raw: unknown, reason: string): Promise<CorruptStateBackup> {
    const dir = vscode.Uri.joinPath(this.storageRoot, 'backups');
    await vscode.workspace.fs.createDirectory(dir);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let file = vscode.Uri.joinPath(dir, `${this.name}-${stamp}.json`);
    for (let n = 2; await fileExists(file); n++) {
      file = vscode.Uri.joinPath(dir, `${this.name}-${stamp}-${n}.json`);
    }
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(serialiseRaw(raw)));
    const backup = { file, reason };
    this.backupsWritten.push(backup);
    void vscode.window.showErrorMessage(
      `Article Annotator: the stored ${this.name} could not be read (${reason}). The stored value was saved unchanged to ${file.fsPath}.`,
      'Open Backup',
    ).then(async (choice) => {
      if (choice === 'Open Backup') await vscode.window.showTextDocument(file);
    });
    return backup;
  }
}

/** Keeps the raw value byte for byte when it is a string; otherwise JSON (with anything JSON cannot hold made visible). */
function serialiseRaw(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  try {
    const json = JSON.stringify(raw, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2);
    return json ?? String(raw);
  } catch (error) {
    return `/* the stored value could not be serialised as JSON: ${error instanceof Error ? error.message : String(error)} */\n${String(raw)}`;
  }
}

/** The folder for backups: the workspace's storage when a folder is open, else the global storage. */
export function backupRoot(context: vscode.ExtensionContext): vscode.Uri {
  return context.storageUri ?? context.globalStorageUri;
}
