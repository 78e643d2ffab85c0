// Declarations of the validators' JavaScript half (src/wasm/validate.js). The package's
// entries bind it to the module and export the six functions of `Validators`.
// The request shapes and `FieldError` are the types generated from the Rust types (tsify) for
// the client: the validators take and report the same ones.
import type {
  FieldError,
  InsertParams,
  RecordingsParams,
  SearchParams,
  UpdateParams,
} from '../full/convoso_leads.js';

export type { FieldError, InsertParams, RecordingsParams, SearchParams, UpdateParams };

/** A rejected value: the code the Leads API would answer (or a client-side 9001-9099 code)
 * and a message for a person.
 */
export interface Invalid {
  valid: false;
  code: number;
  message: string;
  /** The input is merely unfinished (too few digits so far): a form may wait for blur. */
  incomplete?: true;
}

/** A request with nothing to object to, and the request as the service wants it: blank
 * values left out, text trimmed, numbers as their text, and (insert, update) each phone number
 * as Convoso's national digits with its `phone_code`.
 */
export interface RequestValid<Params extends object = object> {
  valid: true;
  value: Params;
}

/** A request with problems, one entry per problem, in field order.
 */
export interface RequestInvalid {
  valid: false;
  errors: FieldError[];
}

/** A valid phone number: Convoso's `phone_number` (national digits), its `phone_code`
 * and the E.164 form.
 */
export interface PhoneValid {
  valid: true;
  phone_number: string;
  phone_code: string;
  e164: string;
}

/** An email field with invalid addresses: code 6079, the first problem's message, and one
 * entry per invalid address.
 */
export interface EmailInvalid {
  valid: false;
  code: number;
  message: string;
  errors: AddressError[];
}

/** Every address of a valid email field, in order.
 */
export interface EmailValid {
  valid: true;
  emails: string[];
}

/** How to read a phone number.
 */
export interface PhoneOptions {
  phone_code?: string | number;
  assigned_area_codes_only?: boolean;
}

/** One invalid address of an email field: its position (from 0) among the addresses.
 */
export interface AddressError {
  index: number;
  address: string;
  code: number;
  /** Names the address: `“bad@” needs a domain after the @`. */
  message: string;
  /** The address is still being typed (no @ yet, no domain yet). */
  incomplete?: true;
}

/** Options of the request validators (any other key is a TypeError).
 * `Field` is the endpoint's field names: a misspelt name in `required` does not compile.
 */
export interface LeadOptions<Field extends string = string> {
  assigned_area_codes_only?: boolean;
  /** More fields that must not be blank (6023), e.g. a list's required fields. */
  required?: readonly Field[];
}

export type PhoneResult = PhoneValid | Invalid;
export type EmailResult = EmailValid | EmailInvalid;
export type ValidationResult<Params extends object = object> = RequestValid<Params> | RequestInvalid;

/**
 * The validators. Synchronous, and every problem with the values is in the result, a name the
 * endpoint does not take included (9000, as the client answers): only options that are not
 * the validator's (a `TypeError`) and input too large for memory (a `RangeError`) throw.
 */
export interface Validators {
  /**
   * Validates an email field (one or more addresses separated by `,` `;` or whitespace).
   */
  validateEmail(input: string): EmailResult;

  /**
   * Validates a whole insert request (what `insertLead` sends).
   */
  validateLead(lead: InsertParams, options?: LeadOptions<keyof InsertParams & string> | null): ValidationResult<InsertParams>;

  /**
   * Validates one phone number: `{ valid: true, phone_number, phone_code, e164 }` or
   * `{ valid: false, code, message }`.
   */
  validatePhone(input: string | number, options?: PhoneOptions | null): PhoneResult;

  /**
   * Validates a get-recordings request (`lead_id` required, limit 1-100, times).
   */
  validateRecordings(params: RecordingsParams): ValidationResult<RecordingsParams>;

  /**
   * Validates a search request (limit 1-2000, offset >= 0, date filters).
   */
  validateSearch(params: SearchParams): ValidationResult<SearchParams>;

  /**
   * Validates an update request (`lead_id` required).
   */
  validateUpdate(params: UpdateParams, options?: LeadOptions<keyof UpdateParams & string> | null): ValidationResult<UpdateParams>;
}

/**
 * Binds the validators to the module instance's exports (the package does, once, at import).
 * Internal, as are `checkRequest` (the check the client runs before it sends: kind 0-3 as
 * the request validators, 4 a delete; the errors, or `undefined`) and `fieldNames`.
 */
export function useModule(wasm: WebAssembly.Exports): void;
export declare const validatePhone: Validators['validatePhone'];
export declare const validateEmail: Validators['validateEmail'];
export declare const validateLead: Validators['validateLead'];
export declare const validateUpdate: Validators['validateUpdate'];
export declare const validateSearch: Validators['validateSearch'];
export declare const validateRecordings: Validators['validateRecordings'];
export function checkRequest(kind: number, params: unknown): FieldError[] | undefined;
export function fieldNames(kind: number): string[];
