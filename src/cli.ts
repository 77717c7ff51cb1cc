// Command-line entry: `article-annotator <command> ...`, on the same core as the extension.
import { COMMANDS } from './cli/commands';
import { runCommand } from './cli/runCommand';

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`article-annotator: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  return runCommand(command, rest);
}

function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `Usage: article-annotator <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`article-annotator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
