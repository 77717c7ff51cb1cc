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

const lengths = new WeakMap<vscode.TextDocument, { readonly version: number; readonly length: number }>();

/**
 * The document's length in UTF-16 code units, without joining its text: the end offset of its last line, found once
 * per version (placing each annotation and highlight in an editor checks it, at every keystroke).
 */
export function documentLength(document: vscode.TextDocument): number {
  const known = lengths.get(document);
  if (known && known.version === document.version) return known.length;
  const joined = joinedTexts.get(document);
  const length = joined && joined.version === document.version ? joined.text.length : document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  lengths.set(document, { version: document.version, length });
  return length;
}
