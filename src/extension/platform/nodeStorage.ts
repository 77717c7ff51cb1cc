// The workspace index's cache files on the Node host: a file: URI of the extension's storage is on the extension host's
// own machine, so it is read and written with Node's file system. Through vscode.workspace.fs each file travels VS
// Code's IPC (in a remote or browser window over its socket, compressed on the extension host's thread: a cache entry
// per article, and a pack of megabytes, held the host for tens of milliseconds each). Other schemes go through
// vscode.workspace.fs as before.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { StorageFileSystem } from './extensionPlatform';

/** Node's errors as workspace.fs reports them (callers tell a missing file by FileSystemError's code). */
function asFileSystemError(error: unknown, uri: vscode.Uri): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return vscode.FileSystemError.FileNotFound(uri);
  if (code === 'EISDIR') return vscode.FileSystemError.FileIsADirectory(uri);
  if (code === 'EEXIST') return vscode.FileSystemError.FileExists(uri);
  return error;
}

async function local<T>(uri: vscode.Uri, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asFileSystemError(error, uri);
  }
}

/** The index makes its cache folder (createDirectory) before it writes files in it. */
export const nodeStorage: StorageFileSystem = {
  readFile: (uri) => (uri.scheme === 'file' ? local(uri, () => readFile(uri.fsPath)) : Promise.resolve(vscode.workspace.fs.readFile(uri))),
  writeFile: (uri, bytes) =>
    uri.scheme === 'file'
      ? local(uri, () => writeFile(uri.fsPath, bytes))
      : Promise.resolve(vscode.workspace.fs.writeFile(uri, bytes)),
  rename: (from, to) => (from.scheme === 'file' && to.scheme === 'file' ? local(from, () => rename(from.fsPath, to.fsPath)) : Promise.resolve(vscode.workspace.fs.rename(from, to, { overwrite: true }))),
  delete: (uri) => (uri.scheme === 'file' ? local(uri, () => rm(uri.fsPath, { recursive: true })) : Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: true }))),
  createDirectory: (uri) => (uri.scheme === 'file' ? local(uri, async () => void (await mkdir(uri.fsPath, { recursive: true }))) : Promise.resolve(vscode.workspace.fs.createDirectory(uri))),
};
