import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import { escapeMarkdown, escapeMarkdownLine } from '../../../src/core/markdown/escapeMarkdown';

describe('escapeMarkdown (one home for untrusted text in Markdown)', () => {
  // marked renders as VS Code's hovers do
  const md = { renderInline: (markdown: string): string => marked.parseInline(markdown, { async: false, gfm: true }) };
  const shown = (markdown: string): string =>
    md
      .renderInline(markdown)
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const untrusted = ['[click](command:articleAnnotator.acceptEntity?x)', '*Ana* _b_ `c` <b>d</b> &amp; "e"', '# not a heading', '1. not a list', 'a | b ~~c~~ \\ d'];

  it('a hover line shows the text literally, on one line, with no link, emphasis or HTML', () => {
    for (const text of untrusted) {
      const html = md.renderInline(escapeMarkdownLine(`${text}\nsecond line`));
      assert.doesNotMatch(html, /<(a|em|strong|code|b)\b/u, html);
      assert.equal(shown(escapeMarkdownLine(`${text}\nsecond line`)), `${text} second line`);
    }
  });

  it('a report line keeps the text literal and its line breaks', () => {
    for (const text of untrusted) {
      const escaped = escapeMarkdown(`${text}\nsecond line`);
      assert.equal(escaped.split('\n').length, 2);
      const html = md.renderInline(escaped.split('\n')[0]!);
      assert.doesNotMatch(html, /<(a|em|strong|code|b)\b/u, html);
    }
  });
});
