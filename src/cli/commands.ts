// The table of command-line commands; each lives in its own module under src/cli/.
import { ANALYZE_COMMAND } from './analyze';
import { EXPORT_COMMAND } from './export';
import { IMPORT_COMMAND } from './import';
import { REANCHOR_COMMAND } from './reanchor';

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Returns the process exit code. */
  run(args: readonly string[]): Promise<number>;
}

export const COMMANDS: readonly CliCommand[] = [ANALYZE_COMMAND, REANCHOR_COMMAND, EXPORT_COMMAND, IMPORT_COMMAND];
