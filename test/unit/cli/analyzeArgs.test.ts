import * as assert from 'node:assert/strict';
import { UsageError, parseArgs } from '../../../src/cli/args';

const flags = { date: 'value', root: 'value', help: { kind: 'switch', short: 'h' } } as const;

describe('parseArgs (shared by the commands)', () => {
  it('reads value flags in both spellings, switches and positionals in order', () => {
    const parsed = parseArgs(['a.txt', '--date', '2021-08-15', '--root=some dir', 'b.txt', '-h'], flags);
    assert.deepEqual(parsed.positionals, ['a.txt', 'b.txt']);
    assert.equal(parsed.value('date'), '2021-08-15');
    assert.equal(parsed.value('root'), 'some dir');
    assert.ok(parsed.has('help'));
    assert.ok(!parsed.has('nothing'));
    assert.equal(parsed.value('nothing'), undefined);
  });

  it('keeps every value of a repeated flag, the last one winning for value()', () => {
    const parsed = parseArgs(['--date', '2020-01-01', '--date=2021-01-01'], flags);
    assert.deepEqual(parsed.values('date'), ['2020-01-01', '2021-01-01']);
    assert.equal(parsed.value('date'), '2021-01-01');
  });

  it('treats everything after -- and a lone - as positionals', () => {
    assert.deepEqual(parseArgs(['-', '--', '--date', '-x'], flags).positionals, ['-', '--date', '-x']);
  });

  it('gives clear errors for unknown flags, missing values and values on switches', () => {
    assert.throws(() => parseArgs(['--dat', 'x'], flags), (e: unknown) => e instanceof UsageError && /unknown option '--dat' \(known: --date, --root, --help\)/.test(e.message));
    assert.throws(() => parseArgs(['-x'], flags), /unknown option '-x'/);
    assert.throws(() => parseArgs(['--date'], flags), /'--date' needs a value/);
    assert.throws(() => parseArgs(['--date', '--root', 'x'], flags), /'--date' needs a value/);
    assert.throws(() => parseArgs(['--help=yes'], flags), /'--help' takes no value/);
  });
});
