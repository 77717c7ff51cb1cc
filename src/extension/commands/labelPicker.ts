// Asks for a label from the label schema and for an optional note; shared by the commands that create or edit annotations.
import * as vscode from 'vscode';
import type { AnnotationLabel } from '../settings';

interface LabelItem extends vscode.QuickPickItem {
  readonly name: string;
}

/** A quick pick of the schema's labels (the current one first when editing); undefined when dismissed. */
export async function pickLabel(labels: readonly AnnotationLabel[], options: { current?: string; quote?: string } = {}): Promise<string | undefined> {
  const items: LabelItem[] = labels.map((label) => ({
    name: label.name,
    label: label.name,
    description: [label.description, label.name === options.current ? '(current)' : ''].filter(Boolean).join(' '),
    iconPath: new vscode.ThemeIcon('tag'),
  }));
  if (options.current && !labels.some((l) => l.name === options.current)) {
    items.unshift({ name: options.current, label: options.current, description: '(current, not in the label schema)', iconPath: new vscode.ThemeIcon('tag') });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Annotation label',
    placeHolder: options.quote ? `Label for “${shortQuote(options.quote)}”` : 'Pick a label',
    matchOnDescription: true,
  });
  return picked?.name;
}

/** An input box for the Markdown note; '' when left empty, undefined when dismissed. */
export async function askNote(current = ''): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Annotation note (optional, Markdown)',
    prompt: 'Press Enter to leave it empty',
    value: current,
  });
}

export function shortQuote(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
