// Lead detail: every field, edit (update), delete with confirmation, and the recordings with
// an audio player.
import { validateUpdate } from 'convoso-leads';
import { h, mount, notice } from '../dom';
import { LEAD_FIELDS, UPDATE_FIELDS, labelOf } from '../fields';
import { leadForm } from '../lead-form';
import { client, describeError, problems, searchPage, show, updateParams, type Lead, type Values } from '../client';

export function leadDetailScreen(root: HTMLElement, id: string): void {
  const status = h('div', { class: 'status-slot' });
  const body = h('div', { class: 'detail-body' });
  const recordings = h('section', { class: 'card recordings', 'aria-label': 'Recordings' });
  const title = h('h1', {}, `Lead ${id}`);
  mount(root, h('p', {}, h('a', { href: '#/search' }, '← Back to search')), title, status, body, recordings);

  const load = async (): Promise<void> => {
    mount(body, h('p', { class: 'muted' }, 'Loading…'));
    let lead: Lead | undefined;
    try {
      lead = (await searchPage({ lead_id: id, limit: '1' })).leads[0];
    } catch (error) {
      mount(body, notice('error', `Could not load the lead. ${describeError(error)}`));
      return;
    }
    if (!lead) {
      mount(body, notice('info', `Lead ${id} was not found. It may have been deleted.`));
      mount(recordings);
      return;
    }
    const name = [lead.first_name, lead.last_name].map(show).join(' ').trim();
    title.textContent = name ? `${name} · lead ${id}` : `Lead ${id}`;
    showFields(lead);
    void loadRecordings();
  };

  const showFields = (lead: Lead) => {
    mount(
      body,
      h(
        'section',
        { class: 'card' },
        h(
          'div',
          { class: 'card-head' },
          h('h2', {}, 'Details'),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', onclick: () => edit(lead) }, 'Edit'),
            h('button', { type: 'button', class: 'danger', onclick: () => confirmDelete() }, 'Delete'),
          ),
        ),
        fieldList(lead),
      ),
    );
  };

  const edit = (lead: Lead) => {
    const initial: Values = {};
    for (const field of UPDATE_FIELDS) initial[field.name] = show(lead[field.name]);
    // Only what the user changed is sent.
    const changed = (values: Values) =>
      updateParams(id, Object.fromEntries(Object.entries(values).filter(([name, value]) => value !== initial[name])));
    const form = leadForm({
      fields: UPDATE_FIELDS,
      initial,
      submitLabel: 'Save changes',
      validate: (values) => problems(validateUpdate(changed(values))),
      submit: async (values) => {
        await client.updateLead(changed(values));
        mount(status, notice('success', 'Lead updated.'));
        await load();
      },
      actions: [h('button', { type: 'button', onclick: () => showFields(lead) }, 'Cancel')],
    });
    mount(status);
    mount(body, h('section', { class: 'card' }, h('h2', {}, 'Edit lead'), form));
  };

  const confirmDelete = () => {
    const dialog = h(
      'dialog',
      { class: 'confirm', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, `Delete lead ${id}?`),
      h('p', {}, 'The lead is removed from every list. This cannot be undone.'),
      h(
        'form',
        { method: 'dialog', class: 'form-actions' },
        h('button', { value: 'cancel' }, 'Cancel'),
        h('button', { value: 'delete', class: 'danger' }, 'Delete lead'),
      ),
    );
    dialog.addEventListener('close', async () => {
      dialog.remove();
      if (dialog.returnValue !== 'delete') return;
      try {
        await client.deleteLead({ lead_id: id });
        mount(status, notice('success', `Lead ${id} deleted.`));
        mount(body, h('p', {}, h('a', { href: '#/search' }, 'Back to search')));
        mount(recordings);
      } catch (error) {
        mount(status, notice('error', `Delete failed. ${describeError(error)}`));
      }
    });
    document.body.append(dialog);
    dialog.showModal();
  };

  const loadRecordings = async () => {
    mount(recordings, h('h2', {}, 'Recordings'), h('p', { class: 'muted' }, 'Loading…'));
    try {
      const { entries } = await client.getRecordings({ lead_id: id });
      mount(
        recordings,
        h('h2', {}, 'Recordings'),
        entries.length === 0
          ? h('p', { class: 'empty' }, 'No recordings for this lead.')
          : h(
              'ul',
              { class: 'recording-list' },
              entries.map((rec) =>
                h(
                  'li',
                  { 'data-recording-id': show(rec.recording_id) },
                  h(
                    'div',
                    { class: 'recording-meta' },
                    h('strong', {}, show(rec.start_time) || 'Recording'),
                    rec.seconds === null || rec.seconds === undefined ? null : h('span', { class: 'muted' }, ` · ${show(rec.seconds)} s`),
                  ),
                  h('audio', { controls: true, preload: 'metadata', src: show(rec.url) }),
                ),
              ),
            ),
      );
    } catch (error) {
      mount(recordings, h('h2', {}, 'Recordings'), notice('error', `Could not load recordings. ${describeError(error)}`));
    }
  };

  void load();
}

/** Known fields in form order, then any extra (custom) fields the service returned. */
function fieldList(lead: Lead): HTMLElement {
  const known = ['id', 'created_at', 'modified_at', ...LEAD_FIELDS.map((f) => f.name)];
  const extra = Object.keys(lead)
    .filter((name) => !known.includes(name))
    .sort();
  return h(
    'dl',
    { class: 'fields' },
    [...known, ...extra]
      .filter((name) => show(lead[name]) !== '')
      .map((name) => h('div', { 'data-field': name }, h('dt', {}, labelOf(name)), h('dd', {}, show(lead[name])))),
  );
}
