// A new-lead form: react-hook-form checks it with convoso-leads' leadSchema (the service's own
// rules and codes, run in the page), and a valid lead is inserted through the dev server's proxy.
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { ConvosoClient, fieldErrors, leadSchema, type InsertParams } from 'convoso-leads';
import { useState, type HTMLInputTypeAttribute } from 'react';
import { useForm } from 'react-hook-form';

// No token in the page: vite.config.ts mounts convoso-leads/proxy at /api, which adds it.
const client = new ConvosoClient({ baseUrl: new URL('/api', location.href).href });

type FieldName = 'list_id' | 'phone_number' | 'first_name' | 'last_name' | 'email';

interface Field {
  name: FieldName;
  label: string;
  required?: true;
  type?: HTMLInputTypeAttribute;
  inputMode?: 'numeric' | 'tel' | 'email';
  autoComplete?: string;
}

const FIELDS: readonly Field[] = [
  { name: 'list_id', label: 'List ID', required: true, inputMode: 'numeric' },
  { name: 'phone_number', label: 'Phone number', required: true, type: 'tel', autoComplete: 'tel-national' },
  { name: 'first_name', label: 'First name', autoComplete: 'given-name' },
  { name: 'last_name', label: 'Last name', autoComplete: 'family-name' },
  // Text, not type=email: the field may hold several addresses, and the schema's messages are
  // better than the browser's.
  { name: 'email', label: 'Email', inputMode: 'email', autoComplete: 'email' },
];
const FIELD_NAMES: ReadonlySet<string> = new Set(FIELDS.map((field) => field.name));
const isFormField = (name: string): name is FieldName => FIELD_NAMES.has(name);

const EMPTY: InsertParams = { list_id: '', phone_number: '', first_name: '', last_name: '', email: '' };

type Outcome = { kind: 'created'; leadId: string } | { kind: 'failed'; message: string } | null;

export function NewLeadForm() {
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: standardSchemaResolver(leadSchema),
    // A field is checked when the person leaves it, then on every change until it is right.
    mode: 'onTouched',
    defaultValues: EMPTY,
  });
  const [outcome, setOutcome] = useState<Outcome>(null);

  // `lead` is the schema's output: trimmed, blanks dropped, the phone as digits + phone_code.
  const onSubmit = handleSubmit(async (lead) => {
    setOutcome(null);
    try {
      // check_dup 1: a phone number already in this list is refused (6009) rather than added twice.
      const { lead_id } = await client.insertLead({ ...lead, check_dup: 1 });
      setOutcome({ kind: 'created', leadId: lead_id });
      reset({ ...EMPTY, list_id: lead.list_id });
    } catch (error) {
      // The service's answer on the field it is about (6009 duplicate, 6002 unknown list, ...).
      const problems = fieldErrors(error);
      let placed = 0;
      for (const { field, code, message } of problems) {
        if (!isFormField(field)) continue;
        setError(field, { type: `convoso-${code}`, message }, { shouldFocus: placed++ === 0 });
      }
      if (placed === 0) {
        setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : 'The lead was not created' });
      }
    }
  });

  return (
    <form className="lead-form" noValidate onSubmit={onSubmit} aria-labelledby="new-lead-title">
      <h1 id="new-lead-title">New lead</h1>
      {FIELDS.map(({ name, label, required, type = 'text', inputMode, autoComplete }) => {
        const error = errors[name];
        const errorId = `${name}-error`;
        return (
          <div className="field" key={name}>
            <label htmlFor={name}>
              {label}
              {required && <span aria-hidden="true"> *</span>}
            </label>
            <input
              id={name}
              type={type}
              inputMode={inputMode}
              autoComplete={autoComplete}
              aria-required={required}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              {...register(name)}
            />
            {/* Always in the page, so screen readers announce a message as it appears. */}
            <p id={errorId} className="field-error" aria-live="polite">
              {error?.message}
            </p>
          </div>
        );
      })}
      <button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Adding…' : 'Add lead'}
      </button>
      <p className={`outcome ${outcome?.kind ?? ''}`} role="status" data-testid="outcome">
        {outcome?.kind === 'created' && `Lead ${outcome.leadId} created.`}
        {outcome?.kind === 'failed' && `Not created: ${outcome.message}`}
      </p>
    </form>
  );
}
