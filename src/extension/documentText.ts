// An open document's text, joined once per version.
import type * as vscode from 'vscode';

const joinedTexts = new WeakMap<vscode.TextDocument, { readonly version: number; readonly text: string }>();

/**
 * The document's text, joined once per version: getText() copies the whole document on every call, and while a
 * person types into a large article every view asks for its text after every key.
 */
export function documentText(document: vscode.TextDocument): string {
  const known = joinedTexts.get(document);
  if (known && known.version === document.version) return known.text;
  const text = document.getText();
  joinedTexts.set(document, { version: document.version, text });
  return text;
}

/** The document's length in UTF-16 code units, without joining its text: the end offset of its last line. */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
