// The `convoso-leads` command (cli/bin.js runs it): validate, import and export lead lists. Node >= 20; only this
// command loads the CSV code, never the browser entries.
//
// Exit status, for every command: 0 all rows fine; 1 some rows invalid or rejected; 2 a usage
// or file error; 3 some rows have no verdict yet (run the same import again); 130 interrupted.

import { parseArgs } from 'node:util';
import { CsvError } from './csv.js';
import { readMaps, UsageError } from './columns.js';
import { JournalError } from './journal.js';
import { SEARCH_FIELDS } from './fields.js';

const kebab = (/** @type {string} */ field) => field.replaceAll('_', '-');

const HELP = {
  main: `Usage: convoso-leads COMMAND [options]

Validate, import and export Convoso lead lists from CSV files.

Commands:
  validate FILE.csv   check every row with the insert rules; send nothing
  import FILE.csv     insert every valid row into a list, resumably
  export              write every matching lead as CSV or JSON lines

Run "convoso-leads COMMAND --help" for a command's options.

The API token is read from the CONVOSO_TOKEN environment variable only (never from a flag,
which every user of the machine could read in the process list). --base-url points the
command at a sandbox or a proxy.

Exit status: 0 all rows fine; 1 some rows invalid or rejected; 2 a usage or file error;
3 some rows have no verdict yet (run the same import again); 130 interrupted.
`,
  validate: `Usage: convoso-leads validate FILE.csv [--map COLUMN=field ...] [--format table|json|csv]

Checks every row with the rules the service applies to an insert, as import would send it, and
reports row number, field, code and message of each problem. Nothing is sent.

Options:
  --map COLUMN=field   read COLUMN as the insert field (COLUMN= ignores the column); headers
                       already match fields case-insensitively, with common aliases
                       (Phone, Phone Number, E-mail, Zip, First Name, ...)
  --format FORMAT      table (default), json or csv
  --encoding ENC       utf-8 (default) or windows-1252
  --list-id ID         the list the rows are meant for (a list_id column is used otherwise)
  -h, --help           show this help
`,
  import: `Usage: convoso-leads import FILE.csv --list-id ID [options]

Validates every row first and reports the invalid ones, then inserts the valid rows, with a
progress display on stderr. A journal (FILE.csv.journal) records each row's intent before it
is sent and its outcome when it settles: run the same command again after a crash, a network
failure or Ctrl-C and it resumes. A row sent without a verdict is looked up by phone in the
list, then sent again under the duplicate check only if it is not there.

Options:
  --list-id ID         the list to insert into (required)
  --concurrency N      rows in flight at once, 1 to 32 (default 4)
  --check-dup 0-4      the service's duplicate check (default 1: the list). It backs every
                       re-send after an unknown outcome: with 0, a resumed import can only
                       find earlier sends by looking them up
  --map COLUMN=field   read COLUMN as the insert field (COLUMN= ignores the column)
  --journal FILE       where the journal goes (default FILE.csv.journal)
  --encoding ENC       utf-8 (default) or windows-1252
  --dry-run            validate and report; send nothing
  --base-url URL       the API's address (default https://api.convoso.com/v1)
  -h, --help           show this help

Environment: CONVOSO_TOKEN (required unless --dry-run).
`,
  export: `Usage: convoso-leads export [filters] [--format csv|jsonl] [--out FILE]

Writes every lead matching the filters, through as many pages as it takes. Past the
service's 50,000-offset limit the query is split by creation date automatically.

Options:
  --format FORMAT      csv (default) or jsonl (every field of every lead)
  --out FILE           write there instead of stdout
  --base-url URL       the API's address
  -h, --help           show this help

Filters (those of POST /leads/search):
${SEARCH_FIELDS.filter((f) => f !== 'offset' && f !== 'limit')
  .map((f) => `  --${kebab(f)} VALUE`)
  .join('\n')}

CSV cells starting with = + - @ TAB or CR get a leading ' so that a spreadsheet never runs
them as formulas; import removes exactly that prefix again. The CSV header is the documented
fields plus the custom fields of the first lead; later custom fields go to a final
custom_fields column as JSON.

Environment: CONVOSO_TOKEN (required).
`,
};

/** @type {Record<string, import('node:util').ParseArgsOptionDescriptor>} */
const COMMON = { help: { type: 'boolean', short: 'h' } };
const FILE_OPTIONS = /** @type {const} */ ({
  map: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  'list-id': { type: 'string' },
});
/** @type {Record<'validate' | 'import' | 'export', import('node:util').ParseArgsOptionsConfig>} */
const OPTIONS = {
  validate: { ...COMMON, ...FILE_OPTIONS, format: { type: /** @type {const} */ ('string') } },
  import: {
    ...COMMON,
    ...FILE_OPTIONS,
    concurrency: { type: 'string' },
    'check-dup': { type: 'string' },
    journal: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'base-url': { type: 'string' },
  },
  export: {
    ...COMMON,
    format: { type: 'string' },
    out: { type: 'string' },
    'base-url': { type: 'string' },
    ...Object.fromEntries(SEARCH_FIELDS.filter((f) => f !== 'offset' && f !== 'limit').map((f) => [kebab(f), { type: 'string' }])),
  },
};

/**
 * @param {string | undefined} value
 * @param {string} flag
 * @param {number} min
 * @param {number} max
 * @param {number} otherwise
 */
function integer(value, flag, min, max, otherwise) {
  if (value === undefined) return otherwise;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
  return n;
}

/**
 * @template {string} T
 * @param {string | undefined} value
 * @param {string} flag
 * @param {readonly T[]} choices
 * @returns {T}
 */
function oneOf(value, flag, choices) {
  const chosen = value ?? choices[0];
  if (!choices.includes(/** @type {T} */ (chosen))) throw new UsageError(`${flag} must be one of ${choices.join(', ')}`);
  return /** @type {T} */ (chosen);
}

function token() {
  const value = process.env.CONVOSO_TOKEN;
  if (!value) throw new UsageError('set the CONVOSO_TOKEN environment variable to your API token');
  return value;
}

/**
 * Runs one command line; resolves to the exit status.
 * @param {string[]} argv the arguments after the program name
 * @param {{ stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream }} io
 */
export async function main(argv, io) {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP.main);
      return command === undefined ? 2 : 0;
    }
    if (command !== 'validate' && command !== 'import' && command !== 'export') {
      throw new UsageError(`unknown command "${command}": use validate, import or export (see convoso-leads --help)`);
    }
    if (rest.some((a) => a === '--token' || a.startsWith('--token=') || a === '--auth-token' || a.startsWith('--auth-token='))) {
      throw new UsageError('the token is read from the CONVOSO_TOKEN environment variable only: a flag would show it in the process list');
    }
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: OPTIONS[command], allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(/** @type {Error} */ (error).message);
    }
    const { values, positionals } = /** @type {{ values: Record<string, any>, positionals: string[] }} */ (parsed);
    if (values.help) {
      io.stdout.write(HELP[command]);
      return 0;
    }
    if (command === 'export') {
      if (positionals.length) throw new UsageError(`export takes no file argument (use --out FILE)`);
      const filters = Object.fromEntries(
        SEARCH_FIELDS.filter((f) => values[kebab(f)] !== undefined).map((f) => [f, String(values[kebab(f)])]),
      );
      const { runExport } = await import('./export.js');
      return await runExport(
        { filters, format: oneOf(values.format, '--format', /** @type {const} */ (['csv', 'jsonl'])), out: values.out, baseUrl: values['base-url'], token: token() },
        io,
      );
    }
    if (positionals.length !== 1) throw new UsageError(`${command} takes one CSV file (see convoso-leads ${command} --help)`);
    const [file] = positionals;
    const common = {
      file,
      maps: readMaps(values.map ?? []),
      encoding: oneOf(values.encoding, '--encoding', /** @type {const} */ (['utf-8', 'windows-1252'])),
    };
    if (command === 'validate') {
      const { runValidate } = await import('./validate.js');
      return await runValidate(
        { ...common, listId: values['list-id'], format: oneOf(values.format, '--format', /** @type {const} */ (['table', 'json', 'csv'])) },
        io,
      );
    }
    const listId = values['list-id'];
    if (!listId) throw new UsageError('import needs --list-id ID: the list the leads go to');
    const dryRun = Boolean(values['dry-run']);
    const { runImport } = await import('./import.js');
    return await runImport(
      {
        ...common,
        listId,
        concurrency: integer(values.concurrency, '--concurrency', 1, 32, 4),
        checkDup: integer(values['check-dup'], '--check-dup', 0, 4, 1),
        journal: values.journal ?? `${file}.journal`,
        dryRun,
        baseUrl: values['base-url'],
        token: dryRun ? undefined : token(),
      },
      io,
    );
  } catch (error) {
    if (error instanceof UsageError || error instanceof CsvError || error instanceof JournalError || isFileError(error)) {
      io.stderr.write(`convoso-leads: ${/** @type {Error} */ (error).message}\n`);
      return 2;
    }
    throw error;
  }
}

/** @param {unknown} error */
const isFileError = (error) =>
  error instanceof Error && typeof (/** @type {NodeJS.ErrnoException} */ (error).code) === 'string' && /^E[A-Z]+$/.test(/** @type {any} */ (error).code) && 'path' in error;
