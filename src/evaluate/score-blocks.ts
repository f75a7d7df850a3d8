/**
 * Box, list and note scores. Items are matched by text (exact after whitespace normalisation, or
 * similarity ≥ 0.98) rather than by position, so that splitting or merging boxes differently
 * from the gold costs only the items actually lost.
 */
import type { Block } from '../validate/schemas.js';
import { blocksOf, type Gold } from './gold.js';
import { matchTexts, prf, ratio, type Prf } from './metrics.js';
import { normaliseSpace, shorten } from './text.js';

export const ITEM_SIMILARITY = 0.98;

export interface ItemScore extends Prf {
  missing: string[];
  extra: string[];
}

export interface BlockScore {
  /** Box items: each box's intro (item 0) and its numbered items. */
  boxItems: ItemScore & { labelRight: number | null };
  listItems: ItemScore;
  /** Preamble subjects and clauses, and whether the matched ones come in the gold's order. */
  preambleItems: ItemScore & { inOrder: boolean | null };
  notes: { expected: number; found: number; recall: number | null; missing: string[] };
  figures: { expected: number; found: number };
}

export interface Item {
  label: string;
  text: string;
}

/** The gold box items: each box's intro (when it has one) and its numbered items. */
export function goldBoxItems(gold: Gold): Item[] {
  return blocksOf(gold, 'box').flatMap((box) => [
    ...(box.intro && normaliseSpace(box.intro) !== '' ? [{ label: '', text: box.intro }] : []),
    ...box.items.map((item) => ({ label: item.label ?? '', text: item.text })),
  ]);
}

/** The gold bullet-list items. */
/** The gold preamble items: each preamble's subject (when it has one) and its clauses. */
export function goldPreambleItems(gold: Gold): Item[] {
  return blocksOf(gold, 'preamble').flatMap((p) => [...(p.intro ? [{ label: '', text: p.intro }] : []), ...p.clauses.map((text) => ({ label: '', text }))]);
}

export function goldListItems(gold: Gold): Item[] {
  return blocksOf(gold, 'list').flatMap((list) => list.items.map((text) => ({ label: '', text })));
}

function scoreItems(expected: Item[], output: Block[]): { score: ItemScore; pairs: [Item, Block][] } {
  // Empty rows (a box without intro written as an empty item 0) are neither right nor wrong.
  const rows = output.filter((b) => normaliseSpace(b.text) !== '');
  const match = matchTexts(expected, rows, (i) => normaliseSpace(i.text), (b) => normaliseSpace(b.text), ITEM_SIMILARITY);
  return {
    pairs: match.pairs,
    score: {
      ...prf(match.pairs.length, expected.length, rows.length),
      missing: match.missing.map((i) => shorten(normaliseSpace(i.text))),
      extra: match.extra.map((b) => shorten(normaliseSpace(b.text))),
    },
  };
}

export function scoreBlocks(gold: Gold, output: Block[]): BlockScore {
  const ofKind = (kind: Block['kind']): Block[] => output.filter((b) => b.kind === kind);

  const boxItems = goldBoxItems(gold);
  const boxes = scoreItems(boxItems, ofKind('box'));
  const labelRight = boxes.pairs.filter(([item, row]) => item.label === row.label.trim()).length;

  const listItems = goldListItems(gold);
  const lists = scoreItems(listItems, ofKind('list'));

  const preambleGold = goldPreambleItems(gold);
  const preambleRows = ofKind('preamble');
  const preamble = scoreItems(preambleGold, preambleRows);
  const rank = (b: Block) => preambleRows.indexOf(b);
  const order = preamble.pairs.map(([item, row]) => [preambleGold.indexOf(item), rank(row)]).sort((a, b) => a[0] - b[0]);
  const inOrder = preamble.pairs.length ? order.every(([, r], i) => i === 0 || r > order[i - 1][1]) : null;

  const goldNotes: Item[] = blocksOf(gold, 'note').map((note) => ({ label: '', text: note.text }));
  const notes = scoreItems(goldNotes, ofKind('note'));

  return {
    boxItems: { ...boxes.score, labelRight: ratio(labelRight, boxes.pairs.length) },
    listItems: lists.score,
    preambleItems: { ...preamble.score, inOrder },
    notes: { expected: goldNotes.length, found: notes.pairs.length, recall: notes.score.recall, missing: notes.score.missing },
    figures: { expected: blocksOf(gold, 'figure').length, found: ofKind('figure').length },
  };
}
