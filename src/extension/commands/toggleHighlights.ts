// "Toggle Highlights": all highlights on/off, or (without arguments) a pick of which kinds to show.
import * as vscode from 'vscode';
import type { EntityDecorator } from '../entityDecorator';
import { QUOTE_HIGHLIGHT_SETTING } from '../quoteDecorator';
import { HIGHLIGHT_KINDS, type HighlightKind, SETTINGS_SECTION, type SettingsWatcher } from '../settings';


const KIND_LABELS: Readonly<Record<HighlightKind, string>> = { person: 'People', place: 'Places', organization: 'Organizations', date: 'Dates' };

/**
 * Arguments: `true`/`false` (all on/off), `"all"` (flip all), or `{ kind, enabled? }` for one kind (`"quote"`: quotations) (stored in its
 * `articleAnnotator.highlight.<kind>` user setting). Without arguments: a multi-select pick of the kinds.
 * Returns whether highlights are on overall afterwards.
 */
export async function toggleHighlights(decorator: EntityDecorator, settings: SettingsWatcher, arg?: unknown): Promise<boolean> {
  if (typeof arg === 'boolean') {
    await decorator.setHighlightsOn(arg);
    return decorator.enabled;
  }
  if (arg === 'all') {
    await decorator.setHighlightsOn(!decorator.enabled);
    return decorator.enabled;
  }
  if (typeof arg === 'object' && arg !== null && 'kind' in arg) {
    const { kind, enabled } = arg as { kind: unknown; enabled?: unknown };
    if (kind === 'all') {
      await decorator.setHighlightsOn(typeof enabled === 'boolean' ? enabled : !decorator.enabled);
      return decorator.enabled;
    }
    if (kind === 'quote') {
      await setQuotes(typeof enabled === 'boolean' ? enabled : !quotesOn());
      if (!decorator.enabled) await decorator.setHighlightsOn(true);
      return decorator.enabled;
    }
    if (!HIGHLIGHT_KINDS.includes(kind as HighlightKind)) throw new Error(`Unknown highlight kind ${JSON.stringify(kind)}; expected one of ${HIGHLIGHT_KINDS.join(', ')} , "quote" or "all".`);
    const k = kind as HighlightKind;
    await setKind(k, typeof enabled === 'boolean' ? enabled : !settings.settings.highlight[k]);
    if (!decorator.enabled) await decorator.setHighlightsOn(true);
    return decorator.enabled;
  }
  const current = settings.settings.highlight;
  const items: { label: string; highlight: HighlightKind | 'quote'; picked: boolean }[] = HIGHLIGHT_KINDS.map((kind) => ({ label: KIND_LABELS[kind], highlight: kind, picked: decorator.enabled && current[kind] }));
  items.push({ label: 'Quotations', highlight: 'quote', picked: decorator.enabled && quotesOn() });
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Highlight which kinds?', placeHolder: 'Unselect all to turn highlights off' });
  if (!picked) return decorator.enabled;
  const wanted = new Set(picked.map((p) => p.highlight));
  if (wanted.size === 0) {
    await decorator.setHighlightsOn(false);
    return false;
  }
  for (const kind of HIGHLIGHT_KINDS) if (current[kind] !== wanted.has(kind)) await setKind(kind, wanted.has(kind));
  if (quotesOn() !== wanted.has('quote')) await setQuotes(wanted.has('quote'));
  if (!decorator.enabled) await decorator.setHighlightsOn(true);
  return decorator.enabled;
}

async function setKind(kind: HighlightKind, enabled: boolean): Promise<void> {
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(`highlight.${kind}`, enabled, vscode.ConfigurationTarget.Global);
}

/** Quotations are an optional kind with a setting of their own (src/extension/quoteDecorator.ts). */
function quotesOn(): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(QUOTE_HIGHLIGHT_SETTING, false) === true;
}

async function setQuotes(enabled: boolean): Promise<void> {
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(QUOTE_HIGHLIGHT_SETTING, enabled, vscode.ConfigurationTarget.Global);
}
