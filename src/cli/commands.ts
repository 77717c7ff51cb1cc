// The table of command-line commands; each lives in its own module under src/cli/.
import { AGREE_COMMAND } from './agree';
import { ANALYZE_COMMAND } from './analyze';
import { CORPUS_COMMAND } from './corpus';
import { EXPORT_COMMAND } from './export';
import { IMPORT_COMMAND } from './import';
import { REANCHOR_COMMAND } from './reanchor';
import type { CliCommand } from './runCommand';

export const COMMANDS: readonly CliCommand[] = [ANALYZE_COMMAND, CORPUS_COMMAND, REANCHOR_COMMAND, EXPORT_COMMAND, IMPORT_COMMAND, AGREE_COMMAND];
