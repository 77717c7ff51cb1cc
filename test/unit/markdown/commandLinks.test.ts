// Command-link arguments are encoded fully: a `)` from article text (an entity "Acme (UK)") broke the Accept/Reject
// links of its hover, because encodeURIComponent leaves parentheses alone.
import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import { commandLink, commandUri, encodeUriComponentFully } from '../../../src/core/markdown/commandLinks';

describe('command links', () => {
  it('encode every reserved character, parentheses included, and decode back to the arguments', () => {
    const args = [{ uri: 'file:///w/a (1).txt', text: "Acme (UK)](command:x) <a> 'q' *!", start: 1, end: 9 }];
    const uri = commandUri('articleAnnotator.acceptEntity', args);
    assert.match(uri, /^command:articleAnnotator\.acceptEntity\?[A-Za-z0-9%._~-]+$/);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), args);
    assert.equal(encodeUriComponentFully("()!'*"), '%28%29%21%27%2A');
  });

  it('render as one link with the whole argument, whatever the article text holds', () => {
    const args = [{ text: 'Joe Biden](command:workbench.action.quit) (x)' }];
    const html = marked.parse(`${commandLink('Accept', 'articleAnnotator.acceptEntity', args, 'Keep "it"')} · next`, { async: false });
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    assert.equal(hrefs.length, 1, html);
    const href = hrefs[0]!.replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))), args);
    assert.match(html, />Accept<\/a> · next/);
  });
});
