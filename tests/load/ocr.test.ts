import dns from 'node:dns';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from '../../src/load/pdfjs/index.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page, Rule, Word } from '../../src/model/page.js';
import { derotate } from '../../src/load/deskew.js';
import { parseHocr, type OcrLine } from '../../src/load/hocr.js';
import { OcrPool, textLayerUsable } from '../../src/load/ocr.js';
import { ocrSkew, ocrWords } from '../../src/load/ocr-words.js';
import { binarise, binarisePage, rgbaToGrey, toPbm, type GreyImage } from '../../src/load/raster.js';
import { pageGraphics, renderDpi, renderPage, scanRaster } from '../../src/load/render.js';
import { detectRules, ruleInPoints } from '../../src/load/rules.js';

const A4 = { width: 595.44, height: 842.04 };

/** Words set in 12 pt lines between 72 and 520 pt, like a text layer would give them. */
function layerWords(text: string): Word[] {
  let x = 72;
  let base = 100;
  return text.split(/\s+/).filter(Boolean).map((t) => {
    if (x + t.length * 6 > 520) {
      x = 72;
      base += 14;
    }
    const w = { text: t, x0: x, x1: x + t.length * 6, y0: base - 9.6, y1: base + 2.4, base, size: 12, font: 'Times', bold: false, italic: false };
    x = w.x1 + 3;
    return w;
  });
}

const PROSE =
  'The Organization continued to inform Member States about its activities and to consult them on matters having budgetary or financial implications, as well as on issues concerning policies and programmes';

describe('textLayerUsable', () => {
  it('rejects a page without text', () => {
    expect(textLayerUsable([], A4, 0)).toEqual({ usable: false, reason: 'no text layer' });
  });

  it('rejects almost no text on a page covered by an image, but keeps it on a plain page', () => {
    const stamp = layerWords('MC/2278 Page 7');
    expect(textLayerUsable(stamp, A4, A4.width * A4.height).usable).toBe(false);
    expect(textLayerUsable(stamp, A4, 0).usable).toBe(true);
  });

  it('accepts ordinary prose with acronyms, possessives and numbers', () => {
    const v = textLayerUsable(layerWords(`${PROSE} of IOM's SCPF and TCM in 2008: USD 1,013 million (33%).`), A4, 0);
    expect(v).toEqual({ usable: true, reason: 'text layer looks sound' });
  });

  it('rejects replacement and private-use characters', () => {
    const v = textLayerUsable(layerWords(`${PROSE} \uFFFD\uFFFD\uFFFD\uE001\uE002\uE003\uE004\uE005\uE006\uE007\uE008\uE009\uE00A\uE00B`), A4, 0);
    expect(v.usable).toBe(false);
    expect(v.reason).toMatch(/replacement, control or private-use/);
  });

  it('rejects symbol soup from fonts without a Unicode map', () => {
    expect(textLayerUsable(layerWords('!"#$ %&\'( )*+, -./: ;<=> ?@[\\ ]^_` {|}~ !"#$ %&\'( )*+, word'), A4, 0).usable).toBe(false);
  });

  it('rejects tokens that do not look like words', () => {
    const junk = 'Xqwrtz bcdfgh Tkkkp zzzrq mnbvcx QwRtY pltkrs hjklmn vvvbb ccxzq Thq rrrst';
    const v = textLayerUsable(layerWords(junk), A4, 0);
    expect(v.usable).toBe(false);
    expect(v.reason).toMatch(/look like words/);
  });

  it('is stricter over a covering image, where text is an earlier OCR', () => {
    // About 70 % word-like: passable as a born-digital layer, not as hidden OCR over a scan.
    const words = layerWords(`${PROSE} Xqwrtz bcdfgh Tkkkp zzzrq mnbvcx QwRtY pltkrs hjklmn vvvbb ccxzq Thq rrrst`);
    expect(textLayerUsable(words, A4, 0).usable).toBe(true);
    const v = textLayerUsable(words, A4, A4.width * A4.height);
    expect(v.usable).toBe(false);
    expect(v.reason).toMatch(/previous OCR/);
  });

  it('rejects words placed off the page', () => {
    const words = layerWords(PROSE).map((w, i) => (i % 2 ? { ...w, x0: w.x0 + 2000, x1: w.x1 + 2000 } : w));
    expect(textLayerUsable(words, A4, 0).reason).toMatch(/off the page/);
  });
});

describe('parseHocr', () => {
  it('reads lines with their baseline, words with confidence, and glyph boxes', () => {
    const hocr = `<div class='ocr_page' id='page_1' title='image "x"; bbox 0 0 800 600'>
   <span class='ocr_header' id='line_1_1' title="bbox 100 50 300 80; baseline 0.01 -6; x_size 31; x_descenders 7; x_ascenders 7">
    <span class='ocrx_word' id='word_1_1' title='bbox 100 50 160 74; x_wconf 93'>
     <span class='ocrx_cinfo' title='x_bboxes 100 50 130 74; x_conf 98.1'>A</span>
     <span class='ocrx_cinfo' title='x_bboxes 132 66 140 74; x_conf 97'>.</span>
    </span>
    <span class='ocrx_word' id='word_1_2' title='bbox 170 52 200 74; x_wconf 88'>
     <span class='ocrx_cinfo' title='x_bboxes 170 52 200 74; x_conf 88'>&amp;</span>
    </span>
   </span>
   <span class='ocr_line' id='line_1_2' title="bbox 100 100 120 130; baseline 0 0; x_size 30">
    <span class='ocrx_word' id='word_1_3' title='bbox 100 100 120 130; x_wconf 71'>
     <span class='ocrx_cinfo' title='x_bboxes 100 100 120 130; x_conf 71'>&lt;</span>
    </span>
   </span>
</div>`;
    const lines = parseHocr(hocr);
    expect(lines).toHaveLength(2);
    expect(lines[0].baseline).toEqual({ x0: 100, y0: 74, x1: 300, y1: 76 });
    expect(lines[0].rowHeight).toBe(31);
    expect(lines[0].words.map((w) => [w.text, w.conf])).toEqual([['A.', 93], ['&', 88]]);
    expect(lines[0].words[0].symbols[1]).toEqual({ text: '.', bbox: { x0: 132, y0: 66, x1: 140, y1: 74 } });
    expect(lines[1].words[0].text).toBe('<');
  });
});

describe('binarisePage', () => {
  /** A 1200 × 1600 paper-toned page with noise; `ink` draws dark strokes into it. */
  function paper(ink: (set: (x: number, y: number) => void) => void): GreyImage {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const data = Uint8Array.from({ length: 1200 * 1600 }, () => 238 + Math.floor(rnd() * 14));
    ink((x, y) => (data[y * 1200 + x] = 30));
    return { width: 1200, height: 1600, data };
  }

  it('finds no content on a blank, noisy page', () => {
    expect(binarisePage(paper(() => {}), 200).box).toBeNull();
  });

  it('still finds a lone page number, too little ink for Otsu', () => {
    const img = paper((set) => {
      for (let x = 1000; x < 1060; x++) if (x % 9 < 3) for (let y = 100; y < 120; y++) set(x, y);
    });
    expect(binarisePage(img, 200).box).toEqual({ x0: 984, y0: 84, x1: 1072, y1: 136 });
  });

  it('crops to the text block, ignoring specks in the margin', () => {
    const img = paper((set) => {
      for (let y = 400; y < 600; y += 30) for (let x = 300; x < 900; x++) if (x % 9 < 4) for (let d = 0; d < 20; d++) set(x, y + d);
      set(50, 50);
      set(1150, 1500);
      set(1151, 1500);
    });
    // Ink spans x 300..894 and y 400..599, padded by 0.08 inch (16 px at 200 dpi).
    expect(binarisePage(img, 200).box).toEqual({ x0: 284, y0: 384, x1: 911, y1: 616 });
  });

  it('packs 1-bit PBM rows for tesseract', () => {
    const pbm = toPbm({ width: 10, height: 2, data: Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) });
    expect(new TextDecoder().decode(pbm.subarray(0, 8))).toBe('P4\n10 2\n');
    expect([...pbm.subarray(8)]).toEqual([0b10000001, 0b10000000, 0, 0b01000000]);
    // A box of the image: only its pixels, rows starting at the box's left edge.
    const crop = toPbm({ width: 10, height: 2, data: Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) }, { x0: 7, y0: 0, x1: 10, y1: 2 });
    expect(new TextDecoder().decode(crop.subarray(0, 7))).toBe('P4\n3 2\n');
    expect([...crop.subarray(7)]).toEqual([0b11000000, 0b00100000]);
  });
});

describe('detectRules', () => {
  const dpi = 200;
  /** A 6 × 8 inch page with rules, a box, and things that must not come out as rules. */
  function drawPage(angleDeg: number) {
    const canvas = createCanvas(1200, 1600);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#f4f1ea';
    ctx.fillRect(0, 0, 1200, 1600);
    ctx.translate(600, 800);
    ctx.rotate((angleDeg * Math.PI) / 180);
    ctx.translate(-600, -800);
    ctx.fillStyle = '#222';
    ctx.strokeStyle = '#222';
    ctx.fillRect(100, 300, 800, 2); // horizontal rule
    ctx.fillRect(150, 400, 2, 600); // vertical rule
    ctx.lineWidth = 2;
    ctx.strokeRect(300, 500, 500, 300); // bordered box
    for (let x = 100; x < 900; x += 15) ctx.fillRect(x, 1100, 10, 2); // dashed line
    ctx.fillRect(100, 1200, 800, 40); // filled bar
    for (let x = 100; x < 700; x += 6) ctx.fillRect(x, 1300, 4, 30); // dense "text" stems
    ctx.font = 'bold 40px serif';
    ctx.fillText('Technical Cooperation on Migration', 100, 1450);
    const rgba = ctx.getImageData(0, 0, 1200, 1600).data;
    return binarise(rgbaToGrey(rgba, 1200, 1600));
  }
  const summary = (rules: Rule[]) =>
    rules
      .map((r) => `${r.kind} ${Math.round(r.x0)}-${Math.round(r.x1)} ${Math.round(r.y0)}-${Math.round(r.y1)}`)
      .sort();
  const k = 72 / dpi;
  const expected = [
    `h ${Math.round(100 * k)}-${Math.round(900 * k)} ${Math.round(300 * k)}-${Math.round(302 * k)}`,
    `v ${Math.round(150 * k)}-${Math.round(152 * k)} ${Math.round(400 * k)}-${Math.round(1000 * k)}`,
  ];

  it('finds rules and box edges, not dashes, bars or text', () => {
    const bin = drawPage(0);
    const rules = detectRules(bin, dpi).map((r) => ruleInPoints(r, { x: 600, y: 800 }, 0, dpi));
    expect(rules.filter((r) => r.kind === 'h')).toHaveLength(3);
    expect(rules.filter((r) => r.kind === 'v')).toHaveLength(3);
    const got = summary(rules);
    for (const e of expected) expect(got).toContain(e);
    // The box: two horizontal edges and two vertical ones meeting at its corners.
    const hs = rules.filter((r) => r.kind === 'h' && r.y0 > 150);
    const vs = rules.filter((r) => r.kind === 'v' && r.x0 > 100);
    for (const h of hs) expect([h.x0, h.x1].map(Math.round)).toEqual([108, 288]);
    for (const v of vs) expect([v.y0, v.y1].map(Math.round)).toEqual([180, 288]);
  });

  it('follows the page skew so a tilted rule is one rule, back in upright coordinates', () => {
    const angle = (0.8 * Math.PI) / 180;
    const bin = drawPage(0.8);
    const rules = detectRules(bin, dpi, angle).map((r) => ruleInPoints(r, { x: 600, y: 800 }, angle, dpi));
    expect(rules.filter((r) => r.kind === 'h')).toHaveLength(3);
    expect(rules.filter((r) => r.kind === 'v')).toHaveLength(3);
    const long = rules.find((r) => r.kind === 'h' && r.x1 - r.x0 > 250)!;
    expect(long.x0).toBeCloseTo(100 * k, 0);
    expect(long.x1).toBeCloseTo(900 * k, 0);
    expect((long.y0 + long.y1) / 2).toBeCloseTo(301 * k, 0);
    // Scanned without the skew, the tilted 800 px rule breaks into short steps and is lost.
    expect(detectRules(bin, dpi, 0).some((r) => r.kind === 'h' && r.b.x - r.a.x > 700)).toBe(false);
  });
});

describe('deskew of OCR words', () => {
  const dpi = 200;
  const size = { width: 1654, height: 2339 };
  const centre = { x: size.width / 2, y: size.height / 2 };
  const em = (12 * dpi) / 72;
  const heights: Record<string, number> = { x: 0.49, a: 0.715, c: 0.68 };
  const cls = (ch: string) => (/[acemnorsuvwxz]/.test(ch) ? 'x' : /[bdfhkl]/.test(ch) ? 'a' : /[A-Z0-9]/.test(ch) ? 'c' : 'x');

  /** What OCR reports for a 12 pt line printed at (x, base) on a page scanned `angle` askew. */
  function scannedLine(text: string, x: number, base: number, angle: number): OcrLine {
    const rot = (p: { x: number; y: number }) => derotate(p, centre, -angle);
    const box = (pts: { x: number; y: number }[]) => ({
      x0: Math.min(...pts.map((p) => p.x)),
      y0: Math.min(...pts.map((p) => p.y)),
      x1: Math.max(...pts.map((p) => p.x)),
      y1: Math.max(...pts.map((p) => p.y)),
    });
    const corners = (b: { x0: number; y0: number; x1: number; y1: number }) => [{ x: b.x0, y: b.y0 }, { x: b.x1, y: b.y1 }];
    let cx = x;
    const words = text.split(' ').map((t) => {
      const symbols = [...t].map((ch) => {
        const h = heights[cls(ch)] * em;
        const glyph = [{ x: cx, y: base - h }, { x: cx + 0.45 * em, y: base - h }, { x: cx, y: base }, { x: cx + 0.45 * em, y: base }].map(rot);
        cx += 0.5 * em;
        return { text: ch, bbox: box(glyph) };
      });
      cx += 0.3 * em;
      return { text: t, conf: 95, symbols, bbox: box(symbols.flatMap((g) => corners(g.bbox))) };
    });
    const a = rot({ x, y: base });
    const b = rot({ x: cx, y: base });
    // hOCR states the baseline as a slope: it is exact, unlike the words' integer boxes.
    return { words, baseline: { x0: a.x, y0: a.y, x1: b.x, y1: b.y }, rowHeight: 0.92 * em, bbox: box(words.flatMap((w) => corners(w.bbox))) };
  }

  const angle = (0.6 * Math.PI) / 180;
  const texts = ['During the year the Organization admitted', 'Members and Observers in 2008 and the total', 'membership rose to 125 States in all'];
  const lines = Array.from({ length: 12 }, (_, i) => scannedLine(texts[i % 3], 200, 300 + i * 150, angle));
  const geometry = { dpi, offset: { x: 0, y: 0 }, ...size };

  it('estimates the skew from the line baselines', () => {
    expect((ocrSkew(lines, dpi) * 180) / Math.PI).toBeCloseTo(0.6, 1);
  });

  it('gives each printed line one baseline and a column one left edge again', () => {
    const skew = ocrSkew(lines, dpi);
    const words = ocrWords(lines, geometry, skew);
    const k = 72 / dpi;
    const firsts = words.filter((w, i) => i === 0 || w.base !== words[i - 1].base);
    expect(firsts).toHaveLength(12);
    for (const [i, w] of firsts.entries()) {
      expect(w.x0).toBeCloseTo(200 * k, 0);
      expect(w.base).toBeCloseTo((300 + i * 150) * k, 0);
      expect(w.size).toBe(12);
    }
    // Left as scanned, the left edges drift by several points down the page.
    const raw = ocrWords(lines, geometry, 0).filter((w, i, all) => i === 0 || w.base !== all[i - 1].base);
    expect(Math.abs(raw[11].x0 - raw[0].x0)).toBeGreaterThan(5);
  });
});

describe('rendering a scanned page', () => {
  it('uses the scan at its own 200 dpi, read straight from the decoded image', async () => {
    const excerpt = fileURLToPath(new URL('../../fixtures/scan-excerpt/report-scan-excerpt.pdf', import.meta.url));
    const doc = await getDocument({ data: new Uint8Array(await readFile(excerpt)), isEvalSupported: false }).promise;
    const page = await doc.getPage(1);
    const g = await pageGraphics(page);
    expect(g).toMatchObject({ imagesOnly: true, images: [{ pixelWidth: 1654, pixelHeight: 2339, upright: true }] });
    expect(renderDpi(A4, g.images, 300)).toBe(200);
    expect(renderDpi(A4, g.images, 150)).toBe(150);
    expect(scanRaster(page, g, 300)).toBeNull(); // not the native resolution: draw it
    const fast = scanRaster(page, g, 200)!;
    const drawn = await renderPage(page, 200);
    expect(fast.image.width).toBe(drawn.image.width);
    expect(Buffer.compare(Buffer.from(fast.image.data), Buffer.from(drawn.image.data))).toBe(0);
    await doc.destroy();
  }, 30_000);
});

describe('OCR of a scanned page, offline', () => {
  const excerpt = fileURLToPath(new URL('../../fixtures/scan-excerpt/report-scan-excerpt.pdf', import.meta.url));
  const workerPath = fileURLToPath(new URL('./no-network-worker.cjs', import.meta.url));
  const refuse = (what: string) => () => {
    throw new Error(`network access: ${what}`);
  };
  const realFetch = globalThis.fetch;
  let stubs: Record<string, unknown>;
  let page: Page;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    stubs = {
      fetch: vi.fn(refuse('fetch')),
      http: vi.spyOn(http, 'request').mockImplementation(refuse('http.request')),
      https: vi.spyOn(https, 'request').mockImplementation(refuse('https.request')),
      net: vi.spyOn(net, 'connect').mockImplementation(refuse('net.connect')),
      dns: vi.spyOn(dns, 'lookup').mockImplementation(refuse('dns.lookup')),
    };
    globalThis.fetch = stubs.fetch as typeof fetch;
    const doc = await getDocument({ data: new Uint8Array(await readFile(excerpt)), isEvalSupported: false }).promise;
    const pool = await OcrPool.create({ jobs: 1, workerPath, onProgress: (d, t) => progress.push([d, t]) });
    try {
      // Excerpt page 3 is report page 6: a heading, numbered paragraphs and a bordered box.
      page = await pool.recognizePage(await doc.getPage(3), 6);
    } finally {
      await pool.close();
      await doc.destroy();
    }
  }, 120_000);

  afterAll(() => {
    globalThis.fetch = realFetch;
    vi.restoreAllMocks();
  });

  it('reads paragraph numbers, the heading and the box, positioned in points', () => {
    expect(page).toMatchObject({ number: 6, source: 'ocr', rotation: 0 });
    expect(page.width).toBeCloseTo(595.44, 1);
    expect(page.confidence).toBeGreaterThan(80);
    for (const w of page.words) {
      expect(w.x0).toBeGreaterThanOrEqual(0);
      expect(w.x1).toBeLessThanOrEqual(page.width);
      expect(w.base).toBeGreaterThan(0);
      expect(w.base).toBeLessThan(page.height);
    }
    const word = (t: string) => page.words.find((w) => w.text === t)!;
    // Hanging paragraph numbers, aligned at the left margin, in the 12 pt body size.
    const p35 = word('35.');
    const p36 = word('36.');
    expect(p35.x0).toBeGreaterThan(60);
    expect(p35.x0).toBeLessThan(85);
    expect(Math.abs(p36.x0 - p35.x0)).toBeLessThan(1.5);
    expect(p35.size).toBe(12);
    // "A. Technical Cooperation on Migration": one line, above paragraph 35.
    const heading = ['A.', 'Technical', 'Cooperation', 'on', 'Migration'].map((t) => page.words.find((w) => w.text === t && w.base < p35.base)!);
    for (const w of heading) expect(w.base).toBe(heading[0].base);
    expect(heading[0].x0).toBeCloseTo(p35.x0, 0);
    // The box: two horizontal and two vertical rules meeting at the corners, around 10 pt text.
    const hs = page.rules.filter((r) => r.kind === 'h').sort((a, b) => a.y0 - b.y0);
    const vs = page.rules.filter((r) => r.kind === 'v').sort((a, b) => a.x0 - b.x0);
    expect(hs).toHaveLength(2);
    expect(vs).toHaveLength(2);
    const near = (a: number, b: number) => Math.abs(a - b) < 3;
    expect(near(hs[0].x0, vs[0].x0) && near(hs[0].x1, vs[1].x1) && near(hs[1].x0, vs[0].x0)).toBe(true);
    expect(near(vs[0].y0, hs[0].y0) && near(vs[0].y1, hs[1].y1) && near(vs[1].y1, hs[1].y1)).toBe(true);
    const inBox = page.words.filter((w) => w.base > hs[0].y1 && w.base < hs[1].y0);
    expect(inBox.map((w) => w.text).join(' ')).toMatch(/^Activities covered by Technical Cooperation/);
    expect(inBox.every((w) => w.size === 10)).toBe(true);
  });

  it('reports progress and uses no network', () => {
    expect(page.words.length).toBeGreaterThan(400);
    expect(progress).toEqual([[0, 1], [1, 1]]);
    for (const stub of Object.values(stubs)) expect(stub).not.toHaveBeenCalled();
  });
});

describe('OcrPool failure handling', () => {
  const excerpt = fileURLToPath(new URL('../../fixtures/scan-excerpt/report-scan-excerpt.pdf', import.meta.url));
  const open = async () => getDocument({ data: new Uint8Array(await readFile(excerpt)), isEvalSupported: false }).promise;

  it('rejects a page that exceeds its timeout instead of waiting, and still closes', async () => {
    const doc = await open();
    const pool = await OcrPool.create({ jobs: 1, pageTimeoutMs: 50 });
    await expect(pool.recognizePage(await doc.getPage(1), 1)).rejects.toThrow(/OCR of page 1 timed out after 50 ms/);
    await pool.close();
    await doc.destroy();
  }, 60_000);

  it('rejects running and queued pages on abort, and later pages at once', async () => {
    const doc = await open();
    const controller = new AbortController();
    const pool = await OcrPool.create({ jobs: 1, signal: controller.signal });
    const running = pool.recognizePage(await doc.getPage(1), 1);
    const queued = pool.recognizePage(await doc.getPage(2), 2);
    const settled = Promise.allSettled([running, queued]);
    setTimeout(() => controller.abort(new Error('user cancelled')), 200);
    for (const r of await settled) expect(r).toMatchObject({ status: 'rejected', reason: { message: 'user cancelled' } });
    await expect(pool.recognizePage(await doc.getPage(3), 3)).rejects.toThrow('user cancelled');
    await pool.close();
    await doc.destroy();
  }, 60_000);
});
