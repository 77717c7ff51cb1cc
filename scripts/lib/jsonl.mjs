// Reads a JSON Lines file (eval gold and predictions): one object per non-blank line; a bad line names the file and
// line and ends the script.
import fs from 'node:fs';

export function readJsonl(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        console.error(`${file}:${i + 1}: ${e.message}`);
        process.exit(1);
      }
    });
}
