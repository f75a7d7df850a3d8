/**
 * Every threshold of the OCR loader in one place. Pixel values are given in inches or points and
 * converted with the render dpi, so the same settings work at 200 and 300 dpi.
 */
export const OCR_SETTINGS = {
  render: {
    /** Default render resolution for pages that are not a single scanned image. */
    dpi: 300,
    /**
     * A page that is one embedded image covering at least this share of the page is rendered at
     * the image's own resolution: anything higher only interpolates pixels (and at 200 dpi a
     * binarised native image OCRs better and faster than a 300 dpi upsampled one).
     */
    scanCoverage: 0.9,
    /** ...but never below this dpi: upsampling a coarse scan does help tesseract's small text. */
    minScanDpi: 200,
    /**
     * ...and a scan whose capitals are shorter than this (pixels at its own resolution: an x-height
     * of about 10 px, a 7-pt table at 200 dpi) is rendered at the default dpi: tesseract misreads
     * a good fifth of such figures, and about a sixth fewer at 300 dpi.
     */
    minCapHeight: 15,
    /** Ink components this tall (inches) can be glyphs: smaller are specks, taller rules or pictures. */
    glyphMin: 0.02,
    glyphMax: 0.3,
  },

  /** Content crop: no OCR time on blank margins. */
  crop: {
    /**
     * Otsu's threshold closer than this to the paper level (grey levels) split paper noise: the
     * page then counts as ink only what is twice as far below the paper.
     */
    minContrast: 24,
    /** A row/column counts as content when it has at least this many ink pixels (speckle guard). */
    minInkPixels: 3,
    /** Content runs thinner than this (inches) and isolated by more than `gap` are noise. */
    minRun: 0.015,
    gap: 0.3,
    /** Margin kept around the content (inches), so edge glyphs keep their context. */
    pad: 0.08,
  },

  tesseract: {
    /** 4 = single column of text of variable sizes: keeps hanging paragraph numbers and tables. */
    psm: '4',
    /** Retry low-confidence lines inverted (white on dark table headers); no measurable cost otherwise. */
    doInvert: true,
    /** Per-page recognition timeout (ms); the worker is killed and replaced when it fires. */
    pageTimeoutMs: 120_000,
    /** Worker start-up timeout (ms): createWorker never settles on some load errors. */
    initTimeoutMs: 60_000,
  },

  /** Ruled lines found in the binarised image. */
  rules: {
    /**
     * Rules are binarised at this point between the text threshold (0) and the paper level (1): a
     * 0.5 pt rule is an antialiased grey line 1.4 px wide at 200 dpi and breaks up at the text
     * threshold, while paper noise never forms long runs.
     */
    threshold: 0.5,
    /** Shortest rule (inches): shorter solid runs are parts of glyphs (bars of T, E, serifs). */
    minLength: 0.5,
    /** Largest hole bridged inside a rule (points): JPEG noise and thin antialiased lines. */
    maxGap: 1,
    /** Share of a run that must be ink. */
    minFill: 0.9,
    /** ...and of its best line in the text binarisation (a row of blurred serifs reaches ~0.8). */
    minTextFill: 0.85,
    /** Thicker dark runs are filled areas (bars, shading, photos), not rules (points). */
    maxThickness: 3,
    /**
     * The lines this far (points) on both sides of a rule must be mostly clear: that rejects the
     * bottom of a line of text, and is still past the baseline of underlined text.
     */
    clearance: 2,
    maxSideFill: 0.5,
    /**
     * At most this share of a rule may have ink running on from it for `stemLength` points. Stems
     * standing on (or hanging from) the serif row of bold capitals: 0.34 measured; descenders
     * crossing an underline: up to 0.29 under a line full of g and p. OCR'd pages also have the
     * glyph-band test below, which does not depend on this margin.
     */
    maxAttached: 0.33,
    stemLength: 1.5,
    /**
     * A horizontal candidate between the top of the OCR words it runs through and this far (em)
     * below their baseline is a row of serifs, not a rule; an underline sits 0.1-0.15 em below.
     */
    textBandBelow: 0.05,
    /** A '|' glyph this close (em) to a vertical rule is the rule read as text (see rule-glyphs.ts). */
    barReach: 0.5,
    /** A word-end mark at most this wide (em) inside its neighbour's box is a glyph with no ink (see rule-glyphs.ts). */
    phantomWidth: 0.1,
    /** A lone letter or digit at most this big (em) both ways is a speck (see rule-glyphs.ts). */
    speckSize: 0.15,
    /** A dot or comma below this confidence, this far (em) clear of any word on its line, is a speck (see rule-glyphs.ts). */
    strayConf: 60,
    strayClear: 1,
    /** A word whose box holds at most this much ink (em²: a couple of pixels of noise at 200 dpi) has no glyph at all (see rule-glyphs.ts). */
    inkless: 0.0025,
  },

  /** Shaded areas (cell backgrounds, header bands) in the grey page image (see shading.ts). */
  shading: {
    /** Block size (points) the image is averaged over first: it evens out sensor noise and keeps the pass cheap. */
    block: 1,
    /** Dark marks narrower than this (points) are what is printed on a shade, not the shade: text strokes, rules. */
    markWidth: 4,
    /** A shade is at least this much darker than the paper: grey levels… */
    minContrast: 8,
    /** …and this share of the paper-to-text-threshold contrast (a 0.85-grey fill is about a quarter). */
    minTone: 0.08,
    /** Shaded areas narrower or shorter than this (points) are specks or glyph blobs. */
    minSize: 6,
    /** Share of its upright box an area must fill to be a shaded rectangle. */
    minFill: 0.7,
  },

  /** Thousands groups read from the ink of glued digits (see digit-groups.ts): the window above and below the baseline (em). */
  digitGroups: {
    above: 0.85,
    below: 0.12,
  },

  /** Skew from tesseract's line baselines. */
  skew: {
    /** Only lines at least this wide (inches) give a reliable slope (baselines are integer px). */
    minLineWidth: 1.5,
    /** Below this (degrees) words are left as they are. */
    minAngle: 0.02,
    /** Above this (degrees) the estimate is not a small scan skew; nothing is de-rotated. */
    maxAngle: 5,
  },

  /**
   * Font size from line geometry: glyph heights above the baseline relative to the em. The outline
   * metrics of common report faces are x-height 0.46, ascender 0.69, capitals and digits 0.66
   * (Times/Liberation Serif; sans faces a few per cent more), but binarised scanned glyphs measure
   * taller because blur spreads ink past the threshold; these values were measured on a 200-dpi
   * scan at 9, 10, 12 and 14 pt. Each glyph of a known class gives an estimate and the line's
   * median is used, so words without ascenders and lines without lowercase letters still work.
   */
  size: {
    xHeight: 0.49,
    ascender: 0.715,
    capHeight: 0.68,
    /** Glyphs whose bottom is this far (share of the row height) above the baseline are raised marks. */
    raised: 0.2,
    /** Fallback: tesseract's row height (ascender top to descender bottom) relative to the em. */
    rowHeight: 0.92,
    /**
     * Tesseract glues digit groups set with a thousands space ("209 834 348" → "209834348"). A gap
     * between two non-letter glyphs wider than this (em) is a space: a space is about 0.25 em plus
     * bearings, while digits (even "11") sit at most about 0.16 em apart.
     */
    splitGapEm: 0.22,
    /**
     * Words whose glyphs stand this far (em) off their line's baseline have a baseline of their
     * own (see ocr-word-base.ts; less than this the layout puts them on the line anyway). Only words
     * with a digit or capital at least `fullHeight` of the line's capital height can tell.
     */
    ownBaseline: 0.3,
    fullHeight: 0.8,
    /**
     * Lines whose estimates differ by less than this share are one printed size (one glyph pixel is
     * 3-4 % of a 9-12 pt em at 200 dpi): they share the group's mean, so body lines do not
     * alternate between 11.5 and 12.
     */
    sameSize: 0.04,
    /** Estimated sizes are rounded to this step (points): printed sizes are whole or half points... */
    step: 0.5,
    /**
     * ...and mostly whole: an estimate this close (points) to a whole size takes it. Scanned pages
     * differ in scale by a few per cent, which put 12 pt body text at 12.25 on some pages.
     */
    wholeWithin: 0.3,
  },

  /**
   * Raised reference marks found in the image (see splitRaisedMarks), in em of the line. Measured
   * at 200 dpi: superscript digits stand 0.36-0.43 em above the baseline and are 0.39-0.42 em
   * tall; quotes and apostrophes sit as high but are only 0.24-0.27 em tall, the upper dot of a
   * colon or semicolon 0.12 em.
   */
  marks: {
    /** A mark's bottom is at least this far above the baseline... */
    minRaise: 0.25,
    /** ...and it is at least this tall (quotes, degree signs and dots are shorter)... */
    minHeight: 0.33,
    /** ...but shorter than a capital or a digit of the line (0.68 em)... */
    maxHeight: 0.55,
    /** ...and each of its glyphs at most this wide. */
    maxWidth: 0.7,
    /** Glyphs of one mark ("13") are at most this far apart. */
    maxGap: 0.25,
    /** The image is searched from this far above the baseline to this far below. */
    above: 1,
    below: 0.4,
    /** A mark OCR left out of its word's box is searched up to this far past the box... */
    reach: 0.6,
    /** ...and a note's label OCR left out up to this far before the line's first word. */
    labelReach: 1.5,
    /** A label has at most this many glyphs. */
    maxDigits: 3,
    /** A glyph box starting this close to a mark's edge starts there. */
    startTolerance: 0.05,
    /** Punctuation OCR swallowed into a mark: a dot is at most this wide and tall... */
    dot: 0.22,
    /** ...and a full stop's bottom is this close to the baseline... */
    baseTolerance: 0.12,
    /** ...while a comma is this many times taller than wide and reaches this far below it. */
    commaShape: 1.4,
    commaDrop: 0.06,
    /** A word this far (em) clear of the one before it opens a line of its own column (an OCR line read across a gutter). */
    gutter: 1.5,
  },

  /**
   * List bullets found in the image (see restoreBullets), in em of the line. A 12 pt bullet at
   * 200 dpi is a solid dot 8-9 px (0.25 em) across, its foot 0.22 em above the baseline, set
   * 1.2 em before the text.
   */
  bullets: {
    /** Searched this far before the line's first word... */
    reach: 2,
    /** ...from this far above the baseline to this far below. */
    above: 0.8,
    below: 0.3,
    /** Width and height of the dot, and how far from round it may be. */
    minSize: 0.15,
    maxSize: 0.45,
    maxAspect: 1.4,
    /** Share of its box that is ink: a round dot fills 0.79, "+", "o" or "°" much less. */
    minFill: 0.6,
    /** Its foot is at least this far above the baseline (a full stop sits on it)... */
    minRaise: 0.1,
    /** ...and its top at most this high (x-height 0.49 em). */
    maxTop: 0.65,
    /** The text after it starts at least this far away. */
    minGap: 0.4,
  },

  /**
   * Section labels found in the image (see readLabels), in em of the line. In a sans-serif face a
   * roman "I" is a bare stroke that tesseract reads as "l", "1", "[" or drops, with its stop: at
   * 200 dpi the stroke is 0.6-0.75 em tall and under 0.15 em wide.
   */
  labels: {
    /** Searched this far before the title's first word... */
    reach: 6,
    /** ...from this far above the baseline to this far below. */
    above: 1,
    below: 0.3,
    /** A stroke is at least this tall and at most this wide... */
    minStroke: 0.5,
    maxStrokeWidth: 0.2,
    /** ...and stands on the baseline, within this much. */
    baseTolerance: 0.12,
    /** A label has at most this many glyphs before its stop. */
    maxGlyphs: 4,
    /** Its stop is at most this far before the title. */
    maxGap: 4,
  },

  /**
   * An "i" told from a bare stroke (I, l) by its dot (see dotless-i.ts), in em of the line. At
   * 200 dpi an i's dot stands 2-3 px clear of its stem, whose top is at the x-height (0.49 em);
   * a capital I or an l reaches 0.68-0.72 em.
   */
  letterI: {
    /** The ink is searched from this far above the baseline to this far below... */
    above: 0.9,
    below: 0.15,
    /** ...a stroke stands on the baseline within this much, is at most this wide... */
    baseTolerance: 0.12,
    maxStrokeWidth: 0.2,
    /** ...and, to be no i, at least this tall with nothing above it. */
    minStroke: 0.6,
    /** A capital I dropped at a word's end (see dropped-strokes.ts) is searched up to this far past the word's box. */
    dropReach: 0.15,
  },

  /**
   * Opening quotes from the ink (see quote-shapes.ts): a tick's ink in its upper half over that in
   * its lower half. Measured on a 200-dpi scan of Liberation Sans: a turned comma (‘ “) 0.63-0.78,
   * a straight wedge (' ") or a comma (’ ”) 1.14-1.62.
   */
  quotes: {
    maxOpen: 0.9,
  },

  /**
   * Dashes by the length of their bar (see dash-widths.ts), in em of the line. Measured on a
   * 200-dpi scan: hyphens 0.19-0.28 em, en dashes 0.48-0.53; an em dash is nearly 1 em.
   */
  dashes: {
    maxHyphen: 0.33,
    minEn: 0.4,
    maxEn: 0.7,
    minEm: 0.8,
    /** A bar is at most this thick, searched up to this far above the baseline and this far either side of its box. */
    maxThickness: 0.2,
    above: 0.6,
    margin: 0.3,
  },

  /** Lines opening with a raised label, read again after it (see label-reread.ts). */
  reread: {
    /** The crop has this much margin (em) round the line's box. */
    pad: 0.3,
    /** The new reading must start and end within this much (em) of the old one's words. */
    sameSpan: 0.5,
  },

  /** When a PDF's own text layer is trusted instead of OCR (see textLayerUsable). */
  textLayer: {
    /** Fewer letters and digits than this while images cover `imageCoverage` of the page: a scan. */
    minChars: 40,
    imageCoverage: 0.5,
    /** Share of U+FFFD, control or private-use characters above which the layer is garbage. */
    maxBadCharRatio: 0.05,
    /** Share of letters and digits among non-space characters below which it is symbol soup. */
    minAlnumRatio: 0.5,
    /** Share of alphabetic tokens that must look like words (a vowel, no long consonant runs). */
    minWordLikeRatio: 0.6,
    /** ...stricter when the page is covered by an image: that text layer is a previous OCR's. */
    minWordLikeRatioOverImage: 0.8,
    /** Share of words with impossible geometry (outside the page, empty box, tiny size). */
    maxBadGeometryRatio: 0.2,
    /** Alphabetic tokens needed before ratios mean anything. */
    minTokens: 10,
  },
};

export type OcrSettings = typeof OCR_SETTINGS;
