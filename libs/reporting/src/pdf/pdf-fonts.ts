import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The fonts every PDF embeds: DejaVu Sans and DejaVu Sans Bold, which cover Latin, Greek, Cyrillic and Armenian
 * (imported data has names in all of them; the standard PDF fonts stop at Windows-1252). pdfkit embeds only the
 * glyphs a document uses.
 *
 * - `PDF_FONT`, `PDF_BOLD_FONT`: the names to pass to `doc.font()`.
 * - `registerPdfFonts(doc)` makes both known to a new document.
 * - `pdfFontHasCharacter(character)`: whether both fonts draw it (see `FONT_RANGES`).
 *
 * The files are found through the package's own resolution, not a path into `node_modules`, so the built `dist/`
 * tree and the Docker image (which copies `node_modules` beside `dist/`) find them alike.
 */
export const PDF_FONT = 'DejaVuSans';
export const PDF_BOLD_FONT = 'DejaVuSans-Bold';

const require = createRequire(import.meta.url);
const FONT_FILES = {
  [PDF_FONT]: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  [PDF_BOLD_FONT]: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

/** Read once per process: about 700 kB each, and every report uses both. */
let fontData: Record<string, Buffer> | undefined;

function fonts(): Record<string, Buffer> {
  fontData ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))]),
  );
  return fontData;
}

type FontRegistry = { registerFont(name: string, src: Buffer): unknown };

export function registerPdfFonts(doc: FontRegistry): void {
  for (const [name, data] of Object.entries(fonts())) doc.registerFont(name, data);
}

/**
 * Code point ranges (inclusive) that both DejaVu Sans fonts cover whole, per the glyphs of version 2.37: Latin
 * (Basic, Latin-1, Extended-A and -B, IPA, Extended Additional), combining accents, Greek (and Extended),
 * Cyrillic (and most of its supplement), Armenian, punctuation, super- and subscripts, the usual currency and
 * letterlike symbols (€, ₹, ₽, №, ™), number forms, arrows, mathematical operators and geometric shapes. Unassigned code points inside them never occur in valid text.
 */
const FONT_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x2af],
  [0x300, 0x34f],
  [0x370, 0x525],
  [0x531, 0x55f],
  [0x561, 0x587],
  [0x589, 0x58a],
  [0x1e00, 0x1efb],
  [0x1f00, 0x1ffe],
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x202f, 0x205e],
  [0x2070, 0x209f],
  [0x20a0, 0x20b5],
  [0x20b8, 0x20ba],
  [0x20bd, 0x20bd],
  [0x2100, 0x2109],
  [0x210b, 0x2149],
  [0x2150, 0x2185],
  [0x2190, 0x22ff],
  [0x25a0, 0x25ff],
];

export function pdfFontHasCharacter(character: string): boolean {
  const code = character.codePointAt(0)!;
  return FONT_RANGES.some(([first, last]) => code >= first && code <= last);
}
