// A lead form with live validation: each field is checked with the package's validators as
// the user types (once the field has been visited) and when they leave it; the package's
// message shows next to the field, and submit stays disabled while anything is invalid.
import { h, mount, notice } from './dom';
import { labelOf, type FieldSpec } from './fields';
import { describeError, fieldErrors, type FieldError, type Values } from './client';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface LeadFormOptions {
  fields: readonly FieldSpec[];
  initial?: Values;
  submitLabel: string;
  /** All problems with the current values (empty when valid). */
  validate(values: Values): FieldError[];
  /** Sends the values; a rejection is shown on the form (service errors, field errors). */
  submit(values: Values): Promise<void>;
  /** Extra buttons next to submit (e.g. Cancel). */
  actions?: HTMLElement[];
}

export function leadForm(options: LeadFormOptions): HTMLFormElement {
  const controls = new Map<string, Control>();
  const slots = new Map<string, HTMLElement>();
  const touched = new Set<string>();
  // Errors the service reported for a field, shown until that field is edited again.
  let reported: FieldError[] = [];
  let busy = false;

  const banner = h('div', { class: 'form-banner' });
  const hint = h('p', { class: 'submit-hint', 'data-testid': 'submit-hint' });
  const submitButton = h('button', { type: 'submit', class: 'primary' }, options.submitLabel);

  const values = (): Values => {
    const out: Values = {};
    for (const [name, control] of controls) {
      const value = control.value.trim();
      if (value !== '') out[name] = value;
    }
    return out;
  };

  const refresh = (): FieldError[] => {
    const errors = options.validate(values());
    for (const [name, slot] of slots) {
      const shown = [
        ...(touched.has(name) ? errors.filter((e) => e.field === name) : []),
        ...reported.filter((e) => e.field === name),
      ];
      slot.textContent = shown.map((e) => e.message).join(' ');
      slot.dataset.code = shown.map((e) => e.code).join(' ');
      controls.get(name)?.setAttribute('aria-invalid', String(shown.length > 0));
      slot.parentElement?.classList.toggle('invalid', shown.length > 0);
    }
    submitButton.disabled = busy || errors.length > 0;
    const names = [...new Set(errors.map((e) => labelOf(e.field)))];
    hint.textContent = errors.length > 0 ? `To continue, fix: ${names.join(', ')}` : '';
    return errors;
  };

  const fieldRow = (field: FieldSpec) => {
    const id = `field-${field.name}`;
    const initial = options.initial?.[field.name] ?? field.initial ?? '';
    const control = fieldControl(field, id, initial, { 'aria-describedby': `${id}-error`, required: field.required });
    control.addEventListener('input', () => {
      reported = reported.filter((e) => e.field !== field.name);
      refresh();
    });
    const visit = () => {
      touched.add(field.name);
      refresh();
    };
    control.addEventListener('blur', visit);
    control.addEventListener('change', visit);
    controls.set(field.name, control);
    const slot = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    slots.set(field.name, slot);
    return h(
      'div',
      { class: field.wide ? 'field wide' : 'field' },
      h('label', { for: id }, field.label, field.required ? h('span', { class: 'required', title: 'required' }, ' *') : null),
      control,
      slot,
    );
  };

  const form = h(
    'form',
    { class: 'lead-form', novalidate: true },
    banner,
    h('div', { class: 'grid' }, options.fields.map(fieldRow)),
    h('div', { class: 'form-actions' }, submitButton, ...(options.actions ?? []), hint),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const name of controls.keys()) touched.add(name);
    if (refresh().length > 0 || busy) return;
    busy = true;
    submitButton.textContent = 'Saving…';
    mount(banner);
    refresh();
    try {
      await options.submit(values());
    } catch (error) {
      reported = fieldErrors(error);
      mount(banner, notice('error', describeError(error)));
    } finally {
      busy = false;
      submitButton.textContent = options.submitLabel;
      refresh();
    }
  });

  refresh();
  return form;
}

/** The input, select or textarea for `field`, holding `value`. */
export function fieldControl(field: FieldSpec, id: string, value: string, attrs: Record<string, unknown> = {}): Control {
  const common = { id, name: field.name, ...attrs };
  if (field.input === 'textarea') return h('textarea', { ...common, rows: 3 }, value);
  if (field.input === 'select') {
    return h('select', common, (field.options ?? []).map(([option, label]) => h('option', { value: option, selected: option === value }, label)));
  }
  return h('input', { ...common, type: field.input ?? 'text', value, placeholder: field.placeholder, autocomplete: 'off' });
}
