// Search: filters, a results table with page controls, and "load all" with progress.
import { validateSearch } from 'convoso-leads';
import { h, mount, notice, progressBar } from '../dom';
import { describeError, loadAll, problems, searchPage, show, type Lead } from '../client';
import { labelOf } from '../fields';

// Text filters share the lead fields' labels; the date range is search-only.
const FILTERS: readonly { name: string; label: string; type?: string }[] = [
  ...['list_id', 'status', 'first_name', 'last_name', 'phone_number', 'email', 'city', 'state'].map((name) => ({
    name,
    label: labelOf(name),
  })),
  { name: 'created_at_start_date', label: 'Created from', type: 'date' },
  { name: 'created_at_end_date', label: 'Created to', type: 'date' },
];
const PAGE_SIZES = [25, 50, 100];

const COLUMNS: readonly [string, (lead: Lead) => string][] = [
  ['Name', (l) => [l.first_name, l.last_name].map(show).join(' ').trim()],
  ['Phone', (l) => show(l.phone_number)],
  ['Email', (l) => show(l.email)],
  ['City', (l) => show(l.city)],
  ['State', (l) => show(l.state)],
  ['Status', (l) => show(l.status)],
  ['List', (l) => show(l.list_id)],
  ['Created', (l) => show(l.created_at)],
];

// Kept across visits so coming back from a lead shows the same results.
const state = { filters: {} as Record<string, string>, offset: 0, limit: PAGE_SIZES[0] ?? 25 };

export function searchScreen(root: HTMLElement): void {
  const results = h('div', { class: 'results', 'data-testid': 'results' });
  const inputs = FILTERS.map((f) =>
    h('input', { id: `filter-${f.name}`, name: f.name, type: f.type ?? 'search', value: state.filters[f.name] ?? '' }),
  );
  const pageSize = h(
    'select',
    { id: 'page-size', 'aria-label': 'Results per page' },
    PAGE_SIZES.map((n) => h('option', { value: n, selected: n === state.limit }, `${n} per page`)),
  );
  let running: AbortController | undefined;

  const readFilters = () => {
    const filters: Record<string, string> = {};
    for (const input of inputs) if (input.value.trim()) filters[input.name] = input.value.trim();
    return filters;
  };

  const checked = (filters: Record<string, string>): boolean => {
    const errors = problems(validateSearch(filters));
    if (errors.length === 0) return true;
    mount(results, notice('error', errors.map((e) => `${labelOf(e.field)}: ${e.message}`).join('; ')));
    return false;
  };

  const runPage = async () => {
    running?.abort();
    if (!checked(state.filters)) return;
    mount(results, h('p', { class: 'muted' }, 'Searching…'));
    try {
      const page = await searchPage({ ...state.filters, offset: String(state.offset), limit: String(state.limit) });
      mount(results, table(page.leads), pager(page.leads.length, page.total));
    } catch (error) {
      mount(results, notice('error', `Search failed. ${describeError(error)}`));
    }
  };

  const runAll = async () => {
    running?.abort();
    const filters = readFilters();
    if (!checked(filters)) return;
    const controller = new AbortController();
    running = controller;
    const progress = progressBar('Loading all matching leads');
    const cancel = h('button', { type: 'button', onclick: () => controller.abort() }, 'Cancel');
    mount(results, h('div', { class: 'loading-all' }, h('span', {}, 'Loading all matching leads… '), progress.element, cancel));
    try {
      const leads = await loadAll(filters, (done, total) => progress.update(done, total ?? done), controller.signal);
      mount(results, notice('info', `Loaded all ${leads.length} matching leads.`), table(leads));
    } catch (error) {
      mount(results, notice('error', controller.signal.aborted ? 'Loading stopped.' : `Loading failed. ${describeError(error)}`));
    }
  };

  const pager = (count: number, total: number | undefined) => {
    const first = count === 0 ? 0 : state.offset + 1;
    const last = state.offset + count;
    const hasNext = total === undefined ? count === state.limit : last < total;
    const go = (offset: number) => () => {
      state.offset = Math.max(0, offset);
      void runPage();
    };
    return h(
      'div',
      { class: 'pager' },
      h('button', { type: 'button', disabled: state.offset === 0, onclick: go(state.offset - state.limit) }, '← Previous'),
      h('span', { 'data-testid': 'page-info' }, `${first}–${last}${total === undefined ? '' : ` of ${total}`}`),
      h('button', { type: 'button', disabled: !hasNext, onclick: go(state.offset + state.limit) }, 'Next →'),
    );
  };

  pageSize.addEventListener('change', () => {
    state.limit = Number(pageSize.value);
    state.offset = 0;
    void runPage();
  });

  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    h(
      'div',
      { class: 'grid filters-grid' },
      FILTERS.map((f, i) => h('div', { class: 'field' }, h('label', { for: `filter-${f.name}` }, f.label), inputs[i])),
    ),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Search'),
      h('button', { type: 'button', onclick: runAll }, 'Load all'),
      h('button', { type: 'reset' }, 'Clear'),
      pageSize,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.filters = readFilters();
    state.offset = 0;
    void runPage();
  });
  form.addEventListener('reset', () => {
    state.filters = {};
    state.offset = 0;
    // After the browser has cleared the inputs.
    setTimeout(() => void runPage());
  });

  mount(root, h('h1', {}, 'Search leads'), form, results);
  void runPage();
}

function table(leads: Lead[]): HTMLElement {
  if (leads.length === 0) return h('p', { class: 'empty' }, 'No leads match these filters.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'leads' },
      h('thead', {}, h('tr', {}, h('th', {}, 'ID'), COLUMNS.map(([title]) => h('th', {}, title)))),
      h(
        'tbody',
        {},
        leads.map((lead) => {
          const { id } = lead;
          return h(
            'tr',
            { 'data-lead-id': id },
            h('td', {}, h('a', { href: `#/lead/${encodeURIComponent(id)}` }, id)),
            COLUMNS.map(([, cell]) => h('td', {}, cell(lead))),
          );
        }),
      ),
    ),
  );
}
