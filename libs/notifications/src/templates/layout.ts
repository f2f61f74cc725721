// One email, written once as blocks and rendered twice: as plain text and as simple, inline-styled HTML. Both
// parts come from the same blocks, so they carry the same facts. Every piece of text is escaped here, at the one
// place that writes HTML; messages and inputs never carry markup.
import { escapeHtml } from './format.js';
import type { EmailLocale } from './messages/index.js';
import type { RenderedEmail } from './types.js';

/** How a table cell is highlighted; the words always say the same, colour is never the only signal. */
export type Tone = 'danger' | 'warning' | 'neutral';
export type Cell = string | { text: string; tone: Tone };
/** A table row: its first cell names the row. */
export type Row = Cell[];

export type Block =
  | { kind: 'paragraph'; text: string }
  /** The action the recipient is asked to take, set apart. */
  | { kind: 'notice'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; ordered: boolean; items: { text: string; code?: string[] }[] }
  | { kind: 'table'; caption: string; columns: string[]; rows: Row[] }
  | { kind: 'link'; label: string; url: string };

export type EmailDocument = {
  locale: EmailLocale;
  subject: string;
  greeting: string;
  blocks: Block[];
  closing: string;
  signature: string;
  footer: string;
};

export function renderEmail(document: EmailDocument): RenderedEmail {
  return { subject: document.subject, text: renderText(document), html: renderHtml(document) };
}

// ---------------------------------------------------------------------------------------------------------------
// Plain text.

const cellText = (cell: Cell) => (typeof cell === 'string' ? cell : cell.text);

function textBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'notice':
      return block.text;
    case 'heading':
      return `${block.text}\n${'-'.repeat([...block.text].length)}`;
    case 'list': {
      // Items with code are set apart by blank lines; the code is indented, as mail readers show it verbatim.
      const items = block.items.map((item, index) => {
        const marker = block.ordered ? `${index + 1}. ` : '- ';
        const code = item.code?.map((line) => (line === '' ? '' : `    ${line}`)).join('\n');
        return code === undefined ? `${marker}${item.text}` : `${marker}${item.text}\n\n${code}`;
      });
      return items.join(block.items.some((item) => item.code) ? '\n\n' : '\n');
    }
    case 'table':
      // A table reads as one entry per row: the row's name, then each column's label and value (or, with two
      // columns, the value on the same line).
      return [
        block.caption,
        ...block.rows.map((row) =>
          row.length === 2
            ? `- ${cellText(row[0]!)}: ${cellText(row[1]!)}`
            : [
                `- ${cellText(row[0]!)}`,
                ...row.slice(1).map((cell, index) => `    ${block.columns[index + 1]}: ${cellText(cell)}`),
              ].join('\n'),
        ),
      ].join('\n');
    case 'link':
      return `${block.label}:\n${block.url}`;
  }
}

function renderText(document: EmailDocument): string {
  return [
    document.greeting,
    ...document.blocks.map(textBlock),
    `${document.closing}\n${document.signature}`,
    `-- \n${document.footer}`,
  ]
    .join('\n\n')
    .concat('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// HTML: no scripts, no external assets, styles inline (mail clients drop <style> and linked sheets).

const COLOURS = { text: '#1f2933', muted: '#52606d', border: '#cbd2d9', header: '#f0f4f8', link: '#0b5cad' };
const TONES: Record<Tone, string> = { danger: '#b42318', warning: '#93370d', neutral: COLOURS.text };
const CELL = `padding:8px 10px;border:1px solid ${COLOURS.border};text-align:left;vertical-align:top;`;
const PARAGRAPH = 'margin:0 0 16px 0;';
const CODE = `margin:8px 0 12px 0;padding:10px 12px;background-color:${COLOURS.header};font-family:Consolas,Menlo,monospace;font-size:13px;white-space:pre-wrap;word-break:break-all;`;

function htmlCell(cell: Cell, tag: 'td' | 'th'): string {
  const scope = tag === 'th' ? ' scope="row"' : '';
  const style =
    typeof cell === 'string'
      ? tag === 'th'
        ? 'font-weight:normal;'
        : ''
      : `font-weight:bold;color:${TONES[cell.tone]};`;
  return `<${tag}${scope} style="${CELL}${style}">${escapeHtml(cellText(cell))}</${tag}>`;
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${PARAGRAPH}">${escapeHtml(block.text)}</p>`;
    case 'notice':
      return `<p style="${PARAGRAPH}padding:12px 14px;border-left:4px solid ${TONES.danger};background-color:#fef3f2;font-weight:bold;">${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h2 style="margin:24px 0 12px 0;font-size:17px;">${escapeHtml(block.text)}</h2>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => {
        const code = item.code ? `<pre style="${CODE}">${escapeHtml(item.code.join('\n'))}</pre>` : '';
        return `<li style="margin:0 0 8px 0;">${escapeHtml(item.text)}${code}</li>`;
      });
      return `<${tag} style="margin:0 0 16px 0;padding-left:24px;">${items.join('')}</${tag}>`;
    }
    case 'table': {
      const head = block.columns
        .map(
          (column) => `<th scope="col" style="${CELL}background-color:${COLOURS.header};">${escapeHtml(column)}</th>`,
        )
        .join('');
      const rowHtml = ([name, ...cells]: Row) =>
        `<tr>${htmlCell(name!, 'th')}${cells.map((cell) => htmlCell(cell, 'td')).join('')}</tr>`;
      const body = block.rows.map(rowHtml).join('\n');
      return [
        `<table style="border-collapse:collapse;width:100%;margin:0 0 16px 0;font-size:14px;">`,
        `<caption style="text-align:left;font-weight:bold;padding:0 0 8px 0;">${escapeHtml(block.caption)}</caption>`,
        `<thead><tr>${head}</tr></thead>`,
        `<tbody>\n${body}\n</tbody>`,
        '</table>',
      ].join('\n');
    }
    case 'link':
      return `<p style="${PARAGRAPH}"><a href="${escapeHtml(block.url)}" style="color:${COLOURS.link};font-weight:bold;">${escapeHtml(block.label)}</a></p>`;
  }
}

function renderHtml(document: EmailDocument): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${document.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.subject)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background-color:#ffffff;">`,
    `<div style="max-width:680px;margin:0 auto;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:${COLOURS.text};">`,
    `<p style="${PARAGRAPH}">${escapeHtml(document.greeting)}</p>`,
    ...document.blocks.map(htmlBlock),
    `<p style="${PARAGRAPH}">${escapeHtml(document.closing)}<br>${escapeHtml(document.signature)}</p>`,
    `<hr style="border:none;border-top:1px solid ${COLOURS.border};margin:24px 0 12px 0;">`,
    `<p style="margin:0;font-size:13px;color:${COLOURS.muted};">${escapeHtml(document.footer)}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
