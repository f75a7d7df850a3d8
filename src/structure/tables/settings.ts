/**
 * The tables stage's one settings object. Every distance is relative to the table's font size
 * (its body text size, "em") so that the same values serve 7 pt statistics and 10 pt summaries;
 * nothing here is tuned to one document's points.
 */
export const TABLE_SETTINGS = {
  /** Words closer than this (em) belong to one cell's text. Word spaces are 0.25–0.4 em. */
  phraseGap: 0.75,
  /** Between words of one phrase, a gap this wide (em) that crosses a known column boundary splits it. */
  boundaryGap: 0.5,
  /** A figure at most this far (em) after a row label's word, one word space, may be part of the label. */
  labelFigureGap: 0.5,
  /** Digit groups of one figure ("2 167") are at most this far apart (em). */
  thousandsGap: 0.65,
  /** …and their gaps run on in steps of at most this (em): a wider step ends them. */
  gapStep: 0.1,
  /** A figure at least this much of a separator wider than its digits lost one (OCR): see glued.ts. */
  gluedExcess: 0.5,
  /** …or as wide as figures of its column with as many digits and a separator, within this (digits). */
  gluedMateTolerance: 0.3,
  /** Cell edges within this distance (em) are the same column edge. */
  edgeTolerance: 0.4,
  /** A run of blank x-positions at least this wide (em) between body cells separates columns. */
  minColumnGap: 0.15,
  /** Up to this share of a table's lines may cross a column gap without closing it (stray lines). */
  strayShare: 0.05,
  /** Lines closer than this (em) interleave: the parts of one row's vertically centred cells. */
  interleaveGap: 0.85,
  /** Lines of one wrapped cell are at most this far apart (em). */
  wrapGap: 1.45,
  /** A wrapped cell has at most this many lines. */
  maxCellLines: 6,
  /** Two centres this close (em) sit on the same row. */
  rowTolerance: 0.35,
  /** A cell whose lines centre further than this (em) from every row is not that row's. */
  rowMisfit: 0.6,
  /** Cost (em) of leaving a text fragment in no row (it becomes a spanning label or a row of its own). */
  floatPenalty: 0.5,
  /** Lines of a wrapped header cell line up: centres or left edges within this (em). */
  stackAlign: 0.6,
  /** A group title spreads over neighbouring columns while their middle stays this close (em) to its own. */
  groupCentre: 1.5,
  /** A column filled on at most this share of body rows is sparse (group labels, notes). */
  sparseColumn: 0.75,
  /** A larger line is a table's caption when the next line is at least this far below (em of the caption). */
  captionApart: 1.5,
  /** A heading line at most this far (em of the heading) above a table is its title. */
  titleGap: 2.6,
  /** A horizontal rule spanning this share of a table's width separates its header from its body. */
  ruleSpan: 0.6,
  /** Two pages' tables continue each other when their column edges agree within this (em). */
  continueTolerance: 1.2,
  /** …and a header sharing this share of the first part's header words (misread ones too) repeats it. */
  continueHeaderMatch: 0.7,
  /** Images smaller than this share of the page width are logos, not charts. */
  figureMinWidth: 0.25,
  /** A chart's value axis: at least this many figures, each level with a tick or gridline … */
  axisTicks: 3,
  /** … its middle within this (em) of the stroke … */
  axisTickAlign: 0.3,
  /** … which starts at most this far (em) right of the figure … */
  axisReach: 2,
  /** … and the figures' pitch down the page even to within this share. */
  axisPitch: 0.15,
  /** Table ids: at most this many words of the title. */
  idWords: 8,
};

export type TableSettings = typeof TABLE_SETTINGS;

/**
 * Text dumps have no geometry: their reader weighs readings of each row by costs, in characters
 * of spacing. Kept here with the other settings of the stage.
 */
export const DUMP_SETTINGS = {
  /** Cost of one space more or less than the table's spacing model expects. */
  misfit: 2,
  /** Cost of a blank cell at the end of a row (trailing spaces are not kept in a dump). */
  trailingBlank: 0.3,
  /** Cost per digit group squared of a long figure: keeps thousands chains short and even. */
  chainBalance: 0.01,
  /** Extra cost of a figure of five digit groups or more (a trillion is rare). */
  longChain: 1,
  /** Cost of each column per row when choosing the column count (fewer columns explain more). */
  columnCost: 0.3,
  /** Cost of each blank cell when choosing the column count. */
  blankCost: 0.1,
  /** Cost of moving a figure into the row label ("> 90"). */
  absorbCost: 2,
  /** Cost of a cell whose kind (figure, percentage, rank) differs from its column's. */
  kindCost: 1.5,
  /** Cost per digit group away from the column's usual count. */
  groupCost: 0.5,
  /** Cost per row of a column count other than the one-line header's. */
  headerHintCost: 0.5,
};
