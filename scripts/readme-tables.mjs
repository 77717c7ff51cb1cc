// Regenerates the README's commands and settings tables from package.json (between <!-- commands --> markers).
// Usage: node scripts/readme-tables.mjs [--check]   (--check exits 1 when the README is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function commandsTable(pkg) {
  const contributes = pkg.contributes ?? {};
  const hidden = new Set(
    (contributes.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command),
  );
  // a command can have several keys (Undo Last Annotation Change: everywhere, and Ctrl+Z in the reading view)
  const keys = new Map();
  for (const k of contributes.keybindings ?? []) keys.set(k.command, [...(keys.get(k.command) ?? []), k.key]);
  const rows = (contributes.commands ?? [])
    .filter((c) => !hidden.has(c.command))
    .map((c) => `| ${c.category ? `${c.category}: ` : ''}${c.title} | \`${c.command}\` | ${keys.has(c.command) ? keys.get(c.command).map((k) => `\`${k}\``).join(' / ') : ''} |`);
  return ['| Command | Id | Keybinding |', '| --- | --- | --- |', ...rows].join('\n');
}

export function settingsTable(pkg) {
  const configuration = pkg.contributes?.configuration;
  const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  const rows = sections.flatMap((section) =>
    Object.entries(section.properties ?? {}).map(([key, spec]) => {
      const description = (spec.markdownDescription ?? spec.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
      return `| \`${key}\` | \`${JSON.stringify(spec.default ?? null)}\` | ${description} |`;
    }),
  );
  return ['| Setting | Default | Description |', '| --- | --- | --- |', ...rows].join('\n');
}

export function renderReadme(readme, pkg) {
  return replaceBetween(replaceBetween(readme, 'commands', commandsTable(pkg)), 'settings', settingsTable(pkg));
}

function replaceBetween(text, marker, content) {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const updated = renderReadme(readme, pkg);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md tables are out of date with package.json: run `node scripts/readme-tables.mjs`.');
      process.exit(1);
    }
  } else if (updated !== readme) {
    writeFileSync(readmePath, updated);
    console.log('README.md tables updated.');
  }
}
