// Asks for a label from the label schema and for an optional note; shared by the commands that create or edit annotations.
import * as vscode from 'vscode';
import { shorten } from '../core/formats/formatModel';
import type { AnnotationLabel } from '../core/annotations/labelSchema';

interface LabelItem extends vscode.QuickPickItem {
  readonly name: string;
}

/**
 * A swatch of the label's colour for its row in a picker, so a label is seen as it will be drawn. The schema's colours
 * are checked hex colours (labelSchema), and the picture is an inline SVG: no file, nothing remote.
 */
export function labelSwatch(color: string): vscode.Uri {
  const fill = /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#64748b';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="2" y="2" width="12" height="12" rx="3" fill="${fill}" stroke="#80808080"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`);
}

/** A quick pick of the schema's labels (the current one active when editing, so Enter keeps it); undefined when dismissed. */
export async function pickLabel(labels: readonly AnnotationLabel[], options: { current?: string; quote?: string } = {}): Promise<string | undefined> {
  const items: LabelItem[] = labels.map((label) => ({
    name: label.name,
    label: label.name,
    description: [label.description, label.name === options.current ? '(current)' : ''].filter(Boolean).join(' '),
    iconPath: labelSwatch(label.color),
  }));
  if (options.current && !labels.some((l) => l.name === options.current)) {
    items.unshift({ name: options.current, label: options.current, description: '(current, not in the label schema)', iconPath: new vscode.ThemeIcon('tag') });
  }
  // A plain showQuickPick would make the first label active, so Enter while editing would silently relabel.
  const pick = vscode.window.createQuickPick<LabelItem>();
  pick.title = 'Annotation label';
  pick.placeholder = options.quote ? `Label for “${shorten(options.quote, 50)}”` : 'Pick a label';
  pick.matchOnDescription = true;
  pick.items = items;
  const current = items.find((item) => item.name === options.current);
  if (current) pick.activeItems = [current];
  return new Promise<string | undefined>((resolve) => {
    let chosen: string | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.name ?? pick.activeItems[0]?.name;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}

/** An input box for the Markdown note; '' when left empty, undefined when dismissed. */
export async function askNote(current = ''): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Annotation note (optional, Markdown)',
    prompt: 'Markdown is allowed. Press Enter to leave it empty.',
    placeHolder: 'e.g. Confirmed by a second source',
    value: current,
  });
}
