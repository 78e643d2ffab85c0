// Declarations of the form layer over the validators: Standard Schema objects with JSON Schema
// (src/wasm/schemas.js), the plain-HTML form binding (src/wasm/form.js) and the mapping of
// errors to fields. The package's entries export the members of `Forms`.
import type { InsertParams, RecordingsParams, SearchParams, UpdateParams } from './validate.js';

/**
 * The Standard Schema interface, v1 (https://standardschema.dev), copied as the spec
 * recommends so that no runtime dependency is needed. Zod, Valibot, ArkType and this package
 * implement it; react-hook-form, TanStack Form, Conform and others accept it.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  /** The Standard Schema properties interface. */
  interface Props<Input = unknown, Output = Input> {
    /** The version number of the standard. */
    readonly version: 1;
    /** The vendor name of the schema library. */
    readonly vendor: string;
    /** Validates unknown input values. */
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    /** Inferred types associated with the schema. */
    readonly types?: Types<Input, Output> | undefined;
  }

  /** The result interface of the validate function. */
  type Result<Output> = SuccessResult<Output> | FailureResult;

  /** The result interface if validation succeeds. */
  interface SuccessResult<Output> {
    /** The typed output value. */
    readonly value: Output;
    /** The non-existent issues. */
    readonly issues?: undefined;
  }

  /** The result interface if validation fails. */
  interface FailureResult {
    /** The issues of failed validation. */
    readonly issues: ReadonlyArray<Issue>;
  }

  /** The issue interface of the failure output. */
  interface Issue {
    /** The error message of the issue. */
    readonly message: string;
    /** The path of the issue, if any. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }

  /** The path segment interface of the issue. */
  interface PathSegment {
    /** The key representing a path segment. */
    readonly key: PropertyKey;
  }

  /** The Standard Schema types interface. */
  interface Types<Input = unknown, Output = Input> {
    /** The input type of the schema. */
    readonly input: Input;
    /** The output type of the schema. */
    readonly output: Output;
  }

  /** Infers the input type of a Standard Schema. */
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];

  /** Infers the output type of a Standard Schema. */
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/**
 * The Standard JSON Schema interface, v1 (https://standardschema.dev/json-schema), copied for
 * the same reason: a schema that can describe itself as JSON Schema.
 */
export interface StandardJSONSchemaV1<Input = unknown, Output = Input> {
  /** The Standard JSON Schema properties. */
  readonly '~standard': StandardJSONSchemaV1.Props<Input, Output>;
}

export declare namespace StandardJSONSchemaV1 {
  /** The Standard JSON Schema properties interface. */
  interface Props<Input = unknown, Output = Input> extends StandardSchemaV1.Props<Input, Output> {
    /** Methods for generating the input/output JSON Schema. */
    readonly jsonSchema: Converter;
  }

  /** The Standard JSON Schema converter interface. */
  interface Converter {
    /** Converts the input type to JSON Schema. May throw if conversion is not supported. */
    readonly input: (options: Options) => Record<string, unknown>;
    /** Converts the output type to JSON Schema. May throw if conversion is not supported. */
    readonly output: (options: Options) => Record<string, unknown>;
  }

  /** The target version of the generated JSON Schema. */
  type Target = 'draft-2020-12' | 'draft-07' | 'openapi-3.0' | ({} & string);

  /** The options for the input/output methods. */
  interface Options {
    /** Specifies the target version of the generated JSON Schema. */
    readonly target: Target;
    /** Explicit support for additional vendor-specific parameters, if needed. */
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
}

/**
 * One problem with one field, as the schemas report it: a message that stands alone (react-hook-
 * form keeps only the message), the field as the path, and the code the Leads API would answer
 * with (or a client-side 9000-9099 code).
 */
export interface LeadIssue extends StandardSchemaV1.Issue {
  readonly message: string;
  /** `[field]`; absent when the input as a whole is not an object. */
  readonly path?: readonly [string];
  readonly code: number;
  /** The input is merely unfinished (too few digits so far, no domain yet): a form may wait for blur. */
  readonly incomplete?: true;
  /** For `email`: the position of the offending address, from 0. */
  readonly index?: number;
}

/**
 * A Standard Schema (with Standard JSON Schema) for one request. `validate` is synchronous: it
 * returns `{ value }`, the request normalised as the service wants it, or `{ issues }`. Keys the
 * endpoint does not take are dropped from the value, so a form's extra inputs never block it.
 */
export interface RequestSchema<Params> extends StandardJSONSchemaV1<Params, Params> {
  readonly '~standard': RequestSchemaProps<Params>;
}

/**
 * The `~standard` properties of a request schema: the spec's, narrowed to what this package
 * gives (an interface that extends, not an intersection: intersected function types would be
 * overloads, and the spec's own `validate` signature, with its promise, would win).
 */
export interface RequestSchemaProps<Params> extends StandardJSONSchemaV1.Props<Params, Params> {
  readonly vendor: 'convoso-leads';
  readonly validate: (value: unknown) => StandardSchemaV1.SuccessResult<Params> | LeadIssues;
}

/** A failed validation: one issue per field error. */
export interface LeadIssues {
  readonly issues: ReadonlyArray<LeadIssue>;
}

/**
 * A `<form>` element, typed by the few members the binding reads so that these declarations
 * need no DOM library (an `HTMLFormElement` is one).
 */
export interface LeadFormElement {
  readonly localName: string;
  readonly elements: { readonly length: number };
  noValidate: boolean;
}

/** How `bindLeadForm` works a form that fills in a `Params` request. */
export interface BindLeadFormOptions<Params extends InsertParams | UpdateParams = InsertParams> {
  /** The request the form fills in: `leadSchema` (the default) or `updateSchema`. */
  schema?: RequestSchema<Params>;
  /**
   * Called on submit when the form is valid, with the normalised request (the form's own
   * submission is then prevented). Without it a valid form submits as usual.
   */
  onValid?: (params: Params) => unknown;
  /** Rewrite a valid phone number to Convoso's digits when its field loses focus (default true). */
  normalizePhone?: boolean;
}

/** One field's problem in a form's terms: which field, the code, and a message for a person. */
export interface FieldProblem {
  field: string;
  code: number;
  message: string;
}

/** The form layer. */
export interface Forms {
  /** Standard Schema of an insert request (what `insertLead` sends). */
  leadSchema: RequestSchema<InsertParams>;
  /** Standard Schema of an update request. */
  updateSchema: RequestSchema<UpdateParams>;
  /** Standard Schema of a search request. */
  searchSchema: RequestSchema<SearchParams>;
  /** Standard Schema of a get-recordings request. */
  recordingsSchema: RequestSchema<RecordingsParams>;
  /**
   * Validates a `<form>` whose inputs are named after the API fields, the browser's way
   * (`setCustomValidity`, `aria-invalid`, an error element linked by `aria-describedby`), and
   * blocks an invalid submit. Returns a function that removes everything it added.
   */
  bindLeadForm(form: LeadFormElement, options: BindLeadFormOptions<UpdateParams> & { schema: RequestSchema<UpdateParams> }): () => void;
  bindLeadForm(form: LeadFormElement, options?: BindLeadFormOptions<InsertParams>): () => void;
  /**
   * The field problems of a failed call: a `ConvosoValidationError`'s errors, or a
   * `ConvosoApiError` whose service code belongs to a field (6009 and 6008: `phone_number`,
   * 6002: `list_id`, ...). Anything else: `[]`.
   */
  fieldErrors(error: unknown): FieldProblem[];
}
