// Runs one command for the dispatcher: its --help, and a UsageError (bad flags, no FILE) as one line with the usage
// and exit code 2, so no command repeats that handling.
import { UsageError } from './args';

/** Where a command writes; the process streams unless a test captures them. */
export interface CommandOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One command of the command line (the table of them is commands.ts). */
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Returns the process exit code; throws UsageError for bad usage (runCommand reports it, exit 2). */
  run(args: readonly string[], output: CommandOutput): Promise<number> | number;
}

export const processOutput: CommandOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function runCommand(command: CliCommand, args: readonly string[], output: CommandOutput = processOutput): Promise<number> {
  // after `--` everything is a file name, even `-h`
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    output.stdout(`Usage: article-annotator ${command.usage}\n  ${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(args, output);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.stderr(`article-annotator ${command.name}: ${error.message}\nUsage: article-annotator ${command.usage}\n`);
    return 2;
  }
}
