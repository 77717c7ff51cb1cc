// The table of command-line commands; each lives in its own module under src/cli/.
import { REANCHOR_COMMAND } from './reanchor';

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Returns the process exit code. */
  run(args: readonly string[]): Promise<number>;
}

export const COMMANDS: readonly CliCommand[] = [REANCHOR_COMMAND];
