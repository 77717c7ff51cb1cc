// Every colour the extension contributes is readable on VS Code's default editor backgrounds (WCAG AA): labels as
// text (4.5:1), highlight backgrounds under the editor's text (4.5:1), borders, underlines and rules as graphics (3:1).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AA_NON_TEXT, AA_TEXT, blend, contrastRatio, parseHexColor, type Rgba } from '../../../src/core/color/contrast';

type ThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** VS Code's default editor background and foreground per theme kind (Light Modern, Dark Modern, High Contrast, High Contrast Light). */
const EDITOR: Record<ThemeKind, { background: string; foreground: string }> = {
  light: { background: '#ffffff', foreground: '#3b3b3b' },
  dark: { background: '#1f1f1f', foreground: '#cccccc' },
  highContrast: { background: '#000000', foreground: '#ffffff' },
  highContrastLight: { background: '#ffffff', foreground: '#292929' },
};
/** Defaults of the workbench colours the contributions refer to. */
const WORKBENCH: Record<string, Record<ThemeKind, string>> = {
  contrastBorder: { light: '#0000001f', dark: '#ffffff1f', highContrast: '#6fc3df', highContrastLight: '#0f4a85' },
  'editor.foreground': { light: '#3b3b3b', dark: '#cccccc', highContrast: '#ffffff', highContrastLight: '#292929' },
};

interface ContributedColor {
  id: string;
  defaults: Record<ThemeKind, string>;
}

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { colors: ContributedColor[] } };

function resolve(value: string, kind: ThemeKind): Rgba {
  const color = parseHexColor(value) ?? parseHexColor(WORKBENCH[value]?.[kind] ?? '');
  assert.ok(color, `unknown colour value ${value}`);
  return color;
}

describe('contributed colours (WCAG AA on the default editor backgrounds)', () => {
  it('are all checked here', () => {
    assert.ok(manifest.contributes.colors.length >= 9);
    for (const c of manifest.contributes.colors) assert.match(c.id, /(Label|Background|Border|Rule)$/, `${c.id}: which rule applies?`);
  });

  for (const color of manifest.contributes.colors) {
    for (const kind of Object.keys(EDITOR) as ThemeKind[]) {
      it(`${color.id} in ${kind} themes`, () => {
        const background = parseHexColor(EDITOR[kind].background)!;
        const value = resolve(color.defaults[kind], kind);
        if (color.id.endsWith('Background')) {
          // the article's text is drawn on the highlight
          const under = blend(value, background);
          const ratio = contrastRatio(parseHexColor(EDITOR[kind].foreground)!, under);
          assert.ok(ratio >= AA_TEXT, `text on ${color.id} (${color.defaults[kind]}): ${ratio.toFixed(2)}:1 < ${AA_TEXT}:1`);
        } else {
          const needed = color.id.endsWith('Label') ? AA_TEXT : AA_NON_TEXT;
          const ratio = contrastRatio(value, background);
          assert.ok(ratio >= needed, `${color.id} (${color.defaults[kind]}) on ${EDITOR[kind].background}: ${ratio.toFixed(2)}:1 < ${needed}:1`);
        }
      });
    }
  }
});

describe('contrastRatio', () => {
  it('matches the WCAG figures for black, white and grey', () => {
    assert.equal(contrastRatio(parseHexColor('#000')!, parseHexColor('#fff')!).toFixed(1), '21.0');
    assert.equal(contrastRatio(parseHexColor('#777777')!, parseHexColor('#ffffff')!).toFixed(2), '4.48');
    assert.equal(contrastRatio(parseHexColor('#ffffff00')!, parseHexColor('#123456')!), 1);
  });
});
