// A small command-line flag parser shared by the commands: `--name value`, `--name=value`, switches, positionals.

/** A flag takes a value (`--date 2021-08-15`) or is a switch (`--help`); `short` adds a one-letter alias (`-h`). */
export type FlagSpec = 'value' | 'switch' | { readonly kind: 'value' | 'switch'; readonly short?: string };

/** A mistake in how the command was called; the message is fit to print as is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  /** Arguments that are not flags, in order (everything after `--` included). */
  readonly positionals: readonly string[];
  /** The values given for a value flag, in order; empty when it was not given. */
  values(name: string): readonly string[];
  /** The last value given for a value flag. */
  value(name: string): string | undefined;
  /** Whether a flag (switch or value) was given. */
  has(name: string): boolean;
}

/** Parses `args` against the declared flags (names without dashes); throws UsageError on anything else. */
export function parseArgs(args: readonly string[], flags: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const kinds = new Map<string, 'value' | 'switch'>();
  const shorts = new Map<string, string>();
  for (const [name, spec] of Object.entries(flags)) {
    kinds.set(name, typeof spec === 'string' ? spec : spec.kind);
    if (typeof spec !== 'string' && spec.short) shorts.set(spec.short, name);
  }
  const given = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      for (const rest of args.slice(i + 1)) positionals.push(rest);
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const long = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    const name = long ? long[1]! : shorts.get(arg.slice(1));
    const kind = name === undefined ? undefined : kinds.get(name);
    if (name === undefined || kind === undefined) throw new UsageError(`unknown option '${arg}'${known(kinds)}`);
    const list = given.get(name) ?? [];
    given.set(name, list);
    const inline = long?.[2];
    if (kind === 'switch') {
      if (inline !== undefined) throw new UsageError(`option '--${name}' takes no value`);
      continue;
    }
    if (inline !== undefined) {
      list.push(inline);
      continue;
    }
    const next = args[i + 1];
    if (next === undefined || next.startsWith('--')) throw new UsageError(`option '--${name}' needs a value`);
    list.push(next);
    i++;
  }
  return {
    positionals,
    values: (name) => given.get(name) ?? [],
    value: (name) => given.get(name)?.at(-1),
    has: (name) => given.has(name),
  };
}

function known(kinds: ReadonlyMap<string, string>): string {
  return kinds.size === 0 ? '' : ` (known: ${[...kinds.keys()].map((k) => `--${k}`).join(', ')})`;
}
