// New lead: a plain <form> whose inputs are named after the API fields, validated by the
// package's bindLeadForm (each field's message after it is first left, then as the person
// types; an invalid submit blocked), and sent with the normalised request it hands over. A
// service error that belongs to a field (6009: a lead with this phone exists) lands on it.
import { bindLeadForm, fieldErrors } from 'convoso-leads';
import { h, mount, notice } from '../dom';
import { LEAD_FIELDS, type FieldSpec } from '../fields';
import { fieldControl } from '../lead-form';
import { client, describeError } from '../client';

export function newLeadScreen(root: HTMLElement): void {
  const showCreated = (leadId: string) =>
    mount(
      root,
      h('h1', {}, 'New lead'),
      notice('success', 'Lead ', h('a', { href: `#/lead/${leadId}`, 'data-testid': 'new-lead-id' }, leadId), ' created.'),
      h('button', { type: 'button', onclick: showForm }, 'Add another lead'),
    );

  function showForm(): void {
    const banner = h('div', { class: 'form-banner' });
    const submitButton = h('button', { type: 'submit', class: 'primary' }, 'Create lead');
    const form = h(
      'form',
      { class: 'lead-form' },
      banner,
      h('div', { class: 'grid' }, LEAD_FIELDS.map(fieldRow)),
      h('div', { class: 'form-actions' }, submitButton),
    );
    let busy = false;
    const unbind = bindLeadForm(form, {
      onValid: async (lead) => {
        if (busy) return;
        busy = true;
        submitButton.disabled = true;
        submitButton.textContent = 'Saving…';
        mount(banner);
        try {
          const { lead_id } = await client.insertLead(lead);
          unbind();
          showCreated(String(lead_id));
        } catch (error) {
          mount(banner, notice('error', describeError(error)));
          // On the field it belongs to, until the person changes the form again.
          for (const problem of fieldErrors(error)) {
            const slot = form.querySelector(`[data-error-for="${problem.field}"]`);
            if (slot) slot.textContent = problem.message;
          }
        } finally {
          busy = false;
          submitButton.disabled = false;
          submitButton.textContent = 'Create lead';
        }
      },
    });
    mount(
      root,
      h('h1', {}, 'New lead'),
      h('p', { class: 'lede' }, 'Fields are checked as you leave them, then as you type, with the same rules and error codes the service uses.'),
      form,
    );
  }

  showForm();
}

/** A labelled control and the element bindLeadForm writes the field's message into. */
function fieldRow(field: FieldSpec): HTMLElement {
  const id = `field-${field.name}`;
  return h(
    'div',
    { class: field.wide ? 'field wide' : 'field' },
    h('label', { for: id }, field.label, field.required ? h('span', { class: 'required', title: 'required' }, ' *') : null),
    fieldControl(field, id, field.initial ?? '', { required: field.required }),
    h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': field.name, 'aria-live': 'polite' }),
  );
}
