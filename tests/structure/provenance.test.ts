/**
 * Provenance: every record of the fixture report has a box, in report.json's records and in
 * boxes.csv, and each paragraph's box holds the words of its first line as the PDF prints them
 * (read back with the project's own loader, not from the extraction).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocument } from '../../src/export/write.js';
import { openPdf, readPdfPage } from '../../src/load/pdf.js';
import { textToPages, toTextGrid } from '../../src/load/text.js';
import type { ExtractedDocument } from '../../src/model/document.js';
import type { Word } from '../../src/model/page.js';
import { extractFile } from '../../src/pipeline.js';
import { blockKey, cellKey, pieces } from '../../src/structure/provenance.js';
import { BoxSchema, columnsOf } from '../../src/validate/schemas.js';
import { useTempDir } from '../evaluate/helpers/temp.js';

const PDF = 'fixtures/mc2278/report.pdf';
const tempDir = useTempDir('provenance');

describe('pieces', () => {
  const line = (page: number, y0: number, col = 0) => ({ page, col, x0: 10, x1: 100, y0, y1: y0 + 10 });
  it('keeps a record in one box while its lines follow each other, and cuts it at a page, a column or a gap', () => {
    expect(pieces([line(1, 0), line(1, 12), line(1, 24)])).toEqual([{ page: 1, x0: 10, x1: 100, y0: 0, y1: 34 }]);
    expect(pieces([line(1, 700), line(2, 50)]).map((p) => p.page)).toEqual([1, 2]);
    expect(pieces([line(1, 700), line(1, 100, 1)])).toHaveLength(2);
    // Two lines with a table set between them.
    expect(pieces([line(1, 100), line(1, 300)])).toHaveLength(2);
  });
});

describe('character-grid boxes of a text dump', () => {
  it('give a word its columns and its line on the page', () => {
    const [page] = textToPages('Title\n\n  some words here\n');
    const w = page.words.find((x) => x.text === 'words')!;
    expect(toTextGrid(w)).toMatchObject({ x0: 7, x1: 12, y0: 2, y1: 3 });
  });
});

describe('boxes of report.pdf', () => {
  let doc: ExtractedDocument;
  let dir: string;
  beforeAll(async () => {
    doc = await extractFile(PDF);
    dir = await writeDocument(await tempDir(), doc);
  }, 240_000);

  it('gives every record at least one box, in boxes.csv and in report.json', async () => {
    const keys = new Set(doc.boxes.map((b) => `${b.record_kind} ${b.record_id}`));
    const records = [
      ...doc.paragraphs.map((p) => `paragraph ${p.number}`),
      ...doc.headings.map((_, i) => `heading ${i + 1}`),
      ...doc.footnotes.map((f) => `footnote ${f.number}`),
      ...doc.blocks.map((b) => `block ${blockKey(b)}`),
      ...doc.tables.map((t) => `table ${t.record.table_id}`),
      ...doc.tables.flatMap((t) => t.cells.map((c) => `cell ${cellKey(c)}`)),
    ];
    expect(records.length).toBeGreaterThan(1000);
    expect(records.filter((k) => !keys.has(k))).toEqual([]);
    for (const b of doc.boxes) expect(BoxSchema.safeParse(b).success).toBe(true);

    const csv = (await readFile(join(dir, 'boxes.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv[0]).toBe(columnsOf(BoxSchema).join(','));
    expect(csv).toHaveLength(doc.boxes.length + 1);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    const json = report.records;
    const unboxed = [...json.paragraphs, ...json.headings, ...json.footnotes, ...json.blocks, ...json.tables, ...json.tables.flatMap((t: { cells: unknown[] }) => t.cells)].filter(
      (r: { boxes: unknown[] }) => !r.boxes.length,
    );
    expect(unboxed).toEqual([]);
  });

  it("places each footnote's mark inside the record that carries it", () => {
    const linked = doc.footnotes.filter((f) => f.paragraph !== null);
    expect(linked.length).toBeGreaterThan(10);
    const astray: string[] = [];
    for (const f of linked) {
      const mark = doc.boxes.find((b) => b.record_kind === 'mark' && b.record_id === String(f.number));
      if (!mark) {
        astray.push(`note ${f.number}: no mark box`);
        continue;
      }
      const cx = (mark.x0 + mark.x1) / 2;
      const cy = (mark.y0 + mark.y1) / 2;
      const h = mark.y1 - mark.y0;
      // The carrier: a block (a list item, a box's point) whose text has the mark, else the paragraph.
      const blocks = new Set(doc.blocks.filter((b) => b.footnotes.includes(f.number)).map(blockKey));
      const carrier = (b: (typeof doc.boxes)[number]) =>
        blocks.size ? b.record_kind === 'block' && blocks.has(b.record_id) : b.record_kind === 'paragraph' && b.record_id === String(f.paragraph);
      const holder = doc.boxes.filter((b) => carrier(b) && b.page === mark.page);
      // A raised mark may stand just past the line's last word or above its top.
      if (!holder.some((b) => cx >= b.x0 - h && cx <= b.x1 + h && cy >= b.y0 - h && cy <= b.y1)) astray.push(`note ${f.number}: mark at ${cx},${cy} p${mark.page}`);
    }
    expect(astray).toEqual([]);
  });

  it("holds the words of each paragraph's first line, as the PDF prints them", async () => {
    const pdf = await openPdf(new Uint8Array(await readFile(PDF)));
    const words = new Map<number, Word[]>();
    const wordsOf = async (n: number) => words.get(n) ?? words.set(n, (await readPdfPage(await pdf.getPage(n))).words).get(n)!;
    const outside: string[] = [];
    for (const p of doc.paragraphs) {
      const box = doc.boxes.find((b) => b.record_kind === 'paragraph' && b.record_id === String(p.number) && b.piece === 0)!;
      expect(box.page).toBe(p.page);
      const first = firstLine(await wordsOf(box.page), p.number, p.text);
      expect(first, `paragraph ${p.number}: its first line on page ${box.page}`).not.toBeNull();
      for (const w of first!) {
        const inside = w.x0 >= box.x0 - 0.5 && w.x1 <= box.x1 + 0.5 && w.y0 >= box.y0 - 0.5 && w.y1 <= box.y1 + 0.5;
        if (!inside) outside.push(`${p.number}: "${w.text}"`);
      }
    }
    await pdf.destroy();
    expect(outside).toEqual([]);
  }, 120_000);
});

/**
 * The paragraph's first printed line: its number label, then the words on that baseline that
 * spell the start of its text (up to a column-wide gap).
 */
function firstLine(words: Word[], n: number, text: string): Word[] | null {
  const start = text.split(' ')[0];
  for (const label of words.filter((w) => w.text === `${n}.`)) {
    const row = words
      .filter((w) => w.x0 > label.x0 && Math.abs(w.base - label.base) < 0.3 * label.size && w.size > 0.8 * label.size)
      .sort((a, b) => a.x0 - b.x0);
    if (!row.length || !start.startsWith(row[0].text)) continue;
    const line = [label, row[0]];
    for (const w of row.slice(1)) {
      if (w.x0 - line[line.length - 1].x1 > 2 * label.size) break;
      line.push(w);
    }
    return line;
  }
  return null;
}

describe('boxes of report.txt (a text dump)', () => {
  it("puts every table cell on the dump's character grid, where its words are printed", async () => {
    const TXT = 'fixtures/mc2278/report.txt';
    const doc = await extractFile(TXT);
    // The dump's pages as the loader cuts them, as rows of characters.
    const pages = textToPages(await readFile(TXT, 'utf8')).map((p) => {
      const rows: string[] = [];
      for (const w of p.words) {
        const g = toTextGrid(w);
        const row = (rows[g.y0] ?? '').padEnd(g.x1);
        rows[g.y0] = row.slice(0, g.x0) + w.text + row.slice(g.x1);
      }
      return rows;
    });
    const cells = doc.tables.flatMap((t) => t.cells);
    expect(cells.length).toBeGreaterThan(1000);
    const box = new Map(doc.boxes.filter((b) => b.record_kind === 'cell').map((b) => [b.record_id, b]));
    const wrong: string[] = [];
    for (const c of cells) {
      const b = box.get(cellKey(c));
      if (!b) {
        wrong.push(`${cellKey(c)} "${c.text}": no box`);
        continue;
      }
      const rows = pages[b.page - 1].slice(b.y0, b.y1).map((r) => (r ?? '').slice(b.x0, b.x1));
      const inside = rows.join(' ').replace(/-\s+/g, '-').replace(/\s+/g, ' ');
      // Every word of the cell is printed inside its box (a word broken at a hyphen counts whole).
      const missing = c.text.split(/\s+/).filter((w) => !inside.includes(w) && !inside.replace(/-\s?/g, '').includes(w.replace(/-/g, '')));
      if (missing.length) wrong.push(`${cellKey(c)} "${c.text}": box holds "${inside}"`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
