// @ts-check
// bindLeadForm: the plain-HTML form binding over a request schema (declared in forms.d.ts).
// It reads the form's named controls, shows a field's first issue the browser's way
// (setCustomValidity, aria-invalid, an error element linked by aria-describedby) when the field
// loses focus and, from then on, as the person types (an unfinished value waits for blur), and
// blocks an invalid submit. unbind() takes away everything it added. Small on purpose: it
// counts in the browser entries' size budget.

/** @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control */
/** @typedef {{ message: string, path?: readonly unknown[], incomplete?: true }} Issue */
/** @typedef {{ '~standard': { validate(value: unknown): { value?: unknown, issues?: readonly Issue[] } } }} Schema */

let seq = 0;

/** A bad argument. */
function fail() {
  throw new TypeError('convoso-leads: bindLeadForm(form, { schema,onValid,normalizePhone })');
}

/**
 * The first issue of field `name` (an unfinished value's not while `typing`).
 * @param {readonly Issue[] | undefined} issues
 * @param {string} name
 * @param {unknown} [typing]
 */
const issueOf = (issues, name, typing) =>
  issues?.find((i) => i.path?.[0] === name && !(typing && i.incomplete));

/** @typedef {(input: string, options: { phone_code?: string | undefined }) => { valid: boolean, phone_number: string }} ValidatePhone */

/** bindLeadForm over the package's insert schema and phone validator (arrows: no `function` to ship). */
export const formBinder =
  (/** @type {Schema} */ defaultSchema, /** @type {ValidatePhone} */ validatePhone) =>
  /**
   * @param {HTMLFormElement} form
   * @param {{ schema?: Schema, onValid?: (params: any) => unknown, normalizePhone?: boolean }} [options]
   * @returns {() => void}
   */
  (form, options = {}) => {
    // Destructuring null throws the TypeError itself.
    const { schema = defaultSchema, onValid, normalizePhone = true, ...others } = options;
    // The form by its name: works across frames, and without a DOM in scope (a TypeError in Node).
    if (
      form?.localName != 'form' ||
      typeof options != 'object' ||
      Object.keys(others).length ||
      typeof schema?.['~standard']?.validate != 'function' ||
      typeof (onValid ?? fail) != 'function' ||
      normalizePhone !== !!normalizePhone
    ) {
      fail();
    }

    /** A shown field's error element. @type {Map<string, HTMLElement>} */
    const slots = new Map();
    /** What unbind() undoes, in order. @type {(() => void)[]} */
    const undo = [];
    /** Fields that have lost focus once (every field after a submit): they show their issues. */
    const touched = new Set();

    /** Sets attribute `name` of `el` to what `to` makes of its value, until unbind(), which puts that back. */
    const set = (/** @type {Element} */ el, /** @type {string} */ name, /** @type {(old: string | null) => string} */ to) => {
      const old = el.getAttribute(name);
      el.setAttribute(name, to(old));
      undo.push(() => (old != null ? el.setAttribute(name, old) : el.removeAttribute(name)));
    };

    /**
     * The schema's verdict on what the form would submit (FormData: no disabled or unchecked
     * controls, no buttons), blank values left out, the first value of a name kept.
     */
    const validate = () => {
      /** @type {Record<string, any>} */
      const values = {};
      for (const [name, value] of new FormData(form)) if (value) values[name] ??= value;
      return { ...schema['~standard'].validate(values), values };
    };

    /** Sets the control's validity and aria-invalid, and the error element's text. */
    const mark = (/** @type {Control} */ control, /** @type {HTMLElement} */ el, /** @type {string} */ message) => {
      control.setCustomValidity(message);
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      el.textContent = message;
    };

    /**
     * Field `name`'s error element, made the first time it has a message: the form's
     * [data-error-for] element, or a new one after the control, linked by aria-describedby.
     */
    const slot = (/** @type {string} */ name, /** @type {Control} */ control) => {
      // Names with a message are the schema's field names: safe in a selector.
      const found = form.querySelector(`[data-error-for="${name}"]`);
      const el = /** @type {HTMLElement} */ (found ?? form.ownerDocument.createElement('span'));
      // After a wrapping <label>, whose name would otherwise take in the message.
      if (!found) (control.closest('label') ?? control).after(el);
      // aria-describedby links by id: one is given (and taken back) if the element has none.
      set(el, 'id', (id) => id || `convoso-leads-error-${++seq}`);
      set(control, 'aria-describedby', (ids) =>
        !ids ? el.id : ids.split(/\s+/).includes(el.id) ? ids : `${ids} ${el.id}`,
      );
      undo.push(() => {
        mark(control, el, '');
        if (!found) el.remove();
      });
      slots.set(name, el);
      return el;
    };

    /**
     * Validates the form; each touched field shows its first issue, or clears it (while typing
     * in `current`, not an unfinished one).
     * @param {unknown} [current]
     */
    const update = (current) => {
      const result = validate();
      for (const name of touched) {
        const message = issueOf(result.issues, name, name == current)?.message ?? '';
        // The field's first control (form.elements: the form's controls, in DOM order).
        const control = /** @type {Control[]} */ ([...form.elements]).find((c) => c.name == name);
        const el = slots.get(name);
        if (control && (el || message)) mark(control, el ?? slot(name, control), message);
      }
      return result;
    };

    /**
     * The controls a person is done with (the one left, or all on submit): each phone number
     * rewritten to Convoso's digits, only when the schema takes it as it is (a "+44 …" the
     * form's country code refuses must not turn into a valid number of another country), each
     * field touched; then the form updated.
     */
    const leave = (/** @type {Control[]} */ done) => {
      const { issues, values } = validate();
      for (const c of done) {
        if (normalizePhone && /^(phone_number|alt_phone_[12])$/.test(c.name) && !issueOf(issues, c.name)) {
          const phone = validatePhone(c.value, { phone_code: values.phone_code });
          if (phone.valid) c.value = phone.phone_number;
        }
        touched.add(c.name);
      }
      return update();
    };

    /** Listens on the form until unbind(). */
    const on = (/** @type {string} */ type, /** @type {(event: any) => void} */ listener) => {
      form.addEventListener(type, listener);
      undo.push(() => form.removeEventListener(type, listener));
    };
    on('focusout', ({ target: c }) => {
      if ([...form.elements].includes(c)) leave([c]);
    });
    on('input', (event) => update(event.target.name));
    on('submit', (/** @type {SubmitEvent} */ event) => {
      const all = /** @type {Control[]} */ ([...form.elements]);
      const { issues, value } = leave(all);
      if (issues || onValid) event.preventDefault();
      if (issues) all.find((c) => issueOf(issues, c.name))?.focus();
      else onValid?.(value);
    });
    // The submit handler judges validity (and focuses); the browser's own check would stop the
    // event before it, as soon as a field carries a custom validity message.
    set(form, 'novalidate', () => '');

    return () => undo.splice(0).forEach((step) => step());
  };
