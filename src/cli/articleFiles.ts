// Reading the files the command line is given or pointed at: annotation files, and article texts named by
// annotations (only under --root, only regular files of a sane size, so an annotation cannot make it read a system
// file, /dev/zero or a FIFO).
import { mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { modificationDay } from '../core/article/articleDate';
import { articleSizeProblem, decodeArticleBytes, type DecodedArticle } from '../core/article/articleText';

/** The text of an article named by a target `source`, or why it cannot be had. */
export type ArticleTextReader = (source: string) => { readonly text: string } | { readonly problem: string };

/** Annotation files larger than this are refused before reading (a W3C file of 200,000 items is about 150 MB). */
export const MAX_ANNOTATION_FILE_BYTES = 256 * 1024 * 1024;

function errorText(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** Why `file` is not a regular file of at most `maxBytes`, checked before anything is read; undefined when it is. */
function fileProblem(file: string, maxBytes: number): string | undefined {
  const stat = statSync(file);
  if (stat.isDirectory()) return 'is a directory, not a file';
  if (!stat.isFile()) return 'is not a regular file';
  if (stat.size > maxBytes) return `is ${Math.ceil(stat.size / (1024 * 1024))} MB, more than the ${Math.floor(maxBytes / (1024 * 1024))} MB read at most`;
  return undefined;
}

/** An annotation file's content as UTF-8, or why it cannot be read (missing, not a regular file, too large). */
export function readAnnotationFile(file: string): { readonly content: string } | { readonly problem: string } {
  try {
    const problem = fileProblem(file, MAX_ANNOTATION_FILE_BYTES);
    return problem ? { problem: `${file} ${problem}` } : { content: readFileSync(file, 'utf8') };
  } catch (error) {
    return { problem: `cannot read ${file} (${errorText(error)})` };
  }
}

/** The file's modification day (local time, YYYY-MM-DD), or undefined when the file cannot be stat'ed. */
export function fileModificationDay(file: string): string | undefined {
  try {
    return modificationDay(statSync(file).mtimeMs);
  } catch {
    return undefined;
  }
}

/** An article file given on the command line, decoded, after checking its type and size. */
export function readArticleBytes(file: string): DecodedArticle {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { problem: 'is a directory, not a file' };
    if (!stat.isFile()) return { problem: 'is not a regular file' };
    // Refuse before reading, so a huge file is never loaded whole.
    const tooLarge = articleSizeProblem(stat.size);
    if (tooLarge) return { problem: tooLarge };
    return decodeArticleBytes(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { problem: 'permission denied' };
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The article key of a file: its path relative to root with '/' separators, or its file: URI when outside root. */
export function articleKeyOfFile(file: string, root: string): string {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return pathToFileURL(path.resolve(file)).href;
  return relative.split(path.sep).join('/');
}

/**
 * The article key of a W3C target `source`: a file: URI (what W3C exports name) under root becomes its path relative
 * to root, as the extension keys articles; anything else stays as it is.
 */
export function articleKeyOfSource(source: string, root: string): string {
  if (!/^file:/i.test(source)) return source;
  try {
    const key = articleKeyOfFile(fileURLToPath(source), root);
    return /^file:/i.test(key) ? source : key;
  } catch {
    return source;
  }
}

/** The full URI of an article key (a path relative to root, or already a URI), as W3C targets name it. */
export function articleUriOf(key: string, root: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(key) && !/^[a-z]:[\\/]/i.test(key)) return key;
  return pathToFileURL(path.resolve(root, key)).href;
}

/** Whether `file` (resolved, symlinks followed) lies inside the folder `realRoot` (itself resolved). */
export function isInsideFolder(file: string, realRoot: string): boolean {
  const relative = path.relative(realRoot, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The file a target `source` names: a path relative to root, an absolute path or a file: URI; else why none. */
export function sourceFilePath(root: string, source: string): string | { readonly problem: string } {
  if (/^file:/i.test(source)) {
    try {
      return fileURLToPath(source);
    } catch (error) {
      return { problem: `not a usable file URI (${error instanceof Error ? error.message : String(error)})` };
    }
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) return { problem: 'only local files can be read' };
  return path.resolve(root, source);
}

/**
 * Reads article files named by `source` (a path relative to root, an absolute path or a file: URI), only when the
 * file, with every symlink followed, lies under root and is a regular file of article size.
 */
export function articleFileReader(root: string, read?: Set<string>): ArticleTextReader {
  let realRoot: string | undefined;
  return (source) => {
    const file = sourceFilePath(root, source);
    if (typeof file !== 'string') return file;
    let real: string;
    try {
      realRoot ??= realpathSync(root);
      real = realpathSync(file);
    } catch (error) {
      return { problem: `cannot read ${file} (${errorText(error)})` };
    }
    if (!isInsideFolder(real, realRoot)) return { problem: `${file} is outside ${root}; only files under --root are read` };
    const decoded = readArticleBytes(real);
    read?.add(real);
    return 'problem' in decoded ? { problem: `${file}: ${decoded.problem}` } : { text: decoded.text };
  };
}

/** The file's path with every symlink followed, or undefined when it does not exist. */
export function existingRealPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Why `out` may not be written: it is one of `protectedFiles` (real paths of the articles and inputs read: never
 * written over, even with --force), its path ends with the relative path of one of `articleNames` (an article named
 * by the annotations, found under a folder other than --root: taken for that article, never written over), or it
 * exists and `force` is off. Undefined when it may be written.
 */
export function writeProblem(out: string, protectedFiles: ReadonlySet<string>, force: boolean, articleNames: Iterable<string> = []): string | undefined {
  const real = existingRealPath(out);
  if (real === undefined) return undefined;
  if (protectedFiles.has(real)) return `${out} is an article or input file of this command; it is never written over`;
  const slashed = real.split(path.sep).join('/');
  for (const name of articleNames) {
    if (/^[a-z][a-z0-9+.-]+:/i.test(name) || path.isAbsolute(name)) continue;
    const relative = path.posix.normalize(name.replace(/\\/g, '/'));
    if (relative.startsWith('../') || relative === '.' || relative === '') continue;
    if (slashed.endsWith(`/${relative}`)) return `${out} may be the article ${name} named by the annotations; it is never written over`;
  }
  if (!force) return `${out} exists; give --force to replace it`;
  return undefined;
}

/**
 * Writes `content` to `file` as UTF-8, creating its folder. Without `force` the file must not exist when written
 * (flag 'wx'), so a file that appeared after the checks is not replaced either.
 */
export function writeOutputFile(file: string, content: string, force: boolean): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
}
