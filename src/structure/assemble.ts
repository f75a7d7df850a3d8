/**
 * The structure stage: laid-out pages → document records (headings, numbered paragraphs, boxes,
 * lists, notes, footnotes). Blocks are classified in document order with the paragraph sequence
 * chosen up front, so a numbered line is a paragraph only when its number continues the report's
 * sequence.
 */
import type { LaidOutPage } from '../layout/layout.js';
import { dominantSize } from '../layout/layout.js';
import type { Line } from '../layout/lines.js';
import type { Unclassified } from '../model/document.js';
import type { Profile } from '../profiles/profile.js';
import type { Block as BlockRecord, Heading, Paragraph } from '../validate/schemas.js';
import { type Block, buildBlocks, columnWidth, leftOf, measure, reachesRight, type TextMetrics } from './blocks.js';
import { linkFootnotes, parseFootnotes, parseNoteLines, type RawFootnote, type TextHolder } from './footnotes.js';
import { BULLET, type Candidate, chooseSequence, LETTER_LABEL, LETTERED_ITEM, PARAGRAPH_NUMBER, RESOLUTION_TITLE, ROMAN_LABEL, romanValue, toRoman, UNREAD_LABELLED } from './numbering.js';
import { UNREAD_LABEL, type Rect } from '../model/page.js';
import { clauseOpenings, findPreamble, isSubject } from './preamble.js';
import { findTabular, isHeaderLike } from './tabular.js';
import { inRuledTable } from './tables/ruled-regions.js';
import { joinLines, upperShare } from './text.js';

export interface StructureResult {
  paragraphs: Paragraph[];
  headings: Heading[];
  blocks: BlockRecord[];
  footnotes: { number: number; paragraph: number | null; page: number; text: string }[];
  /** Blocks left to the tables stage (rows, column headers, captions, chart labels). */
  tabular: Block[];
  /** Front matter before the first section (title, symbol lines), in reading order. */
  frontMatter: string[];
  unclassified: Unclassified[];
  metrics: TextMetrics;
  /** How each block was classified, in reading order (for --debug and tests). */
  trace: { page: number; kind: string; text: string }[];
  /** The lines each paragraph, heading, block and footnote record was made of (for OCR confidence). */
  sources: Map<object, Line[]>;
  /** Where each footnote's reference mark is printed, by footnote number (raised marks only). */
  markBoxes: Map<number, Rect & { page: number }>;
}

/** How a note under a table opens: its source, a note, or what the figures leave out or include. */
const TABLE_NOTE = /^[*\d/]*\s*(sources?|notes?|excluding|including|excludes|includes)\b/i;

/** The title of a document's endnotes. */
const ENDNOTES_TITLE = /^(end)?notes$/i;

export const STRUCTURE_SETTINGS = {
  /** A heading is shorter than this share of the text column. */
  headingWidth: 0.85,
  /** … and has at most this many lines. */
  headingLines: 3,
  /** Paragraph numbers sit at the left edge of the column, within this many × font size. */
  numberIndent: 3,
};

export interface HeadingGuess {
  level: 1 | 2 | 3;
  label: string;
  title: string;
  style: string;
  /** Numbered or typographically marked: certain enough not to need what follows. */
  strong: boolean;
}

type Kind = 'paragraph' | 'heading' | 'box' | 'list' | 'note' | 'tabular' | 'merged' | 'endnote' | 'preamble';

/**
 * Blocks lying mostly inside a ruled grid of their page are tabular, whatever their text looks
 * like (a grid of words, a header of wrapped cells): the rules say it is a table.
 */
function markRuledTables(blocks: Block[], pages: LaidOutPage[], tab: boolean[]): void {
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  blocks.forEach((b, i) => {
    const page = byNumber.get(b.page);
    if (tab[i] || !page) return;
    const inside = b.lines.filter((l) => inRuledTable(page, l)).length;
    if (inside && inside >= 0.5 * b.lines.length) tab[i] = true;
  });
}

export function assemble(pages: LaidOutPage[], profile: Profile, s = STRUCTURE_SETTINGS): StructureResult {
  const bodySize = dominantSize(pages.flatMap((p) => p.lines.filter((l) => l.zone === 'body')));
  const m = measure(pages, bodySize);
  const positionalPage = new Map(pages.map((p) => [p.number, p.source !== 'text-dump']));
  const positional = (b: Block) => positionalPage.get(b.page) ?? true;
  // Typography (bold, italic) comes only from a text layer: OCR reports none, so OCR pages are
  // read like dumps for headings, by numbering and by what follows.
  const typographicPage = new Map(pages.map((p) => [p.number, p.source === 'text-layer']));
  const typographic = (b: Block) => typographicPage.get(b.page) ?? true;
  const blocks = buildBlocks(pages, m);
  const tab = findTabular(blocks, m, positional);
  markRuledTables(blocks, pages, tab);
  const colWidth = columnWidth(m, 0);

  // The paragraph sequence, chosen before anything else.
  const cands: Candidate[] = [];
  blocks.forEach((b, i) => {
    if (tab[i] || b.lines[0].box !== undefined) return;
    const first = b.lines[0];
    const mm = PARAGRAPH_NUMBER.exec(first.text);
    if (!mm || !mm[2]) return;
    if (first.x0 > leftOf(m, first.col) + s.numberIndent * first.size) return;
    // Paragraphs are set apart by space; items packed under an introduction are a list.
    cands.push({ id: i, number: Number(mm[1]), weight: b.spaced ? 1 : 0.4 });
  });
  const chosen = chooseSequence(cands);
  const isPara = (i: number) => chosen.has(i);

  const guessHeading = (i: number): HeadingGuess | null => {
    const b = blocks[i];
    if (tab[i] || b.lines[0].box !== undefined || isPara(i) || b.lines.length > s.headingLines) return null;
    const text = joinLines(b.lines).text;
    if (!text || /[.;,:]$/.test(text)) return null;
    const pos = typographic(b);
    const styled = pos && b.lines.every((l) => l.bold || l.italic || l.underlined || l.size > bodySize + 0.75);
    // Text that does not stop before the right margin is prose, unless typography or a label says otherwise.
    const labelled = BULLET.test(text) || ROMAN_LABEL.test(text) || LETTER_LABEL.test(text) || PARAGRAPH_NUMBER.test(text) || RESOLUTION_TITLE.test(text) || UNREAD_LABELLED.test(text);
    if (!styled && !labelled && b.lines.some((l) => l.x1 - l.x0 > s.headingWidth * colWidth)) return null;
    // A block that the next one continues mid-sentence is not a heading.
    const next = blocks[i + 1];
    if (next && next.page === b.page && /^[a-z]/.test(next.lines[0].text) && !styled) return null;
    const bullet = BULLET.exec(text);
    // A resolution's number and title ("47/101. Title"): it opens the document's top level.
    const resolution = RESOLUTION_TITLE.exec(text);
    if (resolution) return { level: 1, label: resolution[1], title: resolution[2], style: '', strong: true };
    // A label the ink shows but OCR could not read: a section (title in capitals) or a subsection;
    // its value comes from the sequence when the records are built.
    const unread = UNREAD_LABELLED.exec(text);
    if (unread) return { level: upperShare(unread[1]) >= 0.8 ? 1 : 2, label: UNREAD_LABEL, title: unread[1], style: '', strong: true };
    const roman = ROMAN_LABEL.exec(text);
    if (roman && romanValue(roman[1])) return { level: 1, label: roman[1], title: roman[2], style: '', strong: true };
    const letter = LETTER_LABEL.exec(text);
    if (letter) return { level: 2, label: letter[1], title: letter[2], style: '', strong: true };
    const num = PARAGRAPH_NUMBER.exec(text);
    if (num && num[2]) {
      // A numbered line outside the paragraph sequence: an annex or list item heading.
      if (pos && !styled) return null;
      return { level: 2, label: num[1], title: num[2], style: '', strong: pos || b.lines.length === 1 };
    }
    if (bullet) {
      if (pos && !styled) return null;
      if (!pos && b.lines.length > 1) return null;
      return { level: 3, label: '', title: bullet[1], style: 'bullet', strong: pos };
    }
    if (LETTERED_ITEM.test(text)) return null;
    if (!/^[A-Z0-9“"‘'(À-Þ]/.test(text)) return null;
    if (pos && !styled && upperShare(text) < 0.8) return null;
    const top = upperShare(text) >= 0.8 && text.replace(/[^A-Za-z]/g, '').length >= 4 || profile.topLevelTitles.some((re) => re.test(text));
    // Without typography, a top-level title is still unmistakable: capitals or the profile's words.
    return { level: top ? 1 : 3, label: '', title: text, style: '', strong: pos ? styled : top };
  };

  /** A line running most of the column: wrapped text rather than a short title. */
  const wide = (b: Block) => b.lines.some((l) => l.x1 - l.x0 > 0.75 * colWidth);

  // A title set right above a picture (a chart, a table printed as an image) is its caption.
  const imagesOf = new Map(pages.map((p) => [p.number, p.images]));
  const aboveImage = (b: Block): boolean => {
    const last = b.lines[b.lines.length - 1];
    return (imagesOf.get(b.page) ?? []).some(
      (im) => im.y0 >= last.y1 - 1 && im.y0 - last.y1 < 3 * last.size && im.x1 > last.x0 && im.x0 < last.x1 && im.y1 - im.y0 > 3 * last.size,
    );
  };

  /** Captions of pictures: tabular material, but no table follows them in the text. */
  const pictureCaptions = new Set<number>();

  // First pass: a kind for every block.
  const kinds: Kind[] = new Array(blocks.length);
  const headingOf = new Map<number, HeadingGuess>();
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    if (tab[i]) kinds[i] = 'tabular';
    else if (b.lines[0].box !== undefined) kinds[i] = 'box';
    else if (isPara(i)) kinds[i] = 'paragraph';
    else {
      const h = guessHeading(i);
      // A heading announces what follows: without typography, accept it only before a
      // paragraph, a box, a list or another heading (a bulleted one only before a paragraph,
      // else it is the first item of a list).
      const nextKind = kinds[i + 1];
      // A bullet packed right against this one (no space between) makes it a list item.
      const bulletAround = (j: number) =>
        blocks[j] !== undefined && BULLET.test(blocks[j].lines[0].text) && !(j < i ? b.spaced : blocks[j].spaced);
      const announces =
        h?.style === 'bullet'
          ? !bulletAround(i - 1) && !listInStep(blocks, i) && (nextKind === 'paragraph' || (!bulletAround(i + 1) && nextKind === 'note' && !wide(b)))
          : nextKind === 'paragraph' || nextKind === 'heading' || nextKind === 'box' || nextKind === 'list';
      const samePage = (j: number) => blocks[j]?.page === b.page;
      const caption = h && !h.label && !h.style && ((tab[i + 1] && samePage(i + 1)) || aboveImage(b));
      if (caption) {
        // An unnumbered title or note right above or below a table belongs to the table.
        kinds[i] = 'tabular';
        tab[i] = true;
        if (!(tab[i + 1] && samePage(i + 1))) pictureCaptions.add(i);
      } else if (h && (h.strong || announces)) {
        kinds[i] = 'heading';
        headingOf.set(i, h);
      } else if (BULLET.test(b.lines[0].text) || LETTERED_ITEM.test(b.lines[0].text)) kinds[i] = 'list';
      else kinds[i] = 'note';
    }
  }

  // Endnotes: after the last paragraph, a "Notes" title and the numbered notes under it.
  const lastParaBlock = kinds.lastIndexOf('paragraph');
  for (let i = blocks.length - 1; i > lastParaBlock; i--) {
    const text = joinLines(blocks[i].lines).text;
    if (!ENDNOTES_TITLE.test(text)) continue;
    const rest = blocks.slice(i + 1);
    if (!rest.length || !/^\d{1,3}$/.test(rest[0].lines[0].words[0]?.text ?? '')) break;
    kinds[i] = 'heading';
    headingOf.set(i, { level: 1, label: '', title: text, style: '', strong: true });
    for (let j = i + 1; j < blocks.length; j++) {
      kinds[j] = 'endnote';
      tab[j] = false;
    }
    break;
  }

  // Forward, now that every block has a kind: an unnumbered title or dash item right under a
  // table, not announcing a paragraph, is one of the table's notes.
  for (let i = 1; i < blocks.length; i++) {
    const h = headingOf.get(i);
    if (!h || h.label || kinds[i] !== 'heading' || kinds[i - 1] !== 'tabular' || blocks[i - 1].page !== blocks[i].page) continue;
    if (kinds[i + 1] === 'paragraph' && blocks[i + 1].page === blocks[i].page) continue;
    kinds[i] = 'tabular';
    tab[i] = true;
    headingOf.delete(i);
  }

  // A labelled heading that wraps: a long title line, then a short unpunctuated line that is not
  // a heading, paragraph or item of its own (dumps put a blank line between the two).
  for (let i = 0; i + 1 < blocks.length; i++) {
    const h = headingOf.get(i);
    const nb = blocks[i + 1];
    if (!h || !h.label || nb.page !== blocks[i].page || !['note', 'heading'].includes(kinds[i + 1])) continue;
    if (kinds[i + 1] === 'heading' && headingOf.get(i + 1)!.label) continue;
    const last = blocks[i].lines[blocks[i].lines.length - 1];
    const tail = joinLines(nb.lines).text;
    if (last.x1 - last.x0 < 0.5 * colWidth || nb.lines.length > 2 || /[.;:,]$/.test(tail) || BULLET.test(tail)) continue;
    h.title = `${h.title} ${tail}`;
    blocks[i].lines.push(...nb.lines);
    kinds[i + 1] = 'merged';
    headingOf.delete(i + 1);
  }

  // A box without a frame (text dumps): numbered items outside the paragraph sequence, after an
  // introduction that ends with a colon.
  for (let i = 0; i < blocks.length; i++) {
    if (kinds[i] !== 'note' && kinds[i] !== 'heading') continue;
    const intro = joinLines(blocks[i].lines).text;
    if (!/:$/.test(intro)) continue;
    let j = i + 1;
    const numberedHeading = (k: number) => kinds[k] === 'heading' && /^\d+$/.test(headingOf.get(k)?.label ?? '');
    while (j < blocks.length && !isPara(j) && kinds[j] !== 'tabular' && (PARAGRAPH_NUMBER.test(blocks[j].lines[0].text) || kinds[j] === 'note') && (kinds[j] !== 'heading' || numberedHeading(j))) j++;
    if (j > i + 1 && blocks.slice(i + 1, j).some((b) => PARAGRAPH_NUMBER.test(b.lines[0].text))) {
      for (let k = i; k < j; k++) {
        kinds[k] = 'box';
        headingOf.delete(k);
      }
    }
  }

  // Front matter: unnumbered heading-like blocks before the heading that opens the body.
  const firstPara = kinds.indexOf('paragraph');
  const frontMatter: string[] = [];
  if (firstPara > 0) {
    let opener = firstPara - 1;
    while (opener >= 0 && kinds[opener] !== 'heading') opener--;
    for (let i = 0; i < Math.max(0, opener); i++) {
      const h = headingOf.get(i);
      if (kinds[i] === 'heading' && h && !h.label) {
        frontMatter.push(joinLines(blocks[i].lines).text);
        kinds[i] = 'note';
        headingOf.delete(i);
        (blocks[i] as Block & { front?: boolean }).front = true;
      }
    }
  }

  // A resolution's number and title is the document's title, whatever masthead stands above it.
  const resolutionTitle = [...headingOf.entries()].find(([i, h]) => (firstPara < 0 || i < firstPara) && RESOLUTION_TITLE.test(`${h.label}. ${h.title}`));
  if (resolutionTitle) frontMatter.splice(0, frontMatter.length, `${resolutionTitle[1].label}. ${resolutionTitle[1].title}`);

  // A resolution's preamble: the clauses before its first operative paragraph.
  for (const i of findPreamble(blocks, kinds, m, positional)) kinds[i] = 'preamble';

  const trace = blocks.map((b, i) => ({ page: b.page, kind: kinds[i], text: b.lines.map((l) => l.text).join(' / ').slice(0, 160) }));

  // Second pass: build records in reading order.
  const paragraphs: Paragraph[] = [];
  const headings: Heading[] = [];
  const blockRecords: BlockRecord[] = [];
  const holders: { holder: TextHolder; set: (text: string, notes: number[]) => void; paragraph: () => number | null }[] = [];
  const tabular: Block[] = [];
  const unclassified: Unclassified[] = [];
  let section = '';
  let subsection = '';
  let heading = '';
  let lastHeadingLevel = 0;
  let romanSeen = 0;
  let letterSeen = 0;
  let afterTable = false;
  let contentSinceHeading = true;
  let para: { rec: Paragraph; lines: Line[]; numberLen: number } | null = null;
  let lastPara: number | null = null;
  let listItem: { rec: BlockRecord; lines: Line[]; drop: number } | null = null;
  let boxKey = '';
  let boxCount = 0;
  let listCount = 0;
  let listOpen = false;
  let noteCount = 0;
  let boxItem: { rec: BlockRecord; lines: Line[]; drop: number } | null = null;
  let lastLine: Line | null = null;
  let noteOpen: { rec: BlockRecord; lines: Line[] } | null = null;
  /** Items numbered so far in each box and list (item 0 is a box's introduction). */
  const itemsIn = new Map<string, number>();
  const nextItem = (blockId: string): number => {
    const n = (itemsIn.get(blockId) ?? 0) + 1;
    itemsIn.set(blockId, n);
    return n;
  };
  const endnoteLines: Line[] = [];
  const sources = new Map<object, Line[]>();
  let preambleCount = 0;
  const preambleLines: Line[] = [];
  const preambleStarts = new Set<Line>();
  /** The preamble's clauses as records: item 0 the subject ("The General Assembly,") if any, then 1, 2 … */
  const closePreamble = () => {
    if (!preambleLines.length) return;
    const blockId = `preamble-${++preambleCount}`;
    const openings = new Set(clauseOpenings(preambleLines, preambleStarts, m));
    const clauses: Line[][] = [];
    for (const l of preambleLines) {
      if (openings.has(l) || !clauses.length) clauses.push([]);
      clauses[clauses.length - 1].push(l);
    }
    const subject = clauses.length > 1 && isSubject(clauses[0], m);
    clauses.forEach((lines, k) => {
      const j = joinLines(lines);
      const rec: BlockRecord = { kind: 'preamble', parent_paragraph: lastPara, page: lines[0].page, item: subject ? k : k + 1, label: '', text: j.text, block_id: blockId, footnotes: [] };
      blockRecords.push(rec);
      sources.set(rec, lines);
      holders.push({ holder: { text: j.text, marks: j.marks, pages: pagesOf(lines), footnotes: [] }, set: (t, f) => ((rec.text = t), (rec.footnotes = f)), paragraph: () => rec.parent_paragraph });
    });
    preambleLines.length = 0;
    preambleStarts.clear();
  };

  const pagesOf = (lines: Line[], drop = 0): [number, number][] => {
    const out: [number, number][] = [];
    let off = 0;
    lines.forEach((l, i) => {
      if (!out.length || out[out.length - 1][1] !== l.page) out.push([off, l.page]);
      off += (i === 0 ? l.text.length - drop : l.text.length) + 1;
    });
    return out;
  };
  const closePara = () => {
    closeNote();
    if (!para) return;
    const p = para;
    const j = joinLines(p.lines, p.numberLen);
    p.rec.text = j.text;
    p.rec.page_last = p.lines[p.lines.length - 1].page;
    const holder: TextHolder = { text: j.text, marks: j.marks, pages: pagesOf(p.lines, p.numberLen), footnotes: [] };
    holders.push({ holder, set: (t, n) => ((p.rec.text = t), (p.rec.footnotes = n)), paragraph: () => p.rec.number });
    paragraphs.push(p.rec);
    sources.set(p.rec, p.lines);
    para = null;
  };
  const closeItem = (item: { rec: BlockRecord; lines: Line[]; drop: number } | null) => {
    if (!item) return;
    const j = joinLines(item.lines, item.drop);
    item.rec.text = j.text;
    const holder: TextHolder = { text: j.text, marks: j.marks, pages: pagesOf(item.lines, item.drop), footnotes: [] };
    const parent = item.rec.parent_paragraph;
    holders.push({ holder, set: (t, n) => ((item.rec.text = t), (item.rec.footnotes = n)), paragraph: () => parent });
    blockRecords.push(item.rec);
    sources.set(item.rec, item.lines);
  };
  const closeList = () => {
    closeItem(listItem);
    listItem = null;
  };
  const closeBox = () => {
    closeItem(boxItem);
    boxItem = null;
    boxKey = '';
  };
  const closeNote = () => {
    if (!noteOpen) return;
    const n = noteOpen;
    const j = joinLines(n.lines);
    n.rec.text = j.text;
    blockRecords.push(n.rec);
    sources.set(n.rec, n.lines);
    holders.push({ holder: { text: j.text, marks: j.marks, pages: pagesOf(n.lines), footnotes: [] }, set: (t, f) => ((n.rec.text = t), (n.rec.footnotes = f)), paragraph: () => n.rec.parent_paragraph });
    noteOpen = null;
  };
  const closeAll = () => {
    closeNote();
    listOpen = false;
    closePara();
    closeList();
    closeBox();
  };
  // Text runs on into this block: the last line was full, or this block starts mid-sentence.
  const continues = (b: Block) => lastLine !== null && (reachesRight(lastLine, m, positional(b)) || /^[a-z]/.test(b.lines[0].text));

  blocks.forEach((b, i) => {
    const kind = kinds[i];
    if (kind === 'merged') return;
    if (kind === 'endnote') {
      closeAll();
      endnoteLines.push(...b.lines);
      return;
    }
    if (kind === 'preamble') {
      if (!preambleLines.length) closeAll();
      preambleLines.push(...b.lines);
      preambleStarts.add(b.lines[0]);
      if (kinds[i + 1] !== 'preamble') closePreamble();
      contentSinceHeading = true;
      lastLine = null;
      return;
    }
    if (kind === 'tabular') {
      tabular.push(b);
      afterTable = !pictureCaptions.has(i);
      lastLine = null;
      return;
    }
    // Notes and dash lists right under a table, before the text resumes, are the table's notes.
    if (afterTable && (kind === 'note' || kind === 'list') && blocks[i - 1]?.page === b.page && !continues(b)) {
      tabular.push(b);
      return;
    }
    afterTable = false;
    if (kind === 'paragraph') {
      closeAll();
      const mm = PARAGRAPH_NUMBER.exec(b.lines[0].text)!;
      const n = Number(mm[1]);
      para = {
        rec: { number: n, page: b.page, section, subsection, heading, footnotes: [], text: '', page_last: b.page },
        lines: [...b.lines],
        numberLen: b.lines[0].text.length - mm[2].length,
      };
      lastPara = n;
      contentSinceHeading = true;
      lastLine = b.lines[b.lines.length - 1];
      return;
    }
    if (kind === 'heading') {
      const h = headingOf.get(i)!;
      // An unnumbered top-level line straight after another top-level heading is its subtitle.
      if (h.level === 1 && !h.label && lastHeadingLevel === 1 && !contentSinceHeading) {
        closeAll();
        const subtitle = noteRecord(b, lastPara, ++noteCount);
        blockRecords.push(subtitle);
        sources.set(subtitle, b.lines);
        lastLine = null;
        return;
      }
      closeAll();
      if (h.label === UNREAD_LABEL) h.label = h.level === 1 ? toRoman(romanSeen + 1) : String.fromCharCode(65 + letterSeen);
      resolveLabel(h, romanSeen, letterSeen);
      if (h.level === 1 && h.label) romanSeen = romanValue(h.label) ?? romanSeen;
      if (h.level === 1) letterSeen = 0;
      if (h.level === 2 && /^[A-Z]$/.test(h.label)) letterSeen = h.label.charCodeAt(0) - 64;
      const title = h.title.replace(/\s+/g, ' ').trim();
      const rec: Heading = { level: h.level, label: h.label, title, page: b.page, style: h.style };
      headings.push(rec);
      sources.set(rec, b.lines);
      const full = h.label ? `${h.label}. ${title}` : title;
      if (h.level === 1) [section, subsection, heading] = [full, '', ''];
      else if (h.level === 2) [subsection, heading] = [full, ''];
      else heading = title;
      lastHeadingLevel = h.level;
      contentSinceHeading = false;
      lastLine = null;
      return;
    }
    contentSinceHeading = true;
    if (kind === 'box') {
      closePara();
      closeList();
      const key = `${b.page}:${b.lines[0].box ?? 'dump'}`;
      const startsNew = boxKey === '' || (b.lines[0].box !== undefined && key !== boxKey);
      if (startsNew) {
        closeBox();
        boxKey = key;
        boxCount++;
      }
      // One frame may hold several boxes: an unnumbered introduction after items opens the next.
      const intro = !PARAGRAPH_NUMBER.test(b.lines[0].text) && /:$/.test(joinLines(b.lines).text);
      if (!startsNew && intro && boxItem && boxItem.rec.item > 0) {
        closeBox();
        boxKey = key;
        boxCount++;
      }
      for (const l of b.lines) {
        const item = PARAGRAPH_NUMBER.exec(l.text);
        if (item && item[2] && l === b.lines[0]) {
          closeItem(boxItem);
          boxItem = {
            rec: { kind: 'box', parent_paragraph: lastPara, page: l.page, item: nextItem(`box-${boxCount}`), label: item[1], text: '', block_id: `box-${boxCount}`, footnotes: [] },
            lines: [l],
            drop: l.text.length - item[2].length,
          };
        } else if (boxItem) boxItem.lines.push(l);
        else {
          boxItem = { rec: { kind: 'box', parent_paragraph: lastPara, page: l.page, item: 0, label: '', text: '', block_id: `box-${boxCount}`, footnotes: [] }, lines: [l], drop: 0 };
        }
      }
      lastLine = b.lines[b.lines.length - 1];
      return;
    }
    if (boxKey && kinds[i - 1] === 'box' && !b.lines[0].box && kind === 'note' && continues(b)) {
      boxItem?.lines.push(...b.lines);
      lastLine = b.lines[b.lines.length - 1];
      return;
    }
    closeBox();
    if (kind === 'list') {
      const keep = listOpen;
      closePara();
      closeList();
      listOpen = keep;
      if (!listOpen) listCount++;
      listOpen = true;
      const bullet = BULLET.exec(b.lines[0].text);
      const drop = bullet ? b.lines[0].text.length - bullet[1].length : 0;
      listItem = {
        rec: { kind: 'list', parent_paragraph: lastPara, page: b.page, item: nextItem(`list-${listCount}`), label: '', text: '', block_id: `list-${listCount}`, footnotes: [] },
        lines: [...b.lines],
        drop,
      };
      lastLine = b.lines[b.lines.length - 1];
      return;
    }
    // An unnumbered prose block: the rest of the paragraph, item or note it continues, or a new
    // note. A heading-like line after a finished sentence starts something new.
    const finished = lastLine !== null && /[.!?]["”’)]?$/.test(lastLine.text.trim()) && guessHeading(i) !== null;
    if (continues(b) && !finished && (para || listItem || noteOpen)) {
      if (para || listItem) (para ?? listItem)!.lines.push(...b.lines);
      else noteOpen!.lines.push(...b.lines);
      lastLine = b.lines[b.lines.length - 1];
      return;
    }
    closeAll();
    const front = (b as Block & { front?: boolean }).front;
    if (front) {
      lastLine = null;
      return;
    }
    if (kinds[i - 1] === 'tabular' || kinds[i + 1] === 'tabular') {
      if (b.lines.every((l) => isHeaderLike(l.text)) || TABLE_NOTE.test(b.lines[0].text)) {
        tabular.push(b);
        lastLine = null;
        return;
      }
    }
    noteOpen = { rec: noteRecord(b, lastPara, ++noteCount), lines: [...b.lines] };
    lastLine = b.lines[b.lines.length - 1];
  });
  closeAll();

  // Footnotes and their references.
  const raw: RawFootnote[] = [...parseFootnotes(pages), ...parseNoteLines(endnoteLines)];
  // Where each note's mark is printed (raised marks only): its own box in boxes.csv.
  const markBoxes = new Map<number, Rect & { page: number }>();
  const link = linkFootnotes(raw, holders.map((h) => h.holder), markBoxes);
  for (const h of holders) h.set(h.holder.text, h.holder.footnotes.slice().sort((a, b) => a - b));
  const footnotes = raw.map((f) => {
    const hi = link.get(f.number);
    const rec = { number: f.number, paragraph: hi === undefined ? null : holders[hi].paragraph(), page: f.page, text: f.text };
    if (f.lines) sources.set(rec, f.lines);
    return rec;
  });
  paragraphs.sort((a, b) => a.number - b.number);
  return { paragraphs, headings, blocks: blockRecords, footnotes, tabular, frontMatter, unclassified, metrics: m, trace, sources, markBoxes };
}


/**
 * "C." or "I." may be a roman section or a lettered subsection: whichever continues its own
 * sequence wins; failing that, a title in capitals is a section.
 */
export function resolveLabel(h: HeadingGuess, romanSeen: number, letterSeen: number): void {
  if (h.level !== 1 || !/^[IVXLC]$/.test(h.label)) return;
  const roman = romanValue(h.label)!;
  const letter = h.label.charCodeAt(0) - 64;
  const romanNext = roman === romanSeen + 1;
  const letterNext = letter === letterSeen + 1;
  if (romanNext && !letterNext) return;
  if (letterNext && !romanNext) {
    h.level = 2;
    return;
  }
  if (upperShare(h.title) < 0.8) h.level = 2;
}

/**
 * A bullet set after two bullets of its page at the same pitch as they are from each other is the
 * next item of their list, however much space the list leaves between its items.
 */
export function listInStep(blocks: Block[], i: number, tolerance = 0.25): boolean {
  if (i < 2) return false;
  const run = [blocks[i - 2], blocks[i - 1], blocks[i]];
  if (!run.every((b) => b.page === run[2].page && BULLET.test(b.lines[0].text))) return false;
  const gap = (a: Block, b: Block) => b.lines[0].base - a.lines[a.lines.length - 1].base;
  return Math.abs(gap(run[1], run[2]) - gap(run[0], run[1])) <= tolerance * run[2].lines[0].size;
}

function noteRecord(b: Block, parent: number | null, n: number): BlockRecord {
  return { kind: 'note', parent_paragraph: parent, page: b.page, item: 0, label: '', text: joinLines(b.lines).text, block_id: `note-${n}`, footnotes: [] };
}
