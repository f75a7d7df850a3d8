/** Paragraph scores: numbering, text fidelity, page and section placement. */
import type { Paragraph } from '../validate/schemas.js';
import { headingWithLabel, type Gold, type GoldParagraph } from './gold.js';
import { similarity } from '../text/levenshtein.js';
import { matchByKey, mean, ratio } from './metrics.js';
import { diffExcerpt, fold, normaliseSpace } from './text.js';

export interface WorstParagraph {
  number: number;
  similarity: number;
  /** Offset of the first difference and the differing stretch of each text. */
  at: number;
  gold: string;
  output: string;
}

export interface ParagraphScore {
  expected: number;
  /** Gold paragraphs whose number is in the output. */
  found: number;
  recall: number | null;
  missing: number[];
  /** Output numbers that are not in the gold. */
  extra: number[];
  /** Numbers that occur more than once in the output (only the first occurrence is scored). */
  duplicates: number[];
  /** Texts equal after whitespace normalisation. */
  exact: number;
  /** exact / expected: a missing paragraph counts as not exact. */
  exactRate: number | null;
  /** Mean similarity over the expected paragraphs, a missing one counting 0. */
  meanSimilarity: number | null;
  /** Mean similarity over the found paragraphs only. */
  meanSimilarityFound: number | null;
  /** Share of found paragraphs on the right page; null when the output has no pages (text dump). */
  pageRight: number | null;
  /** Share of found paragraphs whose `section` is the gold level-1 heading in force. */
  sectionRight: number | null;
  /** Same for `subsection` and the level-2 heading in force (empty when none). */
  subsectionRight: number | null;
  /** Share of found paragraphs whose footnote numbers equal the gold's. */
  footnotesRight: number | null;
  /** The least similar found paragraphs, worst first (identical ones never listed). */
  worst: WorstParagraph[];
}

interface GoldContext {
  paragraph: GoldParagraph;
  section: string;
  subsection: string;
}

/** Each gold paragraph with the level-1 and level-2 headings in force where it stands. */
export function goldParagraphContexts(gold: Gold): GoldContext[] {
  const contexts: GoldContext[] = [];
  let section = '';
  let subsection = '';
  for (const block of gold.blocks) {
    if (block.kind === 'heading' && block.level === 1) {
      section = headingWithLabel(block);
      subsection = '';
    } else if (block.kind === 'heading' && block.level === 2) {
      subsection = headingWithLabel(block);
    } else if (block.kind === 'paragraph') {
      contexts.push({ paragraph: block, section, subsection });
    }
  }
  return contexts;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

export function scoreParagraphs(gold: Gold, output: Paragraph[], worstCount = 10): ParagraphScore {
  const contexts = goldParagraphContexts(gold);
  const firsts = new Map<number, Paragraph>();
  const duplicates = new Set<number>();
  for (const p of output) {
    if (firsts.has(p.number)) duplicates.add(p.number);
    else firsts.set(p.number, p);
  }
  const { pairs, missing, extra } = matchByKey(contexts, [...firsts.values()], (c) => String(c.paragraph.number), (p) => String(p.number));

  const outputHasPages = output.some((p) => p.page !== null);
  let exact = 0;
  let pageRight = 0;
  let pageCompared = 0;
  let sectionRight = 0;
  let subsectionRight = 0;
  let footnotesRight = 0;
  const similarities: number[] = [];
  const diffs: WorstParagraph[] = [];
  for (const [context, para] of pairs) {
    const goldText = normaliseSpace(context.paragraph.text);
    const outText = normaliseSpace(para.text);
    const sim = goldText === outText ? 1 : similarity(goldText, outText);
    similarities.push(sim);
    if (sim === 1) exact++;
    else diffs.push({ number: para.number, similarity: sim, ...diffExcerpt(goldText, outText) });
    const goldPage = context.paragraph.page;
    if (outputHasPages && goldPage != null) {
      pageCompared++;
      if (para.page === goldPage) pageRight++;
    }
    if (fold(para.section) === fold(context.section)) sectionRight++;
    if (fold(para.subsection) === fold(context.subsection)) subsectionRight++;
    if (sameNumbers(para.footnotes, context.paragraph.footnotes ?? [])) footnotesRight++;
  }

  const expected = contexts.length;
  const found = pairs.length;
  diffs.sort((a, b) => a.similarity - b.similarity || a.number - b.number);
  return {
    expected,
    found,
    recall: ratio(found, expected),
    missing: missing.map((c) => c.paragraph.number),
    extra: extra.map((p) => p.number),
    duplicates: [...duplicates].sort((a, b) => a - b),
    exact,
    exactRate: ratio(exact, expected),
    meanSimilarity: expected === 0 ? null : similarities.reduce((s, v) => s + v, 0) / expected,
    meanSimilarityFound: mean(similarities),
    pageRight: outputHasPages ? ratio(pageRight, pageCompared) : null,
    sectionRight: ratio(sectionRight, found),
    subsectionRight: ratio(subsectionRight, found),
    footnotesRight: ratio(footnotesRight, found),
    worst: diffs.slice(0, worstCount),
  };
}
