/**
 * The structure stage's second half: classified blocks → records, in reading order. One method
 * per kind of block; the builder keeps what is open (a paragraph, a list or box item, a note, a
 * preamble) and the section, subsection and heading each record is filed under.
 */
import type { Line } from '../layout/lines.js';
import type { Unclassified } from '../model/document.js';
import { UNREAD_LABEL } from '../model/page.js';
import type { Block as BlockRecord, Heading, Paragraph } from '../validate/schemas.js';
import { type Block, endsSentence, lineColumnWidth, lineLeft, reachesRight } from './blocks.js';
import type { Classification, HeadingGuess } from './classify.js';
import type { TextHolder } from './footnotes.js';
import { BULLET, PARAGRAPH_NUMBER, romanValue, toRoman } from './numbering.js';
import { clauseOpenings, isSubject } from './preamble.js';
import { isHeaderLike } from './tabular.js';
import { TABLE_NOTE } from '../layout/footnote-zone.js';
import { joinLines, upperShare } from './text.js';

/** A record whose text and footnote references are set once footnotes are linked. */
export interface Holder {
  holder: TextHolder;
  set: (text: string, notes: number[]) => void;
  paragraph: () => number | null;
}

/** A list or box item being read: its record and lines (`drop` characters of label on the first). */
interface OpenItem {
  rec: BlockRecord;
  lines: Line[];
  drop: number;
}

/** Character offset → page of a record's text, for footnote marks. */
function pagesOf(lines: Line[], drop = 0): [number, number][] {
  const out: [number, number][] = [];
  let off = 0;
  lines.forEach((l, i) => {
    if (!out.length || out[out.length - 1][1] !== l.page) out.push([off, l.page]);
    off += (i === 0 ? l.text.length - drop : l.text.length) + 1;
  });
  return out;
}

function noteRecord(b: Block, parent: number | null, n: number): BlockRecord {
  return { kind: 'note', parent_paragraph: parent, page: b.page, item: 0, label: '', text: joinLines(b.lines).text, block_id: `note-${n}`, footnotes: [] };
}

/** Share of the column a block's first line starts in from its left edge to be set off (centred, set right). */
const SET_OFF_INDENT = 0.25;

/**
 * A block set off from the column's left edge (centred or set right, like a resolution's closing
 * "41st meeting / 1 October 2009"): text that runs on from a finished sentence starts at the edge.
 */
export function setOff(b: Block, c: Pick<Classification, 'm' | 'positional'>): boolean {
  const first = b.lines[0];
  return c.positional(b) && first.x0 >= lineLeft(c.m, first) + SET_OFF_INDENT * lineColumnWidth(c.m, first);
}

export class RecordBuilder {
  readonly paragraphs: Paragraph[] = [];
  readonly headings: Heading[] = [];
  readonly blockRecords: BlockRecord[] = [];
  readonly holders: Holder[] = [];
  readonly tabular: Block[] = [];
  readonly unclassified: Unclassified[] = [];
  readonly endnoteLines: Line[] = [];
  /** The lines each record was made of. */
  readonly sources = new Map<object, Line[]>();

  private section = '';
  private subsection = '';
  private heading = '';
  private lastHeadingLevel = 0;
  private romanSeen = 0;
  private letterSeen = 0;
  private afterTable = false;
  private contentSinceHeading = true;
  private para: { rec: Paragraph; lines: Line[]; numberLen: number } | null = null;
  private lastPara: number | null = null;
  private listItem: OpenItem | null = null;
  private boxKey = '';
  private boxCount = 0;
  private listCount = 0;
  private listOpen = false;
  private noteCount = 0;
  private boxItem: OpenItem | null = null;
  private lastLine: Line | null = null;
  private noteOpen: { rec: BlockRecord; lines: Line[] } | null = null;
  /** Items numbered so far in each box and list (item 0 is a box's introduction). */
  private readonly itemsIn = new Map<string, number>();
  private preambleCount = 0;
  private contentsCount = 0;
  private readonly preambleLines: Line[] = [];
  private readonly preambleStarts = new Set<Line>();

  constructor(private readonly c: Classification) {}

  /** Every block in reading order, then whatever is still open. */
  build(): this {
    this.c.blocks.forEach((b, i) => this.take(b, i));
    this.closeAll();
    return this;
  }

  private take(b: Block, i: number): void {
    const kind = this.c.kinds[i];
    if (kind === 'merged') return;
    if (kind === 'endnote') return this.endnote(b);
    if (kind === 'preamble') return this.preamble(b, i);
    if (kind === 'contents') return this.contents(i);
    if (kind === 'tabular') return this.table(b, i);
    // Notes and dash lists right under a table, before the text resumes, are the table's notes.
    if (this.afterTable && (kind === 'note' || kind === 'list') && this.c.blocks[i - 1]?.page === b.page && !this.resumes(b)) {
      this.tabular.push(b);
      return;
    }
    this.afterTable = false;
    if (kind === 'paragraph') return this.paragraph(b, i);
    if (kind === 'heading') return this.headingBlock(b, this.c.headingOf.get(i)!);
    this.contentSinceHeading = true;
    if (kind === 'box') return this.box(b);
    if (this.boxKey && this.c.kinds[i - 1] === 'box' && !b.lines[0].box && kind === 'note' && this.continues(b)) {
      this.boxItem?.lines.push(...b.lines);
      this.lastLine = b.lines[b.lines.length - 1];
      return;
    }
    this.closeBox();
    if (kind === 'list') return this.list(b);
    this.prose(b, i);
  }

  // Text runs on into this block: the last line was full, or this block starts mid-sentence.
  private continues(b: Block): boolean {
    return this.lastLine !== null && (reachesRight(this.lastLine, this.c.m, this.c.positional(b)) || /^[a-z]/.test(b.lines[0].text));
  }

  private nextItem(blockId: string): number {
    const n = (this.itemsIn.get(blockId) ?? 0) + 1;
    this.itemsIn.set(blockId, n);
    return n;
  }

  private endnote(b: Block): void {
    this.closeAll();
    this.endnoteLines.push(...b.lines);
  }

  private preamble(b: Block, i: number): void {
    if (!this.preambleLines.length) this.closeAll();
    this.preambleLines.push(...b.lines);
    this.preambleStarts.add(b.lines[0]);
    if (this.c.kinds[i + 1] !== 'preamble') this.closePreamble();
    this.contentSinceHeading = true;
    this.lastLine = null;
  }

  private table(b: Block, i: number): void {
    this.tabular.push(b);
    this.afterTable = !this.c.pictureCaptions.has(i);
    // Text stopped mid-sentence by a table (set inside its column, or at the head of the next)
    // stays open: what continues it after the table joins it. Anything else ends at the table.
    if (!this.stoppedMidSentence(b)) this.lastLine = null;
  }

  /**
   * A paragraph or list item is open and was cut: its last line runs to the column's right edge
   * and ends without a stop or a colon. (A note may be a chart's or table's title: it ends there.)
   */
  private stoppedMidSentence(table: Block): boolean {
    const l = this.lastLine;
    if (l === null || (this.para === null && this.listItem === null)) return false;
    return reachesRight(l, this.c.m, this.c.positional(table)) && !endsSentence(l.text);
  }

  /**
   * After a table, the text stopped by it resumes here: the block continues the open text, is set
   * in the body's size and does not open like a table's note.
   */
  private resumes(b: Block): boolean {
    const first = b.lines[0];
    return this.continues(b) && !TABLE_NOTE.test(first.text) && (!this.c.positional(b) || Math.abs(first.size - this.c.bodySize) <= 0.5);
  }

  private paragraph(b: Block, i: number): void {
    this.closeAll();
    const mm = PARAGRAPH_NUMBER.exec(b.lines[0].text)!;
    const n = this.c.renumbered.get(i) ?? Number(mm[1]);
    const { section, subsection, heading } = this;
    this.para = {
      rec: { number: n, page: b.page, section, subsection, heading, footnotes: [], text: '', page_last: b.page },
      lines: [...b.lines],
      numberLen: b.lines[0].text.length - mm[2].length,
    };
    this.lastPara = n;
    this.contentSinceHeading = true;
    this.lastLine = b.lines[b.lines.length - 1];
  }

  private headingBlock(b: Block, h: HeadingGuess): void {
    // An unnumbered top-level line straight after another top-level heading is its subtitle.
    if (h.level === 1 && !h.label && this.lastHeadingLevel === 1 && !this.contentSinceHeading) {
      this.closeAll();
      const subtitle = noteRecord(b, this.lastPara, ++this.noteCount);
      this.blockRecords.push(subtitle);
      this.sources.set(subtitle, b.lines);
      this.lastLine = null;
      return;
    }
    this.closeAll();
    if (h.label === UNREAD_LABEL) h.label = h.level === 1 ? toRoman(this.romanSeen + 1) : String.fromCharCode(65 + this.letterSeen);
    resolveLabel(h, this.romanSeen, this.letterSeen);
    if (h.level === 1 && h.label) this.romanSeen = romanValue(h.label) ?? this.romanSeen;
    if (h.level === 1) this.letterSeen = 0;
    if (h.level === 2 && /^[A-Z]$/.test(h.label)) this.letterSeen = h.label.charCodeAt(0) - 64;
    const title = h.title.replace(/\s+/g, ' ').trim();
    const rec: Heading = { level: h.level, label: h.label, title, page: b.page, style: h.style };
    this.headings.push(rec);
    this.sources.set(rec, b.lines);
    const full = h.label ? `${h.label}. ${title}` : title;
    if (h.level === 1) [this.section, this.subsection, this.heading] = [full, '', ''];
    else if (h.level === 2) [this.subsection, this.heading] = [full, ''];
    else this.heading = title;
    this.lastHeadingLevel = h.level;
    this.contentSinceHeading = false;
    this.lastLine = null;
  }

  private box(b: Block): void {
    this.closePara();
    this.closeList();
    const key = `${b.page}:${b.lines[0].box ?? 'dump'}`;
    const startsNew = this.boxKey === '' || (b.lines[0].box !== undefined && key !== this.boxKey);
    if (startsNew) {
      this.closeBox();
      this.boxKey = key;
      this.boxCount++;
    }
    // One frame may hold several boxes: an unnumbered introduction after items opens the next.
    const intro = !PARAGRAPH_NUMBER.test(b.lines[0].text) && /:$/.test(joinLines(b.lines).text);
    if (!startsNew && intro && this.boxItem && this.boxItem.rec.item > 0) {
      this.closeBox();
      this.boxKey = key;
      this.boxCount++;
    }
    const blockId = `box-${this.boxCount}`;
    for (const l of b.lines) {
      const item = PARAGRAPH_NUMBER.exec(l.text);
      if (item && item[2] && l === b.lines[0]) {
        this.closeItem(this.boxItem);
        this.boxItem = {
          rec: { kind: 'box', parent_paragraph: this.lastPara, page: l.page, item: this.nextItem(blockId), label: item[1], text: '', block_id: blockId, footnotes: [] },
          lines: [l],
          drop: l.text.length - item[2].length,
        };
      } else if (this.boxItem) this.boxItem.lines.push(l);
      else {
        this.boxItem = { rec: { kind: 'box', parent_paragraph: this.lastPara, page: l.page, item: 0, label: '', text: '', block_id: blockId, footnotes: [] }, lines: [l], drop: 0 };
      }
    }
    this.lastLine = b.lines[b.lines.length - 1];
  }

  private list(b: Block): void {
    const keep = this.listOpen;
    this.closePara();
    this.closeList();
    this.listOpen = keep;
    if (!this.listOpen) this.listCount++;
    this.listOpen = true;
    const bullet = BULLET.exec(b.lines[0].text);
    const drop = bullet ? b.lines[0].text.length - bullet[1].length : 0;
    const blockId = `list-${this.listCount}`;
    this.listItem = {
      rec: { kind: 'list', parent_paragraph: this.lastPara, page: b.page, item: this.nextItem(blockId), label: '', text: '', block_id: blockId, footnotes: [] },
      lines: [...b.lines],
      drop,
    };
    this.lastLine = b.lines[b.lines.length - 1];
  }

  /**
   * An unnumbered prose block: the rest of the paragraph, item or note it continues, or a new
   * note. A heading-like line after a finished sentence starts something new.
   */
  private prose(b: Block, i: number): void {
    const finished = this.lastLine !== null && /[.!?]["”’)]?$/.test(this.lastLine.text.trim()) && (this.c.guessHeading(i) !== null || setOff(b, this.c));
    if (this.continues(b) && !finished && (this.para || this.listItem || this.noteOpen)) {
      if (this.para || this.listItem) (this.para ?? this.listItem)!.lines.push(...b.lines);
      else this.noteOpen!.lines.push(...b.lines);
      this.lastLine = b.lines[b.lines.length - 1];
      return;
    }
    this.closeAll();
    if (b.front) {
      this.lastLine = null;
      return;
    }
    const kinds = this.c.kinds;
    if (kinds[i - 1] === 'tabular' || kinds[i + 1] === 'tabular') {
      if (b.lines.every((l) => isHeaderLike(l.text)) || TABLE_NOTE.test(b.lines[0].text)) {
        this.tabular.push(b);
        this.lastLine = null;
        return;
      }
    }
    this.noteOpen = { rec: noteRecord(b, this.lastPara, ++this.noteCount), lines: [...b.lines] };
    this.lastLine = b.lines[b.lines.length - 1];
  }

  /**
   * A table of contents, at its first block: item 0 its title and column heads, then one item per
   * entry (its label, and its title without leaders, paragraph range or page).
   */
  private contents(i: number): void {
    const list = this.c.contents.find((l) => l.blocks[0] === i);
    if (!list) return;
    this.closeAll();
    const blockId = `contents-${++this.contentsCount}`;
    const add = (item: number, label: string, text: string, lines: Line[]) => {
      const rec: BlockRecord = { kind: 'contents', parent_paragraph: this.lastPara, page: lines[0].page, item, label, text, block_id: blockId, footnotes: [] };
      this.blockRecords.push(rec);
      this.sources.set(rec, lines);
    };
    if (list.head.length) add(0, '', joinLines(list.head).text, list.head);
    list.entries.forEach((e, k) => add(k + 1, e.label, e.title, e.lines));
    this.lastLine = null;
  }

  /** A record is done: keep it, its lines, and its text for footnote linking. */
  private keep(rec: BlockRecord, lines: Line[], drop = 0): void {
    const j = joinLines(lines, drop);
    rec.text = j.text;
    this.blockRecords.push(rec);
    this.sources.set(rec, lines);
    const parent = rec.parent_paragraph;
    this.holders.push({ holder: { text: j.text, marks: j.marks, pages: pagesOf(lines, drop), footnotes: [] }, set: (t, f) => ((rec.text = t), (rec.footnotes = f)), paragraph: () => parent });
  }

  /** The preamble's clauses as records: item 0 the subject ("The General Assembly,") if any, then 1, 2 … */
  private closePreamble(): void {
    if (!this.preambleLines.length) return;
    const blockId = `preamble-${++this.preambleCount}`;
    const openings = new Set(clauseOpenings(this.preambleLines, this.preambleStarts, this.c.m));
    const clauses: Line[][] = [];
    for (const l of this.preambleLines) {
      if (openings.has(l) || !clauses.length) clauses.push([]);
      clauses[clauses.length - 1].push(l);
    }
    const subject = clauses.length > 1 && isSubject(clauses[0], this.c.m);
    clauses.forEach((lines, k) => {
      const rec: BlockRecord = { kind: 'preamble', parent_paragraph: this.lastPara, page: lines[0].page, item: subject ? k : k + 1, label: '', text: '', block_id: blockId, footnotes: [] };
      this.keep(rec, lines);
    });
    this.preambleLines.length = 0;
    this.preambleStarts.clear();
  }

  private closePara(): void {
    this.closeNote();
    if (!this.para) return;
    const p = this.para;
    const j = joinLines(p.lines, p.numberLen);
    p.rec.text = j.text;
    p.rec.page_last = p.lines[p.lines.length - 1].page;
    const holder: TextHolder = { text: j.text, marks: j.marks, pages: pagesOf(p.lines, p.numberLen), footnotes: [] };
    this.holders.push({ holder, set: (t, n) => ((p.rec.text = t), (p.rec.footnotes = n)), paragraph: () => p.rec.number });
    this.paragraphs.push(p.rec);
    this.sources.set(p.rec, p.lines);
    this.para = null;
  }

  private closeItem(item: OpenItem | null): void {
    if (item) this.keep(item.rec, item.lines, item.drop);
  }

  private closeList(): void {
    this.closeItem(this.listItem);
    this.listItem = null;
  }

  private closeBox(): void {
    this.closeItem(this.boxItem);
    this.boxItem = null;
    this.boxKey = '';
  }

  private closeNote(): void {
    if (!this.noteOpen) return;
    this.keep(this.noteOpen.rec, this.noteOpen.lines);
    this.noteOpen = null;
  }

  private closeAll(): void {
    this.closeNote();
    this.listOpen = false;
    this.closePara();
    this.closeList();
    this.closeBox();
  }
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
