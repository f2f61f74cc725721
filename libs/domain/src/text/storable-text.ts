// Code units PostgreSQL text cannot hold: NUL, and a surrogate without its pair (not Unicode text at all; the
// driver would silently store U+FFFD instead). Matched on UTF-16 code units, hence no `u` flag.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this rule looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `text` can be stored and read back unchanged: no NUL character and no lone surrogate. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}
