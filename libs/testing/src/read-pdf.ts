/** A PDF as a reader finds it: its pages' text (one text run a line), their sizes in points, its metadata. */
export type PdfContent = {
  pages: string[];
  text: string;
  pageSizes: { width: number; height: number }[];
  title: string | null;
  author: string | null;
};

/** Reads a PDF back with pdfjs-dist, loaded on first use so that other tests and benchmarks do not pay for it. */
export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // verbosity 0: errors only; text extraction needs no font files, which pdfjs would warn about.
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const pageSizes: { width: number; height: number }[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const [left, bottom, right, top] = page.view;
      pageSizes.push({ width: Math.round(right - left), height: Math.round(top - bottom) });
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .filter((text) => text.trim() !== '')
          .join('\n'),
      );
    }
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Author?: string } };
    return { pages, text: pages.join('\n'), pageSizes, title: info.Title ?? null, author: info.Author ?? null };
  } finally {
    await pdf.destroy();
  }
}
