// Bulk import: paste or upload CSV, check every row with the package's validators before
// anything is sent, then insert the valid rows with a progress bar and a per-row result.
import { validateLead } from 'convoso-leads';
import { h, mount, notice, progressBar } from '../dom';
import { parseLeadsCsv } from '../csv';
import { insertMany, insertParams, problems, type FieldError, type Outcome, type Values } from '../client';
import { CHECK_DUP_FIELD, labelOf } from '../fields';
import { fieldControl } from '../lead-form';

const SAMPLE = `first_name,last_name,phone_number,email,list_id
Ada,Lovelace,(202) 555-0143,ada@example.com,333
Alan,Turing,not a phone,alan@example,333`;
const CONCURRENCY = 4;

interface Row {
  /** 1-based position among the data rows (a quoted field may span lines, so not a line number). */
  number: number;
  values: Values;
  errors: FieldError[];
}

export function bulkImportScreen(root: HTMLElement): void {
  const text = h('textarea', { id: 'csv-text', rows: 8, spellcheck: false, placeholder: SAMPLE });
  const file = h('input', { id: 'csv-file', type: 'file', accept: '.csv,text/csv' });
  const defaultList = h('input', { id: 'default-list', placeholder: 'used when a row has none' });
  // An import-wide default, as on the New lead form: a file imported twice is then answered
  // 6009 row by row instead of creating duplicates.
  const dupCheck = fieldControl(CHECK_DUP_FIELD, 'dup-check', CHECK_DUP_FIELD.initial ?? '');
  const review = h('div', { class: 'review', 'data-testid': 'review' });

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (chosen) {
      text.value = await chosen.text();
      check();
    }
  });

  const check = () => {
    const parsed = parseLeadsCsv(text.value);
    if (parsed.rows.length === 0) {
      mount(review, notice('error', 'No rows found. The first line must name the columns, e.g. phone_number,list_id.'), parsed.errors.join(' '));
      return;
    }
    const defaults: Values = {};
    if (defaultList.value.trim()) defaults.list_id = defaultList.value.trim();
    if (dupCheck.value) defaults.check_dup = dupCheck.value;
    const rows: Row[] = parsed.rows.map((row, i) => {
      const values = { ...defaults, ...row };
      return { number: i + 1, values, errors: problems(validateLead(insertParams(values))) };
    });
    showReview(rows, parsed.ignored, parsed.errors);
  };

  const showReview = (rows: Row[], ignored: string[], csvErrors: string[]) => {
    const valid = rows.filter((r) => r.errors.length === 0);
    const importButton = h(
      'button',
      {
        type: 'button',
        class: 'primary',
        disabled: valid.length === 0,
        onclick: () => run(rows, valid, () => showReview(rows, ignored, csvErrors)),
      },
      `Import ${valid.length} valid row${valid.length === 1 ? '' : 's'}`,
    );
    mount(
      review,
      h('h2', {}, 'Check'),
      h('p', { 'data-testid': 'check-summary' }, `${valid.length} of ${rows.length} rows are ready to import; ${rows.length - valid.length} need fixing and will not be sent.`),
      ignored.length > 0 ? notice('info', `Ignored columns: ${ignored.join(', ')}`) : null,
      csvErrors.length > 0 ? notice('error', csvErrors.join(' ')) : null,
      rowTable(rows, (row) => (row.errors.length === 0 ? h('span', { class: 'ok' }, 'Ready') : errorList(row.errors))),
      h('div', { class: 'form-actions' }, importButton),
    );
  };

  const run = async (rows: Row[], valid: Row[], back: () => void) => {
    const controller = new AbortController();
    const progress = progressBar('Import progress');
    progress.update(0, valid.length);
    mount(
      review,
      h('h2', {}, 'Importing'),
      h('div', { class: 'loading-all' }, progress.element, h('button', { type: 'button', onclick: () => controller.abort() }, 'Cancel')),
    );
    const outcomes = await insertMany(
      valid.map((r) => r.values),
      { concurrency: CONCURRENCY, onProgress: progress.update, signal: controller.signal },
    );
    const byRow = new Map<Row, Outcome>(valid.map((row, i) => [row, outcomes[i] ?? { status: 'not-attempted' }]));
    const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
    const failed = rows.length - count('inserted');
    mount(
      review,
      h('h2', {}, 'Result'),
      notice(
        failed === 0 ? 'success' : 'info',
        h('span', { 'data-testid': 'import-summary' }, `${count('inserted')} inserted, ${failed} not inserted.`),
      ),
      rowTable(rows, (row) => outcomeCell(byRow.get(row) ?? { status: 'invalid', errors: row.errors })),
      h('div', { class: 'form-actions' }, h('button', { type: 'button', onclick: back }, 'Back to check')),
    );
  };

  mount(
    root,
    h('h1', {}, 'Bulk import'),
    h('p', { class: 'lede' }, 'Paste CSV or choose a file. The first line names the columns (',
      h('code', {}, 'first_name, last_name, phone_number, email, list_id'), ', …). Every row is checked before anything is sent.'),
    h(
      'div',
      { class: 'card import-input' },
      h('div', { class: 'field wide' }, h('label', { for: 'csv-text' }, 'CSV'), text),
      h(
        'div',
        { class: 'grid' },
        h('div', { class: 'field' }, h('label', { for: 'csv-file' }, 'Or upload a file'), file),
        h('div', { class: 'field' }, h('label', { for: 'default-list' }, 'Default list ID'), defaultList),
        h('div', { class: 'field' }, h('label', { for: 'dup-check' }, CHECK_DUP_FIELD.label), dupCheck),
      ),
      h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'primary', onclick: check }, 'Check rows')),
    ),
    review,
  );
}

function rowTable(rows: Row[], result: (row: Row) => HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'rows' },
      h('thead', {}, h('tr', {}, ['Row', 'Name', 'Phone', 'Email', 'List', 'Result'].map((t) => h('th', {}, t)))),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            { 'data-row': row.number, class: row.errors.length > 0 ? 'bad' : '' },
            h('td', {}, row.number),
            h('td', {}, [row.values.first_name, row.values.last_name].filter(Boolean).join(' ')),
            h('td', {}, row.values.phone_number ?? ''),
            h('td', {}, row.values.email ?? ''),
            h('td', {}, row.values.list_id ?? ''),
            h('td', { 'data-testid': 'row-result' }, result(row)),
          ),
        ),
      ),
    ),
  );
}

function errorList(errors: FieldError[]): HTMLElement {
  return h('ul', { class: 'errors' }, errors.map((e) => h('li', { 'data-code': e.code }, `${labelOf(e.field)}: ${e.message}`)));
}

function outcomeCell(outcome: Outcome): HTMLElement {
  switch (outcome.status) {
    case 'inserted':
      return h('span', { class: 'ok' }, 'Inserted as ', h('a', { href: `#/lead/${outcome.leadId}` }, outcome.leadId));
    case 'invalid':
      return errorList(outcome.errors);
    case 'rejected':
      return h('span', { class: 'bad-text' }, outcome.message);
    case 'failed':
      return h('span', { class: 'bad-text' }, `No answer, the lead may or may not exist: ${outcome.message}`);
    case 'not-attempted':
      return h('span', { class: 'muted' }, 'Not sent (cancelled)');
  }
}
