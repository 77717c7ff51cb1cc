// Path arithmetic on '/'-separated paths (URI paths, article keys), without Node's path module: the extension runs in
// the browser host too, where every file is a URI. Windows file-system paths are accepted with '\' turned into '/'.

function parts(p: string): string[] {
  return p.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.');
}

/** The last segment: 'a/b/c.txt' → 'c.txt' (trailing separators ignored). */
export function basename(p: string): string {
  const all = parts(p);
  return all[all.length - 1] ?? '';
}

/** The extension of the last segment with its dot ('.txt'), '' for none or a dot file ('.env'). */
export function extname(p: string): string {
  const name = basename(p);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** Normalised segments: '.' dropped, '..' folded where it can be (a leading '..' stays). */
function normalised(p: string): string[] {
  const out: string[] = [];
  for (const part of parts(p)) {
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out;
}

/** Anything a path's segments would need folding for: '.' or '..' segments, '\\', '//', a trailing '/'. */
const NEEDS_FOLDING = /(?:^|\/)\.{1,2}(?:\/|$)|\\|\/\/|\/$/u;

/** The path from `from` to `to` (both absolute or both relative to the same place), as Node's path.posix.relative. */
export function relativePath(from: string, to: string): string {
  // the common case (a file in a folder, both plain: every file event of a checkout asks it) without splitting either
  if (to.length > from.length + 1 && to.charCodeAt(from.length) === 0x2f && to.startsWith(from) && (from === '' || !NEEDS_FOLDING.test(from)) && !NEEDS_FOLDING.test(to)) return to.slice(from.length + 1);
  const a = normalised(from);
  const b = normalised(to);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...new Array<string>(a.length - common).fill('..'), ...b.slice(common)].join('/');
}

/** True when `p` is `folder` itself or lies under it (after folding '.' and '..'). */
export function isInsideFolder(folder: string, p: string): boolean {
  const rel = relativePath(folder, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('../'));
}
