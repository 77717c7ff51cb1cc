// The note sanitiser keeps an allow-list of Markdown and nothing else: rendered with marked (the renderer VS Code's
// hovers use), a sanitised note never holds a link other than http(s)/mailto, an image, or HTML from the note.
import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import { sanitiseNoteMarkdown } from '../../../src/core/markdown/noteMarkdown';

function render(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}

/** Every href and src in the rendered HTML. */
function targets(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
}

function assertInert(note: string): string {
  const html = render(sanitiseNoteMarkdown(note));
  for (const target of targets(html)) assert.match(target, /^(https?:|mailto:)/i, `only web and mail links: ${target} in ${html} from ${JSON.stringify(note)}`);
  assert.doesNotMatch(html, /<(?!\/?(p|em|strong|code|pre|a|ul|ol|li|blockquote|h[1-6]|hr|br|del|table|thead|tbody|tr|th|td)[\s>/])/i, `no other element: ${html}`);
  assert.doesNotMatch(html, /<img/i);
  return html;
}

describe('sanitiseNoteMarkdown', () => {
  it('shows a link whose label nests brackets and whose target is a file as text (it was let through)', () => {
    const note = '[a [b] c](file:///etc/passwd)';
    const html = assertInert(note);
    assert.equal(targets(html).length, 0, html);
    assert.match(html, /\[a \[b\] c\]\(file:\/\/\/etc\/passwd\)/, 'the characters are shown as written');
  });

  it('keeps http(s) and mailto links clickable, with their label sanitised', () => {
    const html = assertInert('See [the *minutes* [draft]](https://example.org/minutes) or [write](mailto:desk@example.org).');
    assert.deepEqual(targets(html), ['https://example.org/minutes', 'mailto:desk@example.org']);
    assert.match(html, /<em>minutes<\/em> \[draft\]/);
  });

  it('disarms command, vscode, data and javascript links, autolinks, reference definitions, images and HTML', () => {
    const notes = [
      '[x](command:workbench.action.quit)',
      '[x]( command:workbench.action.quit "title")',
      '[x](<command:workbench.action.quit>)',
      '<command:workbench.action.quit>',
      '<file:///etc/passwd>',
      '[x][ref]\n\n[ref]: file:///etc/passwd',
      '[ref]\n\n[ref]: command:workbench.action.quit',
      '![pixel](https://example.invalid/p.png)',
      '![pixel][p]\n\n[p]: https://example.invalid/p.png',
      '<img src="https://example.invalid/p.png">',
      '<a href="command:x">click</a>',
      '<script>alert(1)</script>',
      '<div>\n[x](file:///a)\n</div>',
      '&#x5B;x&#x5D;&#x28;file:///a&#x29;',
      '[x](javascript:alert(1))',
      '[x](data:text/html,<b>hi</b>)',
      '[x](vscode://settings)',
      '[a [b] c](file:///x "t")',
      '[`code`](file:///x)',
      '[x](https://ok.example)(file:///y)',
      '[[x](file:///a)](https://ok.example)',
      '> [quoted](file:///a)\n- [listed](command:x)\n1. [numbered](file:///b)',
      '# [heading](file:///a)',
      'text \\[x](file:///a)',
      'text \\\\[x](file:///a)',
      'www.example.org and file:///etc/passwd and command:workbench.action.quit',
    ];
    for (const note of notes) assertInert(note);
  });

  it('keeps emphasis, code, lists, quotes, headings and fenced code as Markdown', () => {
    const html = assertInert('# Source\n\n**bold** and _it_ and ~~gone~~ and `a [b](file:///c)`\n\n- one\n- two\n\n> said\n\n```\n[x](file:///a) <b>\n```');
    assert.match(html, /<h1>Source<\/h1>/);
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<em>it<\/em>/);
    assert.match(html, /<del>gone<\/del>/);
    assert.match(html, /<code>a \[b\]\(file:\/\/\/c\)<\/code>/);
    assert.match(html, /<li>one<\/li>/);
    assert.match(html, /<blockquote>/);
    assert.match(html, /<pre><code>\[x\]\(file:\/\/\/a\) &lt;b&gt;/);
  });

  it('closes an unclosed fence, so the note cannot swallow what follows it', () => {
    const out = sanitiseNoteMarkdown('```js\n[x](file:///a)');
    assert.equal(out, '```\n[x](file:///a)\n```');
  });

  it('shows ordinary punctuation as written', () => {
    const note = 'Costs (estimated): 3 < 4 & 5 > 2! "Quoted" it\'s {ok} 1. not a list? #tag a+b=c';
    const html = render(sanitiseNoteMarkdown(note));
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
    assert.equal(text, note);
  });

  it('leaves nothing active in random Markdown-like notes', () => {
    const pieces = ['[', ']', '(', ')', '<', '>', '!', '`', '\\', ':', 'file:///a', 'command:x', 'https://ok.example', 'mailto:a@b.c', ' ', '\n', '"', '*', '_', '#', '- ', '> ', '&', '#x3C;', 'a', '```', '~~~', '    '];
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      let note = '';
      const length = 1 + next(24);
      for (let i = 0; i < length; i++) note += pieces[next(pieces.length)];
      assertInert(note);
    }
  });
});
