// What differs between the extension hosts VS Code runs the extension in: the desktop/remote Node host and the
// browser's web-worker host (vscode.dev, github.dev). Everything else is the same code; src/core is neutral by lint.
import type * as vscode from 'vscode';
import type { AnalysisHost } from './analysisHost';

export interface ExtensionPlatform {
  readonly kind: 'node' | 'web';
  /** Background analysis: the worker and the in-process fallback. */
  readonly analysis: AnalysisHost;
  /** The bundle holding the analysis pipeline: its size and time are part of the index cache's pipeline version. */
  readonly analysisBundle: vscode.Uri;
  /**
   * Where a file: URI really leads with every symlink followed, or undefined where the host cannot tell (the browser has
   * no symlinks to follow: its files come through workspace.fs only).
   */
  realPath?(uri: vscode.Uri): Promise<string>;
  /**
   * A small file: URI's bytes at once, without a turn of the event loop (at startup the host's loop is busy for a
   * second or more, and the index's summary is wanted first); undefined where the host cannot (the browser) or the file
   * is missing or unreadable.
   */
  readSmallFileNow?(uri: vscode.Uri): Uint8Array | undefined;
  /** Hex SHA-256 of a text's UTF-8 bytes (content keys of the index cache): native where the host has it. */
  sha256Hex(text: string): string;
  /**
   * The extension's own storage files (the index cache) where the host reaches them without VS Code's IPC (a file: URI
   * on the Node host); undefined: vscode.workspace.fs.
   */
  readonly storage?: StorageFileSystem;
}

/** The part of vscode.workspace.fs the index cache uses, with its errors (FileSystemError codes). */
export interface StorageFileSystem {
  readFile(uri: vscode.Uri): Promise<Uint8Array>;
  writeFile(uri: vscode.Uri, bytes: Uint8Array): Promise<void>;
  /** Replaces `to` if it exists. */
  rename(from: vscode.Uri, to: vscode.Uri): Promise<void>;
  /** A file, or a folder with its contents. */
  delete(uri: vscode.Uri): Promise<void>;
  createDirectory(uri: vscode.Uri): Promise<void>;
}

/** The storage files of the host (see ExtensionPlatform.storage), else vscode.workspace.fs. */
export function storageFileSystem(fs: typeof vscode.workspace.fs): StorageFileSystem {
  return (
    current?.storage ?? {
      readFile: (uri) => Promise.resolve(fs.readFile(uri)),
      writeFile: (uri, bytes) => Promise.resolve(fs.writeFile(uri, bytes)),
      rename: (from, to) => Promise.resolve(fs.rename(from, to, { overwrite: true })),
      delete: (uri) => Promise.resolve(fs.delete(uri, { recursive: true })),
      createDirectory: (uri) => Promise.resolve(fs.createDirectory(uri)),
    }
  );
}

let current: ExtensionPlatform | undefined;

/** Set once by activate(). */
export function setExtensionPlatform(platform: ExtensionPlatform): void {
  current = platform;
}

/** The host's platform; before activation (unit-free helpers called early) it is unknown and optional features are off. */
export function extensionPlatform(): ExtensionPlatform | undefined {
  return current;
}
