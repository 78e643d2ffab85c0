// A lead search answer as the live service sends it (observed-behaviour.md): the `data`
// envelope, `entries`, every number as a string, empty strings and nulls, and custom fields
// the client must keep. 2,000 leads is the largest page the API serves. Seeded.
import { rng } from '../lib/rng.mjs';

export const SEARCH_SEED = 0x5ea4c;
export const SEARCH_LEADS = 2_000;

const FIRST = ['John', 'Jane', 'Maria', 'Wei', 'Ahmed', 'Olga', 'Luis', 'Priya', 'Sam', 'Kate'];
const LAST = ['Doe', 'Smith', 'Garcia', 'Chen', 'Khan', 'Ivanova', 'Lopez', 'Patel', 'Brown'];
const CITIES = [
  ['Anytown', 'CA', 'US'], ['Austin', 'TX', 'US'], ['Newark', 'NJ', 'US'], ['Toronto', 'ON', 'CA'],
  ['Vancouver', 'BC', 'CA'], ['Denver', 'CO', 'US'], ['Miami', 'FL', 'US'], ['Montreal', 'QC', 'CA'],
];
const STATUSES = ['NEW', 'ACTIVE', 'CALLBK', 'SALE', 'DNC', 'NI'];
const CARRIERS = [['Verizon', 'wireless'], ['AT&T', 'wireless'], ['Comcast', 'landline'], ['Google Voice', 'voip']];

const stamp = (r) =>
  `2025-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')} ` +
  `${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;

function lead(r, index) {
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const [city, state, country] = r.pick(CITIES);
  const [carrier_name, carrier_type] = r.pick(CARRIERS);
  return {
    id: String(1_000_000 + index),
    created_at: stamp(r),
    modified_at: stamp(r),
    first_name: first,
    last_name: last,
    email: r.next() < 0.8 ? `${first}.${last}${index}@example.com`.toLowerCase() : '',
    status: r.pick(STATUSES),
    owner_id: String(r.int(1000, 1050)),
    user_id: r.next() < 0.5 ? String(r.int(1000, 1050)) : null,
    source_id: String(r.int(1, 9)),
    list_id: '333',
    phone_code: '1',
    phone_number: `${r.int(2, 9)}${r.digits(2)}${r.digits(3, '23456789')}${r.digits(4)}`,
    alt_phone_1: r.next() < 0.3 ? `${r.int(2, 9)}${r.digits(9)}` : '',
    alt_phone_2: '',
    address1: `${r.int(1, 9999)} Main St`,
    address2: '',
    city,
    state,
    province: '',
    postal_code: country === 'US' ? r.digits(5) : `M${r.int(1, 9)}A ${r.int(1, 9)}B${r.int(1, 9)}`,
    country,
    gender: r.pick(['M', 'F', '']),
    date_of_birth: r.next() < 0.4 ? `19${r.int(50, 99)}-0${r.int(1, 9)}-1${r.int(0, 9)}` : '',
    carrier_name,
    carrier_type,
    called_count: String(r.int(0, 40)),
    last_called: r.next() < 0.7 ? stamp(r) : null,
    date_notes_last_updated: '',
    field_1: r.next() < 0.5 ? `custom-${r.int(1, 500)}` : '',
    field_2: '',
  };
}

/** The answer's body text, exactly as it would arrive over the wire. */
export function searchBody(count = SEARCH_LEADS, seed = SEARCH_SEED) {
  const r = rng(seed);
  const entries = Array.from({ length: count }, (_, i) => lead(r, i));
  return JSON.stringify({
    success: true,
    data: { offset: '0', limit: String(count), total: '12250', entries },
  });
}
