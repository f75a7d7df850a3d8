/**
 * The structure stage's first half: a kind for every block, in passes. The paragraph sequence is
 * chosen first; then each block gets a kind from last to first (a heading is judged by what
 * follows it); then passes over the whole document correct what one block alone cannot tell
 * (endnotes, notes under tables, wrapped headings, boxes without a frame, front matter, a
 * resolution's title and preamble).
 */
import type { LaidOutPage } from '../layout/layout.js';
import { dominantSize, type Line } from '../layout/lines.js';
import type { Profile } from '../profiles/profile.js';
import { type Block, BLOCK_SETTINGS, buildBlocks, endsSentence, columnWidth, lineColumnWidth, lineLeft, lineRight, measure, paragraphIndent, type TextMetrics } from './blocks.js';
import { BULLET, type Candidate, chooseSequence, fillMisreadNumbers, LETTER_LABEL, LETTERED_ITEM, PARAGRAPH_NUMBER, RESOLUTION_TITLE, ROMAN_LABEL, romanValue, UNREAD_LABELLED } from './numbering.js';
import { UNREAD_LABEL } from '../model/page.js';
import { repairMisreadRomans } from './misread-labels.js';
import { findPreamble } from './preamble.js';
import { TABLE_SOURCE } from '../layout/footnote-zone.js';
import { findTabular } from './tabular.js';
import { inRuledTable } from './tables/ruled-regions.js';
import { joinLines, upperShare } from './text.js';
import { CONTENTS_SETTINGS, type ContentsList, findContents, matchOutline, type OutlineEntry, splitLabel } from './contents.js';

/** A symbol note's mark typed at the end of a heading, glued to its last word. */
export const HEADING_MARK = /(?<=[\p{L}\d)])[*†‡]{1,3}$/u;

/** The title of a document's endnotes. */
const ENDNOTES_TITLE = /^(end)?notes$/i;

export const STRUCTURE_SETTINGS = {
  /** A heading is shorter than this share of the text column. */
  headingWidth: 0.85,
  /** … and has at most this many lines. */
  headingLines: 3,
  /** A title between numbered paragraphs without type to set it apart wraps over at most this many lines. */
  titleLines: 2,
  /** Paragraph numbers sit at the left edge of the column, within this many × font size. */
  numberIndent: 3,
};

export type StructureSettings = typeof STRUCTURE_SETTINGS;

export interface HeadingGuess {
  level: 1 | 2 | 3;
  label: string;
  title: string;
  style: string;
  /** Numbered or typographically marked: certain enough not to need what follows. */
  strong: boolean;
}

export type Kind = 'paragraph' | 'heading' | 'box' | 'list' | 'note' | 'tabular' | 'merged' | 'endnote' | 'preamble' | 'contents';

/** The document's blocks and what is known of them; the passes below fill in and correct it. */
export interface Classification {
  blocks: Block[];
  m: TextMetrics;
  bodySize: number;
  /** Width of the text column. */
  colWidth: number;
  /** The block's page has positions (not a text dump). */
  positional: (b: Block) => boolean;
  /** The block's page has typography (a text layer). */
  typographic: (b: Block) => boolean;
  /** Blocks left to the tables stage. */
  tab: boolean[];
  /** Blocks chosen as the numbered paragraphs. */
  chosen: Set<number>;
  /** Chosen blocks whose printed number OCR misread: the number the sequence gives them. */
  renumbered: Map<number, number>;
  kinds: Kind[];
  headingOf: Map<number, HeadingGuess>;
  /** Captions of pictures: tabular material, but no table follows them in the text. */
  pictureCaptions: Set<number>;
  /** Front matter before the first section (title, symbol lines), in reading order. */
  frontMatter: string[];
  /** Tables of contents, and the blocks they are printed in. */
  contents: ContentsList[];
  contentsBlocks: Set<number>;
  /** Body blocks a contents entry announces as headings, with the entry. */
  announced: Map<number, OutlineEntry>;
  /** Contents lists most of whose entries were found in the body: outlines to trust. */
  trusted: ContentsList[];
  guessHeading: (i: number) => HeadingGuess | null;
}

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

/** The classification every block starts from: blocks, metrics, and which blocks are tabular. */
function prepare(pages: LaidOutPage[], profile: Profile, s: StructureSettings): Classification {
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
  // The contents is read first: its numbered entries must not enter the paragraph sequence.
  const contents = findContents(blocks, profile.contentsTitles, (i) => blocks[i].lines[0].box === undefined);
  const contentsBlocks = new Set(contents.flatMap((l) => l.blocks));
  for (const i of contentsBlocks) tab[i] = false;
  const c: Classification = {
    blocks, m, bodySize, colWidth: columnWidth(m, 0), positional, typographic, tab,
    chosen: new Set(), renumbered: new Map(), kinds: new Array(blocks.length), headingOf: new Map(), pictureCaptions: new Set(),
    frontMatter: [], contents, contentsBlocks, announced: new Map(), trusted: [], guessHeading: () => null,
  };
  [c.chosen, c.renumbered] = chooseParagraphs(c, s);
  // A body block the contents names is a heading: short, not a paragraph, not in a box.
  const eligible = (i: number) => !contentsBlocks.has(i) && !c.chosen.has(i) && blocks[i].lines[0].box === undefined && blocks[i].lines.length <= s.headingLines;
  for (const list of contents) {
    const found = matchOutline(blocks, list, eligible, profile.topLevelTitles);
    for (const [i, e] of found) c.announced.set(i, e);
    if (found.size >= CONTENTS_SETTINGS.trustedShare * list.entries.length) c.trusted.push(list);
  }
  c.guessHeading = (i) => guessHeading(c, i, profile, s);
  return c;
}

/** The width of the column a line is read in: its band's on a page in columns, else the document's. */
const widthOf = (c: Classification, l: Line): number => (l.column ? lineColumnWidth(c.m, l) : c.colWidth);

/** The paragraph sequence, chosen before anything else, and the numbers OCR misread in it. */
function chooseParagraphs(c: Classification, s: StructureSettings): [Set<number>, Map<number, number>] {
  const cands: Candidate[] = [];
  // Numbers stand at the column's edge, or at the paragraphs' first-line indent where they have one.
  const indent = paragraphIndent(c.blocks, c.m, c.positional);
  c.blocks.forEach((b, i) => {
    if (c.tab[i] || b.lines[0].box !== undefined || c.contentsBlocks.has(i)) return;
    const first = b.lines[0];
    const mm = PARAGRAPH_NUMBER.exec(first.text);
    if (!mm || !mm[2]) return;
    if (first.x0 > lineLeft(c.m, first) + Math.max(s.numberIndent * first.size, indent + first.size)) return;
    // Paragraphs are set apart by space; items packed under an introduction are a list.
    cands.push({ id: i, number: Number(mm[1]), weight: b.spaced ? 1 : 0.4 });
  });
  const chosen = chooseSequence(cands);
  const ocr = (i: number) => c.blocks[i].lines[0].words[0]?.conf !== undefined;
  const renumbered = fillMisreadNumbers(cands, chosen, ocr);
  for (const i of renumbered.keys()) chosen.add(i);
  return [chosen, renumbered];
}

/**
 * Type that sets a heading apart: bold, underlined or larger than the body; italics only in the
 * body's size or larger (italics in smaller type are a table's notes and sources).
 */
export function headingType(l: Line, bodySize: number): boolean {
  const smaller = l.size < bodySize - BLOCK_SETTINGS.sizeTolerance;
  return l.bold || !!l.underlined || l.size > bodySize + BLOCK_SETTINGS.sizeTolerance || (l.italic && !smaller);
}

/**
 * A title wrapped over a line or two between numbered paragraphs, though no type sets it apart (a
 * scan shows no bold or italics): where the body is numbered paragraphs, an unnumbered block set
 * apart by space, after a paragraph's last sentence and right before the next numbered paragraph,
 * whose last line stops short of the column's edge, is no prose — prose there would carry a number.
 */
function titleBetweenParagraphs(c: Classification, i: number, s: StructureSettings): boolean {
  const { blocks, chosen } = c;
  const b = blocks[i];
  const prev = blocks[i - 1];
  const next = blocks[i + 1];
  if (!prev || !next || !chosen.has(i - 1) || !chosen.has(i + 1) || !b.spaced || !next.spaced) return false;
  if (b.lines.length > s.titleLines || !endsSentence(prev.lines[prev.lines.length - 1].text)) return false;
  const last = b.lines[b.lines.length - 1];
  return last.x1 - last.x0 <= s.headingWidth * widthOf(c, last);
}

/** What block i would be as a heading (level, label, title), or null when it cannot be one. */
function guessHeading(c: Classification, i: number, profile: Profile, s: StructureSettings): HeadingGuess | null {
  const { blocks, tab, bodySize, colWidth } = c;
  const b = blocks[i];
  if (tab[i] || b.lines[0].box !== undefined || c.chosen.has(i) || b.lines.length > s.headingLines) return null;
  // A typed note mark on a heading ("ANNEX*", "Introduction**") is no part of its title.
  const text = joinLines(b.lines).text.replace(HEADING_MARK, '');
  if (!text || /[.;,:]$/.test(text)) return null;
  const pos = c.typographic(b);
  const styled = pos && b.lines.every((l) => headingType(l, bodySize));
  // Text that does not stop before the right margin is prose, unless typography or a label says otherwise.
  const labelled = BULLET.test(text) || ROMAN_LABEL.test(text) || LETTER_LABEL.test(text) || PARAGRAPH_NUMBER.test(text) || RESOLUTION_TITLE.test(text) || UNREAD_LABELLED.test(text);
  if (!styled && !labelled && !titleBetweenParagraphs(c, i, s) && b.lines.some((l) => l.x1 - l.x0 > s.headingWidth * widthOf(c, l))) return null;
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
  if (!/^[A-Z0-9“"‘'(À-Þ]/.test(text) || TABLE_SOURCE.test(text)) return null;
  if (pos && !styled && upperShare(text) < 0.8) return null;
  const top = upperShare(text) >= 0.8 && text.replace(/[^A-Za-z]/g, '').length >= 4 || profile.topLevelTitles.some((re) => re.test(text));
  // Without typography, a top-level title is still unmistakable: capitals or the profile's words.
  return { level: top ? 1 : 3, label: '', title: text, style: '', strong: pos ? styled : top };
}

/**
 * The heading a contents entry announces: at the entry's level, with the label and title the
 * body prints (as a heading guess reads them, else as the contents' entries are split).
 */
function announcedHeading(c: Classification, i: number, e: OutlineEntry): HeadingGuess {
  const guess = c.guessHeading(i);
  if (guess && !guess.style) return { ...guess, level: e.level, strong: true };
  const { label, title } = splitLabel(joinLines(c.blocks[i].lines).text.replace(HEADING_MARK, ''));
  return { level: e.level, label, title, style: '', strong: true };
}

/**
 * A weak subheading guess (no label, no typography, not a top-level title: only what follows it)
 * that a trusted contents listing headings down to its level, printed before it, does not name:
 * the outline says it is no heading.
 */
function unlisted(c: Classification, i: number, h: HeadingGuess): boolean {
  if (h.label || h.strong || h.level === 1) return false;
  return c.trusted.some((l) => Math.max(...l.blocks) < i && l.entries.some((e) => e.level >= h.level));
}

/** A title set right above a picture (a chart, a table printed as an image) is its caption. */
function aboveImage(pages: LaidOutPage[]): (b: Block) => boolean {
  const imagesOf = new Map(pages.map((p) => [p.number, p.images]));
  return (b) => {
    const last = b.lines[b.lines.length - 1];
    return (imagesOf.get(b.page) ?? []).some(
      (im) => im.y0 >= last.y1 - 1 && im.y0 - last.y1 < 3 * last.size && im.x1 > last.x0 && im.x0 < last.x1 && im.y1 - im.y0 > 3 * last.size,
    );
  };
}

/** First pass, from last block to first: a kind for every block. */
function kindEachBlock(c: Classification, pages: LaidOutPage[]): void {
  const { blocks, tab, kinds, headingOf } = c;
  /** A line running most of the column: wrapped text rather than a short title. */
  const wide = (b: Block) => b.lines.some((l) => l.x1 - l.x0 > 0.75 * widthOf(c, l));
  const overImage = aboveImage(pages);
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    const entry = c.announced.get(i);
    if (c.contentsBlocks.has(i)) kinds[i] = 'contents';
    else if (entry) {
      kinds[i] = 'heading';
      tab[i] = false;
      headingOf.set(i, announcedHeading(c, i, entry));
    } else if (tab[i]) kinds[i] = 'tabular';
    else if (b.lines[0].box !== undefined) kinds[i] = 'box';
    else if (c.chosen.has(i)) kinds[i] = 'paragraph';
    else {
      const h = c.guessHeading(i);
      // A heading announces what follows: without typography, accept it only before a
      // paragraph, a box, a list or another heading (a bulleted one only before a paragraph,
      // else it is the first item of a list).
      const nextKind = kinds[i + 1];
      // A bullet packed right against this one (no space between) makes it a list item.
      const bulletAround = (j: number) =>
        blocks[j] !== undefined && BULLET.test(blocks[j].lines[0].text) && !(j < i ? b.spaced : blocks[j].spaced);
      const announces =
        h?.style === 'bullet'
          ? !bulletAround(i - 1) && !listInStep(blocks, i) && (nextKind === 'paragraph' || (!bulletAround(i + 1) && nextKind === 'note' && ((b.lines.length === 1 && c.positional(b)) || !wide(b))))
          : nextKind === 'paragraph' || nextKind === 'heading' || nextKind === 'box' || nextKind === 'list';
      const samePage = (j: number) => blocks[j]?.page === b.page;
      // A numbered title right above a table (an annex's "5. Breakdown of …") announces it too.
      const numberedTitle = !!h?.label && /^\d+$/.test(h.label) && tab[i + 1] && samePage(i + 1);
      const caption = h && !h.label && !h.style && ((tab[i + 1] && samePage(i + 1)) || overImage(b));
      if (caption) {
        // An unnumbered title or note right above or below a table belongs to the table.
        kinds[i] = 'tabular';
        tab[i] = true;
        if (!(tab[i + 1] && samePage(i + 1))) c.pictureCaptions.add(i);
      } else if (h && (h.strong || ((announces || numberedTitle) && !unlisted(c, i, h)))) {
        kinds[i] = 'heading';
        headingOf.set(i, h);
      } else if (BULLET.test(b.lines[0].text) || LETTERED_ITEM.test(b.lines[0].text)) kinds[i] = 'list';
      else kinds[i] = 'note';
    }
  }
}

/** Endnotes: after the last paragraph, a "Notes" title and the numbered notes under it. */
function markEndnotes(c: Classification): void {
  const { blocks, kinds, tab, headingOf } = c;
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
}

/**
 * Forward, now that every block has a kind: an unnumbered title or dash item right under a
 * table, not announcing a paragraph, is one of the table's notes.
 */
function titlesUnderTables(c: Classification): void {
  const { blocks, kinds, tab, headingOf } = c;
  for (let i = 1; i < blocks.length; i++) {
    const h = headingOf.get(i);
    if (!h || h.label || kinds[i] !== 'heading' || c.announced.has(i) || kinds[i - 1] !== 'tabular' || blocks[i - 1].page !== blocks[i].page) continue;
    if (kinds[i + 1] === 'paragraph' && blocks[i + 1].page === blocks[i].page) continue;
    kinds[i] = 'tabular';
    tab[i] = true;
    headingOf.delete(i);
  }
}

/**
 * A labelled heading that wraps: a long title line, then a short unpunctuated line that is not
 * a heading, paragraph or item of its own (dumps put a blank line between the two).
 */
function joinWrappedHeadings(c: Classification): void {
  const { blocks, kinds, headingOf } = c;
  for (let i = 0; i + 1 < blocks.length; i++) {
    const h = headingOf.get(i);
    const nb = blocks[i + 1];
    if (!h || !h.label || nb.page !== blocks[i].page || !['note', 'heading'].includes(kinds[i + 1])) continue;
    if (kinds[i + 1] === 'heading' && headingOf.get(i + 1)!.label) continue;
    const last = blocks[i].lines[blocks[i].lines.length - 1];
    const tail = joinLines(nb.lines).text;
    if (last.x1 - last.x0 < 0.5 * widthOf(c, last) || nb.lines.length > 2 || /[.;:,]$/.test(tail) || BULLET.test(tail)) continue;
    // A title wraps only where its next word does not fit: a heading of its own follows a short title.
    const next = nb.lines[0].words[0];
    if (c.positional(blocks[i]) && next && lineRight(c.m, last) - last.x1 > next.x1 - next.x0 + last.size) continue;
    h.title = `${h.title} ${tail}`;
    blocks[i].lines.push(...nb.lines);
    kinds[i + 1] = 'merged';
    headingOf.delete(i + 1);
  }
}

/**
 * A box without a frame (text dumps): numbered items outside the paragraph sequence, after an
 * introduction that ends with a colon.
 */
function unframedBoxes(c: Classification): void {
  const { blocks, kinds, headingOf } = c;
  for (let i = 0; i < blocks.length; i++) {
    if (kinds[i] !== 'note' && kinds[i] !== 'heading') continue;
    const intro = joinLines(blocks[i].lines).text;
    if (!/:$/.test(intro)) continue;
    let j = i + 1;
    const numberedHeading = (k: number) => kinds[k] === 'heading' && /^\d+$/.test(headingOf.get(k)?.label ?? '');
    while (j < blocks.length && !c.chosen.has(j) && kinds[j] !== 'tabular' && (PARAGRAPH_NUMBER.test(blocks[j].lines[0].text) || kinds[j] === 'note') && (kinds[j] !== 'heading' || numberedHeading(j))) j++;
    if (j > i + 1 && blocks.slice(i + 1, j).some((b) => PARAGRAPH_NUMBER.test(b.lines[0].text))) {
      for (let k = i; k < j; k++) {
        kinds[k] = 'box';
        headingOf.delete(k);
      }
    }
  }
}

/** Front matter: unnumbered heading-like blocks before the heading that opens the body. */
function takeFrontMatter(c: Classification): void {
  const { blocks, kinds, headingOf } = c;
  const firstPara = kinds.indexOf('paragraph');
  if (firstPara > 0) {
    let opener = firstPara - 1;
    while (opener >= 0 && kinds[opener] !== 'heading') opener--;
    for (let i = 0; i < Math.max(0, opener); i++) {
      const h = headingOf.get(i);
      if (kinds[i] === 'heading' && h && !h.label && !c.announced.has(i)) {
        c.frontMatter.push(joinLines(blocks[i].lines).text);
        kinds[i] = 'note';
        headingOf.delete(i);
        blocks[i].front = true;
      }
    }
  }
  // A resolution's number and title is the document's title, whatever masthead stands above it.
  const resolutionTitle = [...headingOf.entries()].find(([i, h]) => (firstPara < 0 || i < firstPara) && RESOLUTION_TITLE.test(`${h.label}. ${h.title}`));
  if (resolutionTitle) c.frontMatter.splice(0, c.frontMatter.length, `${resolutionTitle[1].label}. ${resolutionTitle[1].title}`);
}

/** Every block of the pages with its kind, after all passes. */
export function classify(pages: LaidOutPage[], profile: Profile, s: StructureSettings = STRUCTURE_SETTINGS): Classification {
  const c = prepare(pages, profile, s);
  kindEachBlock(c, pages);
  markEndnotes(c);
  titlesUnderTables(c);
  joinWrappedHeadings(c);
  repairMisreadRomans([...c.headingOf.entries()].filter(([i]) => c.kinds[i] === 'heading').sort(([a], [b]) => a - b).map(([i, h]) => [c.blocks[i], h]));
  unframedBoxes(c);
  takeFrontMatter(c);
  // A resolution's preamble: the clauses before its first operative paragraph.
  for (const i of findPreamble(c.blocks, c.kinds, c.m, c.positional)) c.kinds[i] = 'preamble';
  return c;
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
