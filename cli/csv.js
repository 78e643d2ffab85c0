// CSV for the CLI's lead import and export: a streaming reader that works on bytes (so a file
// of any size costs one record plus one chunk of memory), a row writer it can read back, and
// the guard that keeps exported cells from running as spreadsheet formulas.
//
// The reader works on bytes, not text, because every structural character (`"` `,` `;` TAB
// CR LF) is ASCII in both supported encodings. Bytes are decoded only once a field (or the whole
// record) has ended, so a multibyte character split across chunks needs no special handling.

/** @typedef {'utf-8' | 'windows-1252'} CsvEncoding */
/** @typedef {'ENCODING' | 'UNTERMINATED_QUOTE' | 'EMPTY'} CsvErrorCode */

/**
 * @typedef {object} ReadCsvOptions
 * @property {CsvEncoding} [encoding] how field bytes become text (default 'utf-8')
 * @property {number} [maxFieldBytes] a longer field is yielded as '' and listed in `tooLong`
 *   (default 65536)
 */

/**
 * @typedef {object} CsvRecord
 * @property {number} record 1-based; the header is record 1
 * @property {number} line 1-based physical line where the record starts
 * @property {string[]} fields as many as the line has: the caller decides about ragged rows
 * @property {number[]} tooLong indexes of fields longer than `maxFieldBytes` (yielded as '')
 * @property {string} [delimiter] on record 1 only: the delimiter detected from the header
 */

/** A file the reader cannot make sense of; `record` and `line` say where. */
export class CsvError extends Error {
  /**
   * @param {CsvErrorCode} code
   * @param {string} message
   * @param {{ record: number, line: number, cause?: unknown }} where
   */
  constructor(code, message, { record, line, cause }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CsvError';
    /** @type {CsvErrorCode} */
    this.code = code;
    /** 1-based record number; the header is record 1. */
    this.record = record;
    /** 1-based physical line where that record starts. */
    this.line = line;
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;

const DEFAULT_MAX_FIELD_BYTES = 65536;
// The delimiter is chosen from the header; a header longer than this is not worth buffering
// to the end, so the counts so far decide.
const SNIFF_LIMIT = 1 << 20;

const EMPTY_BYTES = new Uint8Array(0);

// Node's TextDecoder decodes windows-1252 as ISO-8859-1 (nodejs/node#56542), giving C1
// controls where Windows puts € ‘ ’ “ ” and friends. The WHATWG mapping of 0x80-0x9F is
// applied on top; on a Node that decodes correctly the fix-up finds nothing to replace.
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1_CONTROL = /[\u0080-\u009f]/g;

/** @type {Record<CsvEncoding, (bytes: Uint8Array) => string>} */
const DECODERS = (() => {
  // ignoreBOM: each field is decoded on its own, and a U+FEFF starting one is data.
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const cp1252 = new TextDecoder('windows-1252', { fatal: true });
  /** @param {string} c */
  const fixC1 = (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80];
  return {
    'utf-8': (bytes) => utf8.decode(bytes),
    'windows-1252': (bytes) => cp1252.decode(bytes).replace(C1_CONTROL, fixC1),
  };
})();

/**
 * @param {Uint8Array[]} parts
 * @param {number} total their summed length
 * @returns {Uint8Array}
 */
function concatBytes(parts, total) {
  const nonEmpty = parts.filter((part) => part.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of nonEmpty) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The source's chunks with a leading UTF-8 BOM removed, even when it arrives split across
 * chunks. EF BB BF is never wanted data, whatever the encoding.
 * @param {AsyncIterable<Uint8Array> | Iterable<Uint8Array>} source
 * @returns {AsyncGenerator<Uint8Array, void, undefined>}
 */
async function* withoutBom(source) {
  /** @type {Uint8Array | null} the first bytes, until there are enough to tell */
  let head = EMPTY_BYTES;
  for await (const chunk of source) {
    if (!(chunk instanceof Uint8Array)) {
      throw new TypeError('readCsv reads bytes: open the stream without an encoding');
    }
    if (head === null) {
      yield chunk;
      continue;
    }
    head = concatBytes([head, chunk], head.length + chunk.length);
    // Kept for the next chunk: a copy, as the source may reuse its buffer.
    if (head.length < 3) {
      if (head === chunk) head = new Uint8Array(chunk);
      continue;
    }
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    const rest = bom ? head.subarray(3) : head;
    head = null;
    yield rest;
  }
  if (head !== null && head.length > 0) yield head;
}

/** Counts `,` `;` TAB outside quotes in the first non-blank record. */
class DelimiterSniffer {
  constructor() {
    this.commas = 0;
    this.semicolons = 0;
    this.tabs = 0;
    this.inQuotes = false;
    this.quotePending = false;
    this.fieldStart = true;
    this.started = false;
    this.seen = 0;
    this.done = false;
  }

  /**
   * @param {Uint8Array} buf
   * @returns {boolean} whether the header has been seen (or enough of it)
   */
  feed(buf) {
    for (let i = 0; i < buf.length && !this.done; i++) {
      const b = buf[i];
      if (this.inQuotes) {
        if (!this.quotePending) {
          if (b === QUOTE) this.quotePending = true;
          continue;
        }
        this.quotePending = false;
        if (b === QUOTE) continue; // "" inside quotes
        this.inQuotes = false; // that quote closed the field: b is outside
      }
      if (b === CR || b === LF) {
        if (this.started) this.done = true; // blank lines before the header do not count
        continue;
      }
      this.started = true;
      if (b === COMMA) this.commas++;
      else if (b === SEMICOLON) this.semicolons++;
      else if (b === TAB) this.tabs++;
      else {
        // The delimiter is not known yet, so a field may start after any of the three.
        if (b === QUOTE && this.fieldStart) this.inQuotes = true;
        this.fieldStart = false;
        continue;
      }
      this.fieldStart = true;
    }
    this.seen += buf.length;
    if (this.seen >= SNIFF_LIMIT) this.done = true;
    return this.done;
  }

  /** @returns {number} the most frequent; a tie or none is a comma */
  get delimiter() {
    const { commas, semicolons, tabs } = this;
    if (semicolons > commas && semicolons > tabs) return SEMICOLON;
    if (tabs > commas && tabs > semicolons) return TAB;
    return COMMA;
  }
}

// Where the parser stands between two bytes.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3; // a `"` inside a quoted field: a literal `""` or the closing quote

/**
 * Turns chunks into records. Bytes are never copied while a record lies inside one chunk: its
 * fields are kept as byte spans and the record is decoded once at its end. Only a field that
 * spans chunks (or holds `""`, or follows its closing quote with text) is copied, in runs, and
 * never past `maxFieldBytes`.
 */
class RecordParser {
  /**
   * @param {number} delimiter its byte
   * @param {CsvEncoding} encoding
   * @param {number} maxFieldBytes
   */
  constructor(delimiter, encoding, maxFieldBytes) {
    this.delimiter = delimiter;
    this.encoding = encoding;
    this.decode = DECODERS[encoding];
    this.maxFieldBytes = maxFieldBytes;
    this.state = FIELD_START;
    /** @type {string[]} the current record's decoded fields (none while `deferring`) */
    this.fields = [];
    /** @type {number[]} while `deferring`: each field's [start, end) in the current chunk */
    this.spans = [];
    // Whether the current record's fields are still spans, to be decoded together at its end.
    this.deferring = false;
    this.fieldCount = 0;
    /** @type {number[]} */
    this.tooLong = [];
    /** @type {Uint8Array[]} copied runs of the current field, from earlier chunks or before a `""` */
    this.parts = [];
    this.partBytes = 0;
    this.overLimit = false;
    this.runStart = 0; // where the current field's uncopied run starts in this chunk
    this.quoteAt = 0; // in AFTER_QUOTE: where that quote is
    this.line = 1;
    this.recordLine = 1;
    this.records = 0;
    this.prevByte = -1; // the last byte of the previous chunk, to recognise a split CRLF
  }

  /**
   * @param {Uint8Array} buf
   * @param {CsvRecord[]} out receives the records this chunk completes
   */
  push(buf, out) {
    const n = buf.length;
    const delimiter = this.delimiter;
    let state = this.state;
    let i = 0;
    while (i < n) {
      if (state === FIELD_START) {
        const b = buf[i];
        if (b === CR || b === LF) {
          i++;
          // The LF of a CRLF: its CR already ended the line.
          if (b === LF && (i > 1 ? buf[i - 2] : this.prevByte) === CR) continue;
          this.line++;
          // A blank line is skipped; after a delimiter it ends the record with an empty field.
          if (this.fieldCount > 0) {
            this.endField(buf, i, i);
            this.endRecord(buf, out);
          }
          continue;
        }
        if (this.fieldCount === 0) {
          this.recordLine = this.line;
          this.deferring = true;
        }
        if (b === delimiter) {
          this.endField(buf, i, i);
          i++;
        } else if (b === QUOTE) {
          state = QUOTED;
          this.runStart = ++i;
        } else {
          state = UNQUOTED;
          this.runStart = i;
        }
      } else if (state === UNQUOTED) {
        let j = i;
        while (j < n) {
          const b = buf[j];
          if (b === delimiter || b === CR || b === LF) break;
          j++;
        }
        i = j;
        if (j === n) break;
        this.endField(buf, this.runStart, j);
        state = FIELD_START;
        i++;
        if (buf[j] !== delimiter) {
          this.line++;
          this.endRecord(buf, out);
        }
      } else if (state === QUOTED) {
        let j = i;
        let line = this.line;
        while (j < n) {
          const b = buf[j];
          if (b === QUOTE) break;
          // Line breaks inside quotes are data, but still count as lines of the file.
          if (b === CR || (b === LF && (j > 0 ? buf[j - 1] : this.prevByte) !== CR)) line++;
          j++;
        }
        this.line = line;
        i = j;
        if (j === n) break;
        this.quoteAt = j;
        state = AFTER_QUOTE;
        i++;
      } else {
        const b = buf[i];
        if (b === QUOTE) {
          // `""`: keep the second quote as the first byte of the next run.
          this.addPart(buf, this.runStart, this.quoteAt);
          this.runStart = i;
          state = QUOTED;
          i++;
        } else if (b === delimiter || b === CR || b === LF) {
          this.endField(buf, this.runStart, this.quoteAt);
          state = FIELD_START;
          i++;
          if (b !== delimiter) {
            this.line++;
            this.endRecord(buf, out);
          }
        } else {
          // Text after the closing quote joins the field as is, as most readers do.
          this.addPart(buf, this.runStart, this.quoteAt);
          this.runStart = i;
          state = UNQUOTED;
        }
      }
    }
    // The chunk may be reused by its source: decode or copy what the open record still needs.
    if (this.deferring) this.decodeSpans(buf);
    if (state === UNQUOTED || state === QUOTED) {
      this.addPart(buf, this.runStart, n);
    } else if (state === AFTER_QUOTE) {
      this.addPart(buf, this.runStart, this.quoteAt);
      this.quoteAt = 0;
    }
    this.runStart = 0;
    if (n > 0) this.prevByte = buf[n - 1];
    this.state = state;
  }

  /**
   * The end of the input: completes the last record, or says why it cannot.
   * @param {CsvRecord[]} out
   */
  finish(out) {
    const state = this.state;
    if (state === QUOTED) {
      const record = this.records + 1;
      throw new CsvError(
        'UNTERMINATED_QUOTE',
        `record ${record} (line ${this.recordLine}): field ${this.fieldCount + 1} opens a quote that is never closed before the end of the file`,
        { record, line: this.recordLine },
      );
    }
    // After a delimiter, the file ends with an empty field.
    if (state !== FIELD_START || this.fieldCount > 0) {
      this.endField(EMPTY_BYTES, 0, 0);
      this.state = FIELD_START;
      this.endRecord(EMPTY_BYTES, out);
    }
  }

  /**
   * Copies `buf[start, end)` onto the current field, unless that takes it past the limit.
   * @param {Uint8Array} buf
   * @param {number} start
   * @param {number} end
   */
  addPart(buf, start, end) {
    const length = end - start;
    if (this.overLimit || length === 0) return;
    if (this.partBytes + length > this.maxFieldBytes) {
      // Past the limit the value is lost anyway: drop what was kept and keep nothing more.
      this.overLimit = true;
      this.parts = [];
      this.partBytes = 0;
      return;
    }
    // A copy, not a view (Buffer#slice is a view): the source may reuse its chunk.
    this.parts.push(new Uint8Array(buf.subarray(start, end)));
    this.partBytes += length;
  }

  /**
   * Completes the current field with its last run, `buf[start, end)`.
   * @param {Uint8Array} buf
   * @param {number} start
   * @param {number} end
   */
  endField(buf, start, end) {
    if (this.parts.length === 0 && !this.overLimit && end - start <= this.maxFieldBytes) {
      this.fieldCount++;
      if (this.deferring) this.spans.push(start, end);
      else this.fields.push(this.decodeRun(buf, start, end));
      return;
    }
    if (this.deferring) this.decodeSpans(buf);
    this.fieldCount++;
    this.addPart(buf, start, end);
    if (this.overLimit) {
      this.tooLong.push(this.fields.length);
      this.fields.push('');
    } else {
      this.fields.push(this.decodeBytes(concatBytes(this.parts, this.partBytes)));
    }
    this.parts = [];
    this.partBytes = 0;
    this.overLimit = false;
  }

  /**
   * Decodes the fields kept as spans onto `fields`. When every character is one byte (all of
   * windows-1252, ASCII in UTF-8), the record is decoded in one go and its fields are slices.
   * @param {Uint8Array} buf
   */
  decodeSpans(buf) {
    const { spans, fields } = this;
    this.deferring = false;
    if (spans.length === 0) return;
    const first = spans[0];
    const last = spans[spans.length - 1];
    const text = first === last ? '' : this.decodeBytes(buf.subarray(first, last));
    // One character per byte: byte offsets are string offsets. (A slice may share the record's
    // string, which costs at most a record's text per field kept.)
    if (text.length === last - first) {
      for (let k = 0; k < spans.length; k += 2) fields.push(text.slice(spans[k] - first, spans[k + 1] - first));
    } else {
      for (let k = 0; k < spans.length; k += 2) fields.push(this.decodeRun(buf, spans[k], spans[k + 1]));
    }
    spans.length = 0;
  }

  /**
   * @param {Uint8Array} buf
   * @param {number} start
   * @param {number} end
   * @returns {string}
   */
  decodeRun(buf, start, end) {
    return start === end ? '' : this.decodeBytes(buf.subarray(start, end));
  }

  /**
   * @param {Uint8Array} bytes
   * @returns {string}
   */
  decodeBytes(bytes) {
    try {
      return this.decode(bytes);
    } catch (error) {
      const record = this.records + 1;
      const line = this.recordLine;
      const hint =
        this.encoding === 'utf-8'
          ? 'is not valid UTF-8: if the file was saved by a spreadsheet on Windows, try --encoding windows-1252'
          : `is not valid ${this.encoding}`;
      throw new CsvError('ENCODING', `record ${record} (line ${line}) ${hint}`, { record, line, cause: error });
    }
  }

  /**
   * @param {Uint8Array} buf the chunk holding the record's spans, if any
   * @param {CsvRecord[]} out
   */
  endRecord(buf, out) {
    if (this.deferring) this.decodeSpans(buf);
    this.records++;
    /** @type {CsvRecord} */
    const record = { record: this.records, line: this.recordLine, fields: this.fields, tooLong: this.tooLong };
    if (this.records === 1) record.delimiter = String.fromCharCode(this.delimiter);
    out.push(record);
    this.fields = [];
    this.tooLong = [];
    this.fieldCount = 0;
  }
}

/**
 * Reads CSV records from a stream of bytes (such as `fs.createReadStream(path)`).
 *
 * The delimiter (`,` `;` or TAB) is the one the header uses most outside quotes, a comma on a
 * tie; record 1 carries it as `delimiter`. Quoting is RFC 4180 (leniently: a quote inside an
 * unquoted field, or text after a closing quote, is kept as is); records end at LF, CRLF or a
 * lone CR; blank lines are skipped but counted in `line`; a leading BOM is dropped.
 *
 * @param {AsyncIterable<Uint8Array> | Iterable<Uint8Array>} source chunks of any size
 * @param {ReadCsvOptions} [options]
 * @returns {AsyncGenerator<CsvRecord, void, undefined>}
 * @throws {CsvError} 'ENCODING' for bytes the encoding rejects, 'UNTERMINATED_QUOTE' when the
 *   file ends inside quotes, 'EMPTY' when there is not even a header
 */
export async function* readCsv(source, options = {}) {
  const { encoding = 'utf-8', maxFieldBytes = DEFAULT_MAX_FIELD_BYTES } = options;
  if (!Object.hasOwn(DECODERS, encoding)) {
    throw new TypeError(`unsupported encoding ${JSON.stringify(encoding)}: use 'utf-8' or 'windows-1252'`);
  }
  if (!Number.isSafeInteger(maxFieldBytes) || maxFieldBytes < 0) {
    throw new RangeError(`maxFieldBytes must be a non-negative integer, not ${maxFieldBytes}`);
  }

  // The delimiter must be known before the first byte is parsed, so the chunks holding the
  // header wait until the sniffer has seen all of it.
  const sniffer = new DelimiterSniffer();
  /** @type {Uint8Array[]} */
  let held = [];
  /** @type {RecordParser | null} */
  let parser = null;
  /** @type {CsvRecord[]} */
  const out = [];

  // Records completed before a bad one are yielded before the error is thrown.
  let failed = false;
  /** @type {unknown} */
  let failure;

  for await (const chunk of withoutBom(source)) {
    try {
      if (parser === null) {
        if (!sniffer.feed(chunk)) {
          held.push(new Uint8Array(chunk)); // a copy, as the source may reuse its buffer
          continue;
        }
        parser = new RecordParser(sniffer.delimiter, encoding, maxFieldBytes);
        for (const early of held) parser.push(early, out);
        held = [];
      }
      parser.push(chunk, out);
    } catch (error) {
      failed = true;
      failure = error;
    }
    for (const record of out) yield record;
    out.length = 0;
    if (failed) throw failure;
  }

  parser ??= new RecordParser(sniffer.delimiter, encoding, maxFieldBytes);
  try {
    for (const early of held) parser.push(early, out);
    parser.finish(out);
  } catch (error) {
    failed = true;
    failure = error;
  }
  for (const record of out) yield record;
  if (failed) throw failure;
  if (parser.records === 0) {
    throw new CsvError('EMPTY', 'the file is empty: it has no header row', { record: 1, line: 1 });
  }
}

// Leading characters that make a spreadsheet evaluate a cell (TAB and CR too: some strip
// them first). Quotes already in front are counted so that the guard can be undone exactly.
const FORMULA_GUARDED = /^'*[=+\-@\t\r]/;
const FORMULA_UNGUARD = /^'+[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet: text a spreadsheet would run as a formula gets a
 * leading `'`, which spreadsheets hide. `unguardCell` undoes it exactly.
 * @param {string} text
 * @returns {string}
 */
export function guardCell(text) {
  return FORMULA_GUARDED.test(text) ? `'${text}` : text;
}

/**
 * Undoes `guardCell`: `unguardCell(guardCell(s)) === s` for every string.
 * @param {string} text
 * @returns {string}
 */
export function unguardCell(text) {
  return FORMULA_UNGUARD.test(text) ? text.slice(1) : text;
}

const DELIMITERS = [',', ';', '\t'];
// Any of the three delimiters is quoted, not only the one in use, so that the reader's
// delimiter detection cannot be misled by a header cell such as `city, state`.
const NEEDS_QUOTES = /[",;\t\r\n]|^ | $/;

/**
 * One CSV line, ending in CRLF. A field is quoted (inner quotes doubled) when it holds a
 * delimiter, a quote, CR or LF, or starts or ends with a space. Guarding is the caller's job.
 * @param {readonly string[]} fields
 * @param {string} [delimiter] `,` `;` or TAB
 * @returns {string}
 */
export function formatCsvRow(fields, delimiter = ',') {
  if (!DELIMITERS.includes(delimiter)) {
    throw new TypeError(`unsupported delimiter ${JSON.stringify(delimiter)}: use ',', ';' or '\\t'`);
  }
  const cells = fields.map((field) => {
    if (typeof field !== 'string') throw new TypeError(`a CSV field must be a string, not ${typeof field}`);
    return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
  });
  // A lone empty field would be a blank line, which readers skip.
  if (cells.length === 1 && cells[0] === '') cells[0] = '""';
  return `${cells.join(delimiter)}\r\n`;
}
