// The CLI's CSV reader and writer: parsing rules, chunk-boundary independence, limits, errors,
// the formula guard and the write/read round trip.
//
//   node --test tests/cli/csv.test.mjs
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

import { CsvError, formatCsvRow, guardCell, readCsv, unguardCell } from '../../cli/csv.js';

const encoder = new TextEncoder();
/** @param {string | Uint8Array | number[]} input */
const toBytes = (input) =>
  typeof input === 'string' ? encoder.encode(input) : input instanceof Uint8Array ? input : Uint8Array.from(input);

/** The bytes in chunks of `size` (copies, like a stream's). */
function chunksOf(bytes, size) {
  const chunks = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.slice(at, at + size));
  return chunks;
}

/** An async source, as a stream would be. */
async function* asAsync(chunks) {
  for (const chunk of chunks) yield chunk;
}

async function collect(source, options) {
  const records = [];
  for await (const record of readCsv(source, options)) records.push(record);
  return records;
}

/** Every record of `input`, read whole. */
const read = (input, options) => collect(asAsync([toBytes(input)]), options);
/** Only the fields of every record. */
const rows = async (input, options) => (await read(input, options)).map((r) => r.fields);

/** Rejects with a CsvError of `code`; resolves to it. */
async function csvError(promise, code) {
  let caught;
  await assert.rejects(promise, (error) => {
    caught = error;
    return error instanceof CsvError && error.code === code;
  });
  return caught;
}

// Quoted LF, CRLF and CR; `""`; delimiters in quotes; multibyte text (2, 3 and 4 bytes);
// blank lines (LF, CRLF, CR); text after a closing quote; a final line without an ending.
const TRICKY =
  'name,note,city\r\n' +
  '"Smith, Jo","said ""hi""\r\nthen left",Zürich\r\n' +
  '\r\n' +
  'Ana,"multi\nline\rmixed",€ 5\n' +
  '\n' +
  'Émile,"😀 ""quoted""",\r' +
  '\r' +
  ',,\r\n' +
  '"a"b,c"d,"e"\n' +
  'last,"",end';

const TRICKY_RECORDS = [
  { record: 1, line: 1, fields: ['name', 'note', 'city'], tooLong: [], delimiter: ',' },
  { record: 2, line: 2, fields: ['Smith, Jo', 'said "hi"\r\nthen left', 'Zürich'], tooLong: [] },
  { record: 3, line: 5, fields: ['Ana', 'multi\nline\rmixed', '€ 5'], tooLong: [] },
  { record: 4, line: 9, fields: ['Émile', '😀 "quoted"', ''], tooLong: [] },
  { record: 5, line: 11, fields: ['', '', ''], tooLong: [] },
  { record: 6, line: 12, fields: ['ab', 'c"d', 'e'], tooLong: [] },
  { record: 7, line: 13, fields: ['last', '', 'end'], tooLong: [] },
];

describe('readCsv: fields and records', () => {
  test('parses quoting, line endings, blank lines and numbering', async () => {
    assert.deepEqual(await read(TRICKY), TRICKY_RECORDS);
  });

  test('quoted fields hold delimiters, quotes, LF, CRLF and CR', async () => {
    assert.deepEqual(await rows('a,b\n"x,y","say ""no"""\n"1\n2","3\r\n4"\n"5\r6",""""\n'), [
      ['a', 'b'],
      ['x,y', 'say "no"'],
      ['1\n2', '3\r\n4'],
      ['5\r6', '"'],
    ]);
  });

  test('LF, CRLF and lone-CR files read the same', async () => {
    const lines = ['id,name', '1,Ann', '2,Bob'];
    const expected = [['id', 'name'], ['1', 'Ann'], ['2', 'Bob']];
    for (const ending of ['\n', '\r\n', '\r']) {
      assert.deepEqual(await rows(lines.join(ending) + ending), expected, JSON.stringify(ending));
      assert.deepEqual(await rows(lines.join(ending)), expected, `${JSON.stringify(ending)}, no final ending`);
    }
    assert.deepEqual(await rows('id,name\r1,Ann\n2,Bob\r\n'), expected, 'mixed');
  });

  test('a line of delimiters is a record of empty fields; a trailing delimiter adds one', async () => {
    assert.deepEqual(await rows('a,b,c\n,,\na,b,\n,,'), [
      ['a', 'b', 'c'],
      ['', '', ''],
      ['a', 'b', ''],
      ['', '', ''],
    ]);
  });

  test('a line holding only "" is a record of one empty field, not a blank line', async () => {
    assert.deepEqual(await rows('h\n""\n\nx\n'), [['h'], [''], ['x']]);
  });

  test('a quote inside an unquoted field is literal; text after a closing quote is kept', async () => {
    assert.deepEqual(await rows('a,b\n5" tall,it"s\n"quoted"tail,"x" y\n'), [
      ['a', 'b'],
      ['5" tall', 'it"s'],
      ['quotedtail', 'x y'],
    ]);
  });

  test('spaces are data', async () => {
    assert.deepEqual(await rows('a , b\n" x ", y \n'), [['a ', ' b'], [' x ', ' y ']]);
  });

  test('ragged rows are yielded as they are', async () => {
    assert.deepEqual(await rows('a,b,c\n1\n1,2\n1,2,3,4,5\n'), [['a', 'b', 'c'], ['1'], ['1', '2'], ['1', '2', '3', '4', '5']]);
  });

  test('record and line numbers count multi-line fields and blank lines', async () => {
    const input = '\n\r\nh1,h2\n\n"a\r\nb\rc\nd",x\r\n\r\n\r\n3,4\n"\n",5\n6,7';
    const got = (await read(input)).map(({ record, line }) => [record, line]);
    assert.deepEqual(got, [
      [1, 3],
      [2, 5],
      [3, 11],
      [4, 12],
      [5, 14],
    ]);
  });

  test('blank lines before the header and at the end are skipped', async () => {
    const records = await read('\r\n\n\rid\n1\n\n\r\n');
    assert.deepEqual(records.map((r) => [r.line, r.fields]), [[4, ['id']], [5, ['1']]]);
    assert.equal(records[0].delimiter, ',');
  });

  test('a header-only file is exactly one record', async () => {
    for (const input of ['id,name', 'id,name\n', 'id,name\r\n\r\n']) {
      assert.deepEqual(await read(input), [{ record: 1, line: 1, fields: ['id', 'name'], tooLong: [], delimiter: ',' }]);
    }
  });

  test('only the header carries the delimiter', async () => {
    const records = await read('a;b\n1;2\n');
    assert.equal(records[0].delimiter, ';');
    assert.equal('delimiter' in records[1], false);
  });

  test('a consumer may stop early', async () => {
    let seen = 0;
    for await (const record of readCsv(asAsync([toBytes('a\n1\n2\n3\n')]))) {
      seen = record.record;
      if (seen === 2) break;
    }
    assert.equal(seen, 2);
  });
});

describe('readCsv: delimiter detection', () => {
  test('semicolon and tab are detected from the header', async () => {
    assert.deepEqual(await read('a;b;c\n1;2,5;3\n'), [
      { record: 1, line: 1, fields: ['a', 'b', 'c'], tooLong: [], delimiter: ';' },
      { record: 2, line: 2, fields: ['1', '2,5', '3'], tooLong: [] },
    ]);
    const tabbed = await read('a\tb\tc\n1\t"2\t3"\t4,5\n');
    assert.equal(tabbed[0].delimiter, '\t');
    assert.deepEqual(tabbed[1].fields, ['1', '2\t3', '4,5']);
  });

  test('the most frequent wins; a tie or none is a comma', async () => {
    assert.equal((await read('a;b;c,d\n'))[0].delimiter, ';');
    assert.equal((await read('a\tb,c\td\n'))[0].delimiter, '\t');
    assert.equal((await read('a;b,c\n'))[0].delimiter, ',');
    assert.equal((await read('a;b\tc\n'))[0].delimiter, ',');
    assert.equal((await read('single\n1;2;3;4\n'))[0].delimiter, ',');
  });

  test('delimiters inside quoted header fields do not count', async () => {
    const records = await read('"a,b,c";"d"\n1;2\n');
    assert.equal(records[0].delimiter, ';');
    assert.deepEqual(records[0].fields, ['a,b,c', 'd']);
  });

  test('only the header decides: later rows do not', async () => {
    const records = await read('a,b\n1;2;3;4\n');
    assert.equal(records[0].delimiter, ',');
    assert.deepEqual(records[1].fields, ['1;2;3;4']);
  });

  test('detection works when the header arrives one byte at a time', async () => {
    const bytes = toBytes('\n"x;y"\t"p\tq"\tz\n1\t2\t3\n');
    const records = await collect(chunksOf(bytes, 1));
    assert.equal(records[0].delimiter, '\t');
    assert.deepEqual(records.map((r) => r.fields), [['x;y', 'p\tq', 'z'], ['1', '2', '3']]);
  });
});

describe('readCsv: chunk boundaries', () => {
  const bytes = toBytes(TRICKY);

  test('1-byte, 7-byte and whole chunks give identical records', async () => {
    const whole = await collect([bytes]);
    assert.deepEqual(whole, TRICKY_RECORDS);
    for (const size of [1, 2, 3, 7, 64]) {
      assert.deepEqual(await collect(asAsync(chunksOf(bytes, size))), whole, `${size}-byte chunks`);
    }
  });

  test('every split into two chunks gives identical records', async () => {
    // Covers a CRLF, a `""`, a quote pair and every multibyte character split in two.
    for (let at = 0; at <= bytes.length; at++) {
      const got = await collect([bytes.slice(0, at), bytes.slice(at)]);
      assert.deepEqual(got, TRICKY_RECORDS, `split at byte ${at}`);
    }
  });

  test('empty chunks are harmless', async () => {
    const empty = new Uint8Array(0);
    const chunks = chunksOf(bytes, 5).flatMap((c) => [empty, c, empty]);
    assert.deepEqual(await collect(chunks), TRICKY_RECORDS);
  });

  test('a source that reuses one buffer for every chunk', async () => {
    // Streams may hand out the same memory again; nothing kept may point into it.
    async function* reusing(size) {
      const buffer = new Uint8Array(size);
      for (let at = 0; at < bytes.length; at += size) {
        const piece = bytes.subarray(at, at + size);
        buffer.fill(0x3f);
        buffer.set(piece);
        yield buffer.subarray(0, piece.length);
      }
    }
    for (const size of [1, 3, 7, 16]) {
      assert.deepEqual(await collect(reusing(size)), TRICKY_RECORDS, `${size}-byte buffer`);
    }
  });

  test('reads a file through fs.createReadStream', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csv-test-'));
    try {
      const file = path.join(dir, 'leads.csv');
      writeFileSync(file, bytes);
      assert.deepEqual(await collect(createReadStream(file, { highWaterMark: 5 })), TRICKY_RECORDS);
      assert.deepEqual(await collect(createReadStream(file)), TRICKY_RECORDS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readCsv: BOM and encodings', () => {
  const BOM = [0xef, 0xbb, 0xbf];

  test('a UTF-8 BOM at the start is dropped, even split across chunks', async () => {
    const bytes = Uint8Array.from([...BOM, ...toBytes('"id";x\n1;2\n')]);
    const expected = [['id', 'x'], ['1', '2']];
    assert.deepEqual((await collect([bytes])).map((r) => r.fields), expected);
    assert.deepEqual((await collect(chunksOf(bytes, 1))).map((r) => r.fields), expected);
    assert.deepEqual((await collect(chunksOf(bytes, 2))).map((r) => r.fields), expected);
    const records = await collect([bytes], { encoding: 'windows-1252' });
    assert.deepEqual(records.map((r) => r.fields), expected, 'dropped with windows-1252 too');
    assert.equal(records[0].delimiter, ';');
  });

  test('a BOM elsewhere, or half a BOM, is data', async () => {
    const middle = Uint8Array.from([...toBytes('a,b\n'), ...BOM, ...toBytes('x,y\n')]);
    assert.deepEqual((await collect([middle])).map((r) => r.fields)[1], ['\ufeffx', 'y']);
    const half = Uint8Array.from([0xef, 0xbb, 0x41, 0x0a]);
    assert.deepEqual((await collect([half], { encoding: 'windows-1252' }))[0].fields, ['ï»A']);
    assert.deepEqual((await collect(chunksOf(Uint8Array.from([0xef, 0x41]), 1), { encoding: 'windows-1252' }))[0].fields, [
      'ïA',
    ]);
  });

  test('invalid UTF-8 names the record and line and suggests windows-1252', async () => {
    // Record 4 starts on line 6: the header, a two-line quoted field and a blank line come first.
    const bytes = Uint8Array.from([...toBytes('name,city\n"A\nB",x\n\n1,2\nCaf'), 0xe9, ...toBytes(',Paris\n')]);
    for (const chunks of [[bytes], chunksOf(bytes, 1), chunksOf(bytes, 7)]) {
      const error = await csvError(collect(chunks), 'ENCODING');
      assert.equal(error.name, 'CsvError');
      assert.ok(error instanceof Error);
      assert.equal(error.record, 4);
      assert.equal(error.line, 6);
      assert.match(error.message, /^record 4 \(line 6\) is not valid UTF-8/);
      assert.match(error.message, /--encoding windows-1252/);
      assert.ok(error.cause instanceof TypeError, 'the decoder error is the cause');
    }
  });

  test('a multibyte character cut short by the end of a field is invalid', async () => {
    const bytes = Uint8Array.from([...toBytes('h\n"'), 0xe2, 0x82, ...toBytes('"\n')]);
    const error = await csvError(collect(chunksOf(bytes, 1)), 'ENCODING');
    assert.deepEqual([error.record, error.line], [2, 2]);
  });

  test('the records before an invalid one are still yielded', async () => {
    const seen = [];
    const bytes = Uint8Array.from([...toBytes('h\nok\n'), 0xff, 0x0a]);
    await csvError(
      (async () => {
        for await (const record of readCsv([bytes])) seen.push(record.fields[0]);
      })(),
      'ENCODING',
    );
    assert.deepEqual(seen, ['h', 'ok']);
  });

  test('the same bytes decode with windows-1252', async () => {
    const bytes = Uint8Array.from([...toBytes('name,price\nCaf'), 0xe9, 0x2c, 0x35, 0x80, 0x0a]);
    const records = await collect([bytes], { encoding: 'windows-1252' });
    assert.deepEqual(records[1].fields, ['Café', '5€']);
  });

  test('windows-1252 maps 0x80-0x9F the WHATWG way, whatever Node does', async () => {
    // Node 20 decodes windows-1252 as ISO-8859-1 (nodejs/node#56542); the reader must not.
    const expected =
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ' + '\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿' + 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';
    const high = Array.from({ length: 128 }, (_, i) => 0x80 + i);
    const bytes = Uint8Array.from([...toBytes('h\n"'), ...high, 0x22, 0x0a]);
    for (const chunks of [[bytes], chunksOf(bytes, 3)]) {
      const records = await collect(chunks, { encoding: 'windows-1252' });
      assert.equal(records[1].fields[0], expected);
    }
  });

  test('unsupported options are refused', async () => {
    await assert.rejects(read('a\n', { encoding: 'latin1' }), TypeError);
    await assert.rejects(read('a\n', { maxFieldBytes: -1 }), RangeError);
    await assert.rejects(read('a\n', { maxFieldBytes: 1.5 }), RangeError);
    await assert.rejects(collect(['a,b\n']), /reads bytes/);
  });
});

describe('readCsv: field length limit', () => {
  test('a field over maxFieldBytes is yielded as "" and listed in tooLong', async () => {
    const sixteen = 'x'.repeat(16);
    const seventeen = 'y'.repeat(17);
    const input =
      `a,b,c\n${sixteen},${seventeen},ok\n` +
      `"${seventeen}","${'z'.repeat(14)}""",${seventeen}\n` + // `""` counts as one byte
      `"${'q'.repeat(10)}""${'q'.repeat(10)}",${'é'.repeat(8)},${'é'.repeat(9)}\n` + // bytes, not characters
      `"${'\n'.repeat(20)}",after\n` +
      'next,row,fine\n';
    const expected = [
      { record: 1, line: 1, fields: ['a', 'b', 'c'], tooLong: [], delimiter: ',' },
      { record: 2, line: 2, fields: [sixteen, '', 'ok'], tooLong: [1] },
      { record: 3, line: 3, fields: ['', `${'z'.repeat(14)}"`, ''], tooLong: [0, 2] },
      { record: 4, line: 4, fields: ['', 'é'.repeat(8), ''], tooLong: [0, 2] },
      { record: 5, line: 5, fields: ['', 'after'], tooLong: [0] },
      { record: 6, line: 26, fields: ['next', 'row', 'fine'], tooLong: [] },
    ];
    const bytes = toBytes(input);
    for (const size of [1, 5, 7, bytes.length]) {
      assert.deepEqual(await collect(chunksOf(bytes, size), { maxFieldBytes: 16 }), expected, `${size}-byte chunks`);
    }
  });

  test('a field too long to keep is not decoded, so its bytes cannot fail', async () => {
    const bytes = Uint8Array.from([...toBytes('a,b\n'), ...new Array(10).fill(0xff), ...toBytes(',ok\n')]);
    for (const size of [1, bytes.length]) {
      const records = await collect(chunksOf(bytes, size), { maxFieldBytes: 4 });
      assert.deepEqual(records[1], { record: 2, line: 2, fields: ['', 'ok'], tooLong: [0] });
    }
  });

  test('maxFieldBytes 0 allows only empty fields', async () => {
    assert.deepEqual(await collect([toBytes('a,,""\n')], { maxFieldBytes: 0 }), [
      { record: 1, line: 1, fields: ['', '', ''], tooLong: [0], delimiter: ',' },
    ]);
  });

  test('a 10 MB field at the default limit is skipped, in 64 KiB chunks', async () => {
    const size = 10 * 1024 * 1024;
    for (const quoted of [false, true]) {
      async function* source() {
        yield toBytes(quoted ? 'id,notes,tail\n1,"' : 'id,notes,tail\n1,');
        const chunk = new Uint8Array(65536).fill(0x78);
        for (let sent = 0; sent < size; sent += chunk.length) yield chunk;
        yield toBytes(quoted ? '",end\n2,short,x\n' : ',end\n2,short,x\n');
      }
      const records = await collect(source());
      assert.equal(records.length, 3);
      assert.deepEqual(records[1], { record: 2, line: 2, fields: ['1', '', 'end'], tooLong: [1] });
      assert.deepEqual(records[2].fields, ['2', 'short', 'x']);
    }
  });

  test('a field of exactly the default limit is kept', async () => {
    const value = 'v'.repeat(65536);
    const records = await collect(chunksOf(toBytes(`h\n${value}\n`), 4096));
    assert.equal(records[1].fields[0], value);
    assert.deepEqual(records[1].tooLong, []);
  });
});

describe('readCsv: errors', () => {
  test('an empty or blank-only file has no header', async () => {
    const inputs = [[], [0xef, 0xbb, 0xbf], '\n', '\r\n\r\n', '\r\r\n\n', [0xef, 0xbb, 0xbf, 0x0d, 0x0a]];
    for (const input of inputs) {
      const error = await csvError(read(input), 'EMPTY');
      assert.equal(error.message, 'the file is empty: it has no header row');
      assert.deepEqual([error.record, error.line], [1, 1]);
    }
    await csvError(collect([]), 'EMPTY');
  });

  test('an unterminated quote names the record and the line it starts on', async () => {
    const input = 'a,b\n1,2\n\n3,"never\nclosed,\n4,5\n';
    for (const size of [1, 4, 1000]) {
      const error = await csvError(collect(chunksOf(toBytes(input), size)), 'UNTERMINATED_QUOTE');
      assert.deepEqual([error.record, error.line], [3, 4]);
      assert.match(error.message, /^record 3 \(line 4\): field 2 opens a quote that is never closed/);
    }
    const header = await csvError(read('"id,name\n'), 'UNTERMINATED_QUOTE');
    assert.deepEqual([header.record, header.line], [1, 1]);
  });

  test('a closing quote as the very last byte is fine', async () => {
    assert.deepEqual(await rows('a\n"x"'), [['a'], ['x']]);
    assert.deepEqual(await rows('a\n"x"""'), [['a'], ['x"']]);
  });
});

describe('guardCell and unguardCell', () => {
  test('examples', () => {
    const cases = [
      ['=1+1', "'=1+1"],
      ["'=x", "''=x"],
      ["'abc", "'abc"],
      ['+12015550123', "'+12015550123"],
      ['-5', "'-5"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tx', "'\tx"],
      ['\rx', "'\rx"],
      ['', ''],
      ["'", "'"],
      ["''", "''"],
      ['a=b', 'a=b'],
      [' =x', ' =x'],
      ['Ana', 'Ana'],
    ];
    for (const [plain, guarded] of cases) {
      assert.equal(guardCell(plain), guarded, JSON.stringify(plain));
      assert.equal(unguardCell(guarded), plain, JSON.stringify(guarded));
    }
  });

  test('unguardCell leaves a cell that was never guarded alone', () => {
    assert.equal(unguardCell('abc'), 'abc');
    assert.equal(unguardCell("'abc"), "'abc");
    assert.equal(unguardCell('=x'), '=x');
  });

  test('unguardCell(guardCell(s)) === s for generated strings', () => {
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', '\n', ' ', 'a', '1', '"', ',', 'é', '😀'];
    let seed = 1;
    const random = (n) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const strings = [''];
    // Every string of up to four characters over the alphabet, then longer random ones.
    for (let length = 1; length <= 4; length++) {
      const next = [];
      for (const s of strings.filter((t) => [...t].length === length - 1)) for (const c of alphabet) next.push(s + c);
      strings.push(...next);
    }
    for (let k = 0; k < 5000; k++) {
      let s = '';
      const length = random(12);
      for (let j = 0; j < length; j++) s += alphabet[random(alphabet.length)];
      strings.push(s);
    }
    for (const s of strings) {
      const guarded = guardCell(s);
      assert.equal(unguardCell(guarded), s, JSON.stringify(s));
      assert.ok(!/^[=+\-@\t\r]/.test(guarded), `guarded ${JSON.stringify(s)} cannot start a formula`);
    }
    assert.ok(strings.length > 50000);
  });
});

describe('formatCsvRow', () => {
  test('quotes only what needs quoting, ends in CRLF', () => {
    assert.equal(formatCsvRow(['a', 'b c', '']), 'a,b c,\r\n');
    assert.equal(formatCsvRow(['x,y', 'say "hi"', 'a\nb', 'c\rd']), '"x,y","say ""hi""","a\nb","c\rd"\r\n');
    assert.equal(formatCsvRow([' lead', 'trail ', ' ']), '" lead","trail "," "\r\n');
    assert.equal(formatCsvRow(['a;b', 'c,d', 'e\tf'], ';'), '"a;b";"c,d";"e\tf"\r\n');
    assert.equal(formatCsvRow(['1', '2'], '\t'), '1\t2\r\n');
    assert.equal(formatCsvRow(["'=x", 'é😀']), "'=x,é😀\r\n");
  });

  test('a row of one empty field is not written as a blank line', () => {
    assert.equal(formatCsvRow(['']), '""\r\n');
    assert.equal(formatCsvRow(['', '']), ',\r\n');
  });

  test('bad input is refused', () => {
    assert.throws(() => formatCsvRow(['a'], '|'), TypeError);
    assert.throws(() => formatCsvRow([/** @type {any} */ (1)]), TypeError);
  });

  test('readCsv reads back what formatCsvRow writes', async () => {
    const pieces = ['', 'a', 'Ana', ' ', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', 'é', '€', '😀', '中文', '=1+1', "'", 'x y'];
    let seed = 7;
    const random = (n) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const field = () => {
      let s = '';
      const parts = random(5);
      for (let k = 0; k < parts; k++) s += pieces[random(pieces.length)];
      return s;
    };
    for (const delimiter of [',', ';', '\t']) {
      for (let round = 0; round < 20; round++) {
        // Two columns at least, so that the header shows the delimiter (one column: below).
        const width = 2 + random(4);
        const table = [Array.from({ length: width }, (_, k) => `col ${k}`)];
        for (let r = 0; r < 30; r++) table.push(Array.from({ length: 1 + random(6) }, field));
        table.push(['']);
        const text = table.map((row) => formatCsvRow(row, delimiter)).join('');
        const bytes = toBytes(text);
        const records = await collect(asAsync(chunksOf(bytes, 1 + random(40))));
        assert.equal(records[0].delimiter, delimiter);
        assert.deepEqual(records.map((r) => r.fields), table, JSON.stringify(text));
      }
    }
  });

  test('a one-column file reads back whatever its cells hold', async () => {
    const table = [['phone'], ['a,b'], ['c;d'], ['e\tf'], [''], ['"'], ['x\r\ny']];
    for (const delimiter of [',', ';', '\t']) {
      const text = table.map((row) => formatCsvRow(row, delimiter)).join('');
      assert.deepEqual((await read(text)).map((r) => r.fields), table);
    }
  });

  test('a header written with ; whose cells hold commas is read back with ;', async () => {
    const text = formatCsvRow(['city, state', 'zip'], ';') + formatCsvRow(['Austin, TX', '78701'], ';');
    const records = await read(text);
    assert.equal(records[0].delimiter, ';');
    assert.deepEqual(records.map((r) => r.fields), [['city, state', 'zip'], ['Austin, TX', '78701']]);
  });
});

describe('readCsv: size', () => {
  test('200,000 rows of 12 fields', async () => {
    const header = formatCsvRow(['first', 'last', 'phone', 'email', 'address', 'city', 'state', 'zip', 'list', 'status', 'notes', 'id']);
    const lines = [header];
    for (let i = 0; i < 200_000; i++) {
      lines.push(
        `Firstname${i % 97},Lastname${i % 89},+1201555${String(i).padStart(4, '0')},user${i}@example.com,` +
          `"${i} Main St, Apt ${i % 50}",Springfield,IL,${String(62701 + (i % 100))},list-${i % 7},NEW,` +
          `${i % 13 === 0 ? '"said ""call later"""' : 'note'},${i}\r\n`,
      );
    }
    const bytes = toBytes(lines.join(''));
    const chunks = chunksOf(bytes, 65536);
    const started = performance.now();
    let count = 0;
    let fields = 0;
    let last;
    for await (const record of readCsv(asAsync(chunks))) {
      count++;
      fields += record.fields.length;
      last = record;
    }
    const elapsed = performance.now() - started;
    console.log(`parsed ${count} records (${(bytes.length / 1e6).toFixed(1)} MB) in ${elapsed.toFixed(0)} ms`);
    assert.equal(count, 200_001);
    assert.equal(fields, 200_001 * 12);
    assert.deepEqual(last.fields.slice(4, 6), ['199999 Main St, Apt 49', 'Springfield']);
  });
});
