/**
 * A minimal PDF writer for test fixtures: objects in order, a correct cross-reference table, and
 * helpers for pages with text (a standard font) or an image. Enough to make image-only PDFs,
 * pathological ones (a form XObject "bomb", a huge page count) and broken variants.
 */

export type PdfObject = string | Buffer;

/** Serialise objects 1..n (the first must be the catalog) into a PDF file. */
export function buildPdf(objects: PdfObject[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let size = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(size);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b);
    size += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object body. */
export function stream(dict: string, data: string | Buffer): Buffer {
  const d = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${d.length} >>\nstream\n`, 'latin1'), d, Buffer.from('\nendstream', 'latin1')]);
}

export interface SimplePage {
  /** Lines of text drawn in Helvetica 11 pt from the top; none for an image-only page. */
  text?: string[];
  /** Draw a full-page grey image (a "scan"). */
  image?: boolean;
}

/** A PDF of A4 pages with text lines and/or a full-page image. */
export function simplePdf(pages: SimplePage[], opts: { count?: number } = {}): Buffer {
  // 1 catalog, 2 pages, 3 font, 4 image, then per page: page, content
  const objs: PdfObject[] = [];
  const kids = pages.map((_, i) => `${5 + i * 2} 0 R`).join(' ');
  objs.push('<< /Type /Catalog /Pages 2 0 R >>');
  objs.push(`<< /Type /Pages /Kids [${kids}] /Count ${opts.count ?? pages.length} >>`);
  objs.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const px = Buffer.alloc(64 * 64);
  for (let i = 0; i < px.length; i++) px[i] = 200 + ((i * 7) % 40);
  objs.push(stream('/Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8', px));
  pages.forEach((p, i) => {
    let content = '';
    if (p.image) content += 'q 595 0 0 842 0 0 cm /Im0 Do Q\n';
    if (p.text?.length) {
      content += 'BT /F1 11 Tf 14 TL 72 770 Td\n';
      for (const line of p.text) content += `(${line.replace(/[\\()]/g, '\\$&')}) Tj T*\n`;
      content += 'ET\n';
    }
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${6 + i * 2} 0 R /Resources << /Font << /F1 3 0 R >> /XObject << /Im0 4 0 R >> >> >>`);
    objs.push(stream('', content));
  });
  return buildPdf(objs);
}

/**
 * A page that draws form X1, which draws X2 twice, …, `depth` levels deep: 2^depth form
 * invocations from a few hundred bytes — pdf.js never finishes the page for a depth of 40.
 */
export function formBombPdf(depth: number): Buffer {
  const objs: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>',
    stream('', '/X Do'),
  ];
  for (let k = 0; k < depth; k++) {
    const n = 5 + k;
    objs.push(
      k < depth - 1
        ? stream(`/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X ${n + 1} 0 R >> >>`, '/X Do /X Do')
        : stream('/Type /XObject /Subtype /Form /BBox [0 0 10 10]', '0 0 m 1 1 l S'),
    );
  }
  return buildPdf(objs);
}

/** A PDF of text pages whose page tree claims `count` pages. */
export function hugeCountPdf(count: number, pages: SimplePage[]): Buffer {
  return simplePdf(pages, { count });
}

/** Shift every offset in the last cross-reference table by `delta` bytes (a broken xref). */
export function breakXref(pdf: Buffer, delta = 7): Buffer {
  const s = pdf.toString('latin1');
  const start = s.lastIndexOf('\nxref');
  const end = s.lastIndexOf('startxref');
  if (start < 0 || end < start) throw new Error('no classic xref table');
  const table = s.slice(start, end).replace(/(\d{10}) (\d{5}) n/g, (_, o: string, g: string) => `${String(Number(o) + delta).padStart(10, '0')} ${g} n`);
  return Buffer.from(s.slice(0, start) + table + s.slice(end), 'latin1');
}

/** Point startxref at a place with no cross-reference table. */
export function breakStartxref(pdf: Buffer): Buffer {
  const s = pdf.toString('latin1');
  const i = s.lastIndexOf('startxref');
  return Buffer.from(`${s.slice(0, i)}startxref\n${Math.floor(pdf.length / 3)}\n%%EOF\n`, 'latin1');
}
