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

const PHONES = ['phone_number', 'alt_phone_1', 'alt_phone_2'];
const OPTIONS = ['schema', 'onValid', 'normalizePhone'];
const INVALID = 'aria-invalid';
const DESCRIBED = 'aria-describedby';
let seq = 0;

/** A bad argument. */
function fail() {
  throw new TypeError(`convoso-leads: bindLeadForm(form, { ${OPTIONS} })`);
}

/**
 * The binder over the package's insert schema and phone validator.
 * @param {Schema} defaultSchema
 * @param {(input: string, options: { phone_code?: string | undefined }) => { valid: boolean, phone_number?: string }} validatePhone
 */
export function formBinder(defaultSchema, validatePhone) {
  /**
   * @param {HTMLFormElement} form
   * @param {{ schema?: Schema, onValid?: (params: any) => unknown, normalizePhone?: boolean }} [options]
   * @returns {() => void}
   */
  return function bindLeadForm(form, options = {}) {
    const { schema = defaultSchema, onValid, normalizePhone = true } = Object(options);
    // The form by its name: works across frames, and without a DOM in scope (a TypeError in Node).
    if (
      form?.localName != 'form' ||
      typeof options != 'object' ||
      !options ||
      Object.keys(options).some((key) => !OPTIONS.includes(key)) ||
      typeof schema?.['~standard']?.validate != 'function' ||
      typeof (onValid ?? fail) != 'function' ||
      normalizePhone !== !!normalizePhone
    ) {
      fail();
    }

    /** Per field shown once: its control and error element. @type {Map<string, [Control, HTMLElement]>} */
    const slots = new Map();
    /** What unbind() undoes, in order. @type {(() => void)[]} */
    const undo = [];
    /** Fields that have lost focus once (every field after a submit): they show their issues. */
    const touched = new Set();

    /** The form's named inputs, selects and textareas, in DOM order. @returns {Control[]} */
    const controls = () =>
      /** @type {any[]} */ ([...form.elements]).filter((c) => c.name && !/^(submit|reset|button|image|file)$/.test(c.type));

    /** What the form would submit, blank values left out (the first control of a name wins). */
    const values = () => {
      /** @type {Record<string, string>} */
      const out = {};
      for (const c of controls()) {
        if (c.value && !c.matches(':disabled') && (/** @type {HTMLInputElement} */ (c).checked || !/^(radio|checkbox)$/.test(c.type))) {
          out[c.name] ??= c.value;
        }
      }
      return out;
    };

    /** Sets the control's validity and aria-invalid, and the error element's text. */
    const mark = (/** @type {Control} */ control, /** @type {HTMLElement} */ el, /** @type {string} */ message) => {
      control.setCustomValidity(message);
      control[message ? 'setAttribute' : 'removeAttribute'](INVALID, 'true');
      el.textContent = message;
    };

    /** Shows `message` on field `name`, or clears it (''). */
    const show = (/** @type {string} */ name, message = '') => {
      let slot = slots.get(name);
      const control = slot?.[0] ?? controls().find((c) => c.name == name);
      if (!control || !(slot || message)) return;
      if (!slot) {
        // Names with a message are the schema's field names: safe in a selector.
        let el = /** @type {HTMLElement | null} */ (form.querySelector(`[data-error-for="${name}"]`));
        const ids = control.getAttribute(DESCRIBED);
        if (!el) {
          const made = (el = form.ownerDocument.createElement('span'));
          made.id = `convoso-leads-error-${++seq}`;
          // After a wrapping <label>, whose name would otherwise take in the message.
          (control.closest('label') ?? control).after(made);
          undo.push(() => made.remove());
        }
        const { id } = el;
        if (id && !ids?.split(/\s+/).includes(id)) {
          control.setAttribute(DESCRIBED, ids ? `${ids} ${id}` : id);
          undo.push(() => (ids == null ? control.removeAttribute(DESCRIBED) : control.setAttribute(DESCRIBED, ids)));
        }
        const shown = el;
        undo.push(() => mark(control, shown, ''));
        slots.set(name, (slot = [control, el]));
      }
      mark(control, slot[1], message);
    };

    /** Validates the form; each touched field shows its first issue (while typing in `current`, not an unfinished one). */
    const update = (current = '') => {
      const result = schema['~standard'].validate(values());
      for (const name of touched) {
        show(name, result.issues?.find((/** @type {Issue} */ i) => i.path?.[0] === name && !(name == current && i.incomplete))?.message);
      }
      return result;
    };

    /** Rewrites a valid phone number to Convoso's digits. */
    const normalize = (/** @type {Control} */ c) => {
      if (normalizePhone && c.value && PHONES.includes(c.name)) {
        const phone = validatePhone(c.value, { phone_code: values().phone_code });
        if (phone.valid && phone.phone_number) c.value = phone.phone_number;
      }
    };

    /** The event's control, if it is one of the form's named controls. */
    const controlOf = (/** @type {Event} */ event) => controls().find((c) => c == event.target);

    /** Listens on the form until unbind(). */
    const on = (/** @type {string} */ type, /** @type {(event: any) => void} */ listener) => {
      form.addEventListener(type, listener);
      undo.push(() => form.removeEventListener(type, listener));
    };
    on('focusout', (event) => {
      const c = controlOf(event);
      if (c) {
        normalize(c);
        touched.add(c.name);
        update();
      }
    });
    on('input', (event) => update(controlOf(event)?.name));
    on('submit', (/** @type {SubmitEvent} */ event) => {
      const all = controls();
      all.forEach(normalize);
      for (const c of all) touched.add(c.name);
      const { issues, value } = update();
      if (issues || onValid) event.preventDefault();
      if (issues) all.find((c) => issues.some((/** @type {Issue} */ i) => i.path?.[0] === c.name))?.focus();
      else onValid?.(value);
    });
    const noValidate = form.noValidate;
    form.noValidate = true;
    undo.push(() => (form.noValidate = noValidate));

    return () => {
      undo.splice(0).forEach((step) => step());
      slots.clear();
    };
  };
}
