// Generated from core/src/api/*.rs and core/src/validate/json_schema.rs by
// core/tests/form_fields.rs: do not edit.

/**
 * Each field's JSON Schema type, per request in the validators' order (insert, update,
 * search, get-recordings): a letter per field (`a` is TYPES[0]; upper case: required),
 * in the order the validation module names the fields (`fieldNames`).
 */
export const TYPE_OF = [
  'ABcbbdeefgghijkllmmnmooooooogggggggggggggggggggg',
  'Pbcbbdefggllggggggggggggggg',
  'mqerrrrrrrrrrrrgggggggggggggggggggggggg',
  'Pssmt',
];

/** The JSON Schema types: [input, output], or [both] when the input is the output. */
export const TYPES = [
  [{"anyOf":[{"type":"string","pattern":"[^\\t\\n\\f\\r ]"},{"type":"number"}]}, {"type":"string","pattern":"^[^\\t\\n\\f\\r ]([\\s\\S]*[^\\t\\n\\f\\r ])?$"}],
  [{"anyOf":[{"type":"string","pattern":"^[-+.()/ \\t\\u00a0\\u2010-\\u2015\\u2212\\u3000\\uff08\\uff09\\uff0b\\uff0d\\uff0e]*([0-9\\uff10-\\uff19][-+.()/ \\t\\u00a0\\u2010-\\u2015\\u2212\\u3000\\uff08\\uff09\\uff0b\\uff0d\\uff0e]*){1,15}$"},{"type":"integer","minimum":0,"maximum":999999999999999}]}, {"type":"string","pattern":"^[0-9]{1,15}$"}],
  [{"anyOf":[{"type":"string","pattern":"^[\\t\\n\\f\\r ]*\\+?[1-9][0-9]{0,2}[\\t\\n\\f\\r ]*$"},{"type":"integer","minimum":1,"maximum":999}]}, {"type":"string","pattern":"^[1-9][0-9]{0,2}$"}],
  [{"type":"string","pattern":"^[\\t\\n\\f\\r -~]*$"}, {"type":"string","pattern":"^[^\\t\\n\\f\\r ]([\\t\\n\\f\\r -~]*[^\\t\\n\\f\\r ])?$"}],
  [{"type":"string","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}],
  [{"type":"string","pattern":"^[A-Za-z]{2}$"}],
  [{"type":["string","number"]}, {"type":"string","pattern":"^[^\\t\\n\\f\\r ]([\\s\\S]*[^\\t\\n\\f\\r ])?$"}],
  [{"anyOf":[{"type":"integer","minimum":0,"maximum":4},{"type":"string","pattern":"^[\\t\\n\\f\\r ]*(\\+?0*[0-4]|-0+)[\\t\\n\\f\\r ]*$"}]}, {"anyOf":[{"type":"integer","minimum":0,"maximum":4},{"type":"string","pattern":"^(\\+?0*[0-4]|-0+)$"}]}],
  [{"anyOf":[{"type":"integer","minimum":0,"maximum":99},{"type":"string","pattern":"^[\\t\\n\\f\\r ]*(\\+?0*[0-9]{1,2}|-0+)[\\t\\n\\f\\r ]*$"}]}, {"anyOf":[{"type":"integer","minimum":0,"maximum":99},{"type":"string","pattern":"^(\\+?0*[0-9]{1,2}|-0+)$"}]}],
  [{"anyOf":[{"type":"integer","minimum":0,"maximum":300},{"type":"string","pattern":"^[\\t\\n\\f\\r ]*(\\+?0*([0-9]{1,2}|[12][0-9]{2}|300)|-0+)[\\t\\n\\f\\r ]*$"}]}, {"anyOf":[{"type":"integer","minimum":0,"maximum":300},{"type":"string","pattern":"^(\\+?0*([0-9]{1,2}|[12][0-9]{2}|300)|-0+)$"}]}],
  [{"type":"string","pattern":"^[\\t\\n\\f\\r ]*(MOBILE|VOIP|LANDLINE)[\\t\\n\\f\\r ]*(,[\\t\\n\\f\\r ]*(MOBILE|VOIP|LANDLINE)[\\t\\n\\f\\r ]*)*$"}],
  [{"anyOf":[{"type":"number"},{"type":"string","pattern":"^[\\t\\n\\f\\r ]*[+-]?[0-9]+(\\.[0-9]+)?[\\t\\n\\f\\r ]*$"}]}, {"anyOf":[{"type":"number"},{"type":"string","pattern":"^[+-]?[0-9]+(\\.[0-9]+)?$"}]}],
  [{"anyOf":[{"type":"integer","minimum":0},{"type":"string","pattern":"^[\\t\\n\\f\\r ]*(\\+?[0-9]+|-0+)[\\t\\n\\f\\r ]*$"}]}, {"anyOf":[{"type":"integer","minimum":0},{"type":"string","pattern":"^(\\+?[0-9]+|-0+)$"}]}],
  [{"type":"string","pattern":"^(ASC|DESC)$"}],
  [{"type":["boolean","number","string"]}],
  [{"anyOf":[{"type":"string","pattern":"^[\\t\\n\\f\\r ]*[0-9]+[\\t\\n\\f\\r ]*$"},{"type":"integer","minimum":0}]}, {"type":"string","pattern":"^[0-9]+$"}],
  [{"anyOf":[{"type":"integer","minimum":1,"maximum":2000},{"type":"string","pattern":"^[\\t\\n\\f\\r ]*(\\+?0*([1-9][0-9]{0,2}|1[0-9]{3}|2000)|-0+)[\\t\\n\\f\\r ]*$"}]}, {"anyOf":[{"type":"integer","minimum":1,"maximum":2000},{"type":"string","pattern":"^(\\+?0*([1-9][0-9]{0,2}|1[0-9]{3}|2000)|-0+)$"}]}],
  [{"type":"string","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])( ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?$"}],
  [{"type":"string","pattern":"^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"}],
  [{"anyOf":[{"type":"integer","minimum":1,"maximum":100},{"type":"string","pattern":"^[\\t\\n\\f\\r ]*(\\+?0*([1-9][0-9]?|100)|-0+)[\\t\\n\\f\\r ]*$"}]}, {"anyOf":[{"type":"integer","minimum":1,"maximum":100},{"type":"string","pattern":"^(\\+?0*([1-9][0-9]?|100)|-0+)$"}]}],
];
