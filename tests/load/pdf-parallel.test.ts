import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/model/page.js';
import { openPdf } from '../../src/load/pdf.js';
import type { PDFDocumentProxy } from '../../src/load/pdfjs/index.js';
import { prepareReaders, readPages } from '../../src/load/pdf-parallel.js';

const file = path.resolve(__dirname, '../../fixtures/mc2278/report.pdf');

/** The first 48 pages: enough for three threads (at least 16 pages each). */
async function read(data: Uint8Array, threads: number): Promise<Page[]> {
  const doc = await openPdf(data.slice());
  try {
    const pages: Page[] = [];
    for await (const { page } of readPages(doc, data, 48, { threads, minPagesPerNewThread: 16 })) pages.push(page);
    return pages;
  } finally {
    await doc.destroy();
  }
}

describe('readPages with reader threads', () => {
  const data = new Uint8Array(readFileSync(file));

  it('gives the same pages, in order, as reading on one thread', async () => {
    const one = await read(data, 1);
    const three = await read(data, 3);
    expect(three.map((p) => p.number)).toEqual(one.map((p) => p.number));
    expect(three).toEqual(one);
  });

  it('fails on the first page a reader could not read, without waiting for the rest', async () => {
    // A reader that is ready takes its blocks at once: the second block is the reader's.
    await prepareReaders(1);
    const doc = await openPdf(data.slice());
    const seen: number[] = [];
    // The readers get bytes that are not a PDF; this thread's document is fine.
    const garbage = new TextEncoder().encode('not a pdf at all');
    await expect(
      (async () => {
        for await (const { page } of readPages(doc, garbage, 48, { threads: 2 })) seen.push(page.number);
      })(),
    ).rejects.toThrow();
    await doc.destroy();
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it("lets the readers' messages in while this thread reads its own blocks", async () => {
    // A document whose pages read in microtasks only, as pdf.js's do on this thread: without a
    // turn of the event loop between blocks, a reader that gets ready meanwhile is never heard
    // from (nor is this callback) until the whole document is read here.
    const page = (n: number) => ({
      pageNumber: n,
      rotate: 0,
      getViewport: () => ({ width: 600, height: 800, transform: [1, 0, 0, -1, 0, 800] }),
      getOperatorList: async () => ({ fnArray: [], argsArray: [] }),
      cleanup: () => {},
    });
    const doc = { getPage: async (n: number) => page(n) } as unknown as PDFDocumentProxy;
    let taken = 0;
    let heardAt = -1;
    setImmediate(() => (heardAt = taken));
    for await (const r of readPages(doc, data, 48, { threads: 2, minPagesPerNewThread: 16 })) taken = r.page.number;
    expect(taken).toBe(48);
    expect(heardAt).toBeGreaterThanOrEqual(0);
    expect(heardAt).toBeLessThanOrEqual(4);
  });

  it('lets this thread read while a reader is still starting', async () => {
    const doc = await openPdf(data.slice());
    const pages: number[] = [];
    // A fresh reader takes a while to load pdf.js; the first block is read here meanwhile.
    for await (const { page } of readPages(doc, data, 48, { threads: 4, minPagesPerNewThread: 16 })) pages.push(page.number);
    await doc.destroy();
    expect(pages).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
  });
});
