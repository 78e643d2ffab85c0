// New lead: the insert form, validated live; on success it shows the new lead's id.
import { validateLead } from 'convoso-leads';
import { h, mount, notice } from '../dom';
import { LEAD_FIELDS } from '../fields';
import { leadForm } from '../lead-form';
import { client, insertParams, problems } from '../client';

export function newLeadScreen(root: HTMLElement): void {
  const showForm = () => {
    const form = leadForm({
      fields: LEAD_FIELDS,
      submitLabel: 'Create lead',
      validate: (values) => problems(validateLead(insertParams(values))),
      submit: async (values) => {
        const { lead_id } = await client.insertLead(insertParams(values));
        mount(
          root,
          h('h1', {}, 'New lead'),
          notice(
            'success',
            'Lead ',
            h('a', { href: `#/lead/${lead_id}`, 'data-testid': 'new-lead-id' }, String(lead_id)),
            ' created.',
          ),
          h('button', { type: 'button', onclick: showForm }, 'Add another lead'),
        );
      },
    });
    mount(
      root,
      h('h1', {}, 'New lead'),
      h('p', { class: 'lede' }, 'Fields are checked as you type with the same rules and error codes the service uses.'),
      form,
    );
  };
  showForm();
}
