// libphonenumber-js with its metadata cut to the United States and Canada, the slice a
// US/CA-only form would ship. The package's own generator (libphonenumber-metadata-generator)
// downloads Google's XML, so instead the packaged default ("min") metadata is filtered: keep
// the US and CA country entries, list only them under calling code 1, and drop the
// non-geographic numbering plans. The result is used through `libphonenumber-js/core`, which
// takes metadata as its last argument (the library's documented custom-metadata route).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const KEEP = ['US', 'CA'];

export function usCaMetadata() {
  const full = require('libphonenumber-js/metadata.min.json');
  const countries = Object.fromEntries(KEEP.map((code) => [code, full.countries[code]]));
  if (Object.values(countries).some((entry) => !entry)) throw new Error('US or CA missing from libphonenumber-js metadata');
  return {
    version: full.version,
    country_calling_codes: { 1: KEEP },
    countries,
    nonGeographic: {},
  };
}

/** The metadata as an ES module, for bundling (size) and for a fresh process (first call). */
export const usCaMetadataModule = () => `export default ${JSON.stringify(usCaMetadata())};\n`;
