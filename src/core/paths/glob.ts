// Workspace-relative glob patterns (the article globs) as regular expressions, for matching paths without a file system.

const cache = new Map<string, RegExp | undefined>();

/**
 * A matcher for workspace-relative '/'-paths: `**` (any depth, `**\/` also none), `*` and `?` (within one segment) and
 * `{a,b}` (nestable); every other character stands for itself. Undefined for a glob that cannot compile (unbalanced
 * braces): settings report it, and matching treats it as matching nothing.
 */
export function globToRegExp(glob: string): RegExp | undefined {
  if (cache.has(glob)) return cache.get(glob);
  const re = compile(glob);
  if (cache.size > 1000) cache.clear();
  cache.set(glob, re);
  return re;
}

function compile(glob: string): RegExp | undefined {
  let source = '';
  let depth = 0;
  const g = glob.replace(/^\.\//u, '');
  for (let i = 0; i < g.length; i++) {
    const c = g[i] ?? '';
    if (c === '*' && g[i + 1] === '*') {
      if (g[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      depth++;
      source += '(?:';
    } else if (c === '}') {
      if (depth === 0) return undefined;
      depth--;
      source += ')';
    } else if (c === ',' && depth > 0) source += '|';
    else source += c.replace(/[.+^$()|[\]\\{}]/gu, '\\$&');
  }
  if (depth !== 0) return undefined;
  try {
    return new RegExp(`^${source}$`, 'u');
  } catch {
    return undefined;
  }
}
