// The lead fields the forms offer, declared once: the New lead form, the edit form and the
// CSV importer all read this list. `update: false` marks fields leads/update does not take.

export interface FieldSpec {
  name: string;
  label: string;
  input?: 'text' | 'tel' | 'email' | 'date' | 'textarea' | 'select';
  /** For selects: value and label of each choice. */
  options?: readonly (readonly [value: string, label: string])[];
  /** The value a new form starts with. */
  initial?: string;
  placeholder?: string;
  required?: boolean;
  update?: false;
  wide?: boolean;
}

// The service checks nothing unless asked; a lead form should not create duplicates.
export const CHECK_DUP_FIELD: FieldSpec = {
  name: 'check_dup',
  label: 'Duplicate check',
  input: 'select',
  options: [
    ['0', 'None'],
    ['1', 'This list'],
    ['2', 'All lists'],
    ['3', 'All lists and archive'],
    ['4', 'Complete (alternate phones too)'],
  ],
  initial: '2',
  update: false,
};

export const LEAD_FIELDS: readonly FieldSpec[] = [
  { name: 'list_id', label: 'List ID', required: true, placeholder: 'e.g. 333' },
  { name: 'status', label: 'Status', placeholder: 'e.g. NEW' },
  { name: 'first_name', label: 'First name' },
  { name: 'last_name', label: 'Last name' },
  { name: 'phone_number', label: 'Phone', input: 'tel', required: true, placeholder: '(202) 555-0143' },
  { name: 'phone_code', label: 'Country code', placeholder: '1' },
  { name: 'email', label: 'Email', input: 'email', placeholder: 'name@example.com' },
  { name: 'alt_phone_1', label: 'Alternate phone', input: 'tel' },
  { name: 'address1', label: 'Address', wide: true },
  { name: 'address2', label: 'Address line 2', wide: true },
  { name: 'city', label: 'City' },
  { name: 'state', label: 'State', placeholder: 'e.g. CA' },
  { name: 'postal_code', label: 'Postal code' },
  { name: 'country', label: 'Country', placeholder: 'e.g. US' },
  {
    name: 'gender',
    label: 'Gender',
    input: 'select',
    options: [['', '—'], ['M', 'M'], ['F', 'F'], ['Other', 'Other']],
    update: false,
  },
  { name: 'date_of_birth', label: 'Date of birth', input: 'date', update: false },
  { name: 'notes', label: 'Notes', input: 'textarea', wide: true },
  CHECK_DUP_FIELD,
];

export const UPDATE_FIELDS = LEAD_FIELDS.filter((field) => field.update !== false);


// Fields the service sets itself: shown on the detail page, never edited.
const READ_ONLY_LABELS: Record<string, string> = { id: 'Lead ID', created_at: 'Created', modified_at: 'Modified' };

export function labelOf(name: string): string {
  const known = LEAD_FIELDS.find((field) => field.name === name)?.label ?? READ_ONLY_LABELS[name];
  // Custom and service-set fields (`called_count`, `field_1`) read as words.
  return known ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');
}
