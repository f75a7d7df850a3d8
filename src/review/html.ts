/** The review page: one self-contained HTML file (style, script and data inline; images beside it). */
import type { ReviewData } from './data.js';
import type { PageImageFile } from './images.js';
import { REVIEW_SCRIPT, REVIEW_STYLE } from './client.js';

/** Colours of the legend, as the style draws each kind. */
const KINDS: [string, string][] = [
  ['paragraph', '#1f6fd1'],
  ['heading', '#8e2bc7'],
  ['footnote', '#198a3c'],
  ['block', '#e07b00'],
  ['table', '#d1202a'],
  ['cell', '#e05060'],
  ['mark', '#198a3c'],
];

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** JSON safe inside a <script> element: no "</script>" or "<!--" can end it early. */
const scriptJson = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function reviewHtml(data: ReviewData, pages: PageImageFile[], zoom: number): string {
  const title = `Review: ${data.docId}${data.title ? ` — ${data.title}` : ''}`;
  const legend = KINDS.map(([k, c]) => `<span style="border-color:${c}">${k}</span>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${REVIEW_STYLE}</style>
</head>
<body>
<div id="side">
<h1>${escapeHtml(title)}</h1>
<div id="legend">${legend}</div>
<div id="review"><h2>Needs a look (${data.review.length})</h2><div id="review-items"></div></div>
<div id="records-head"><h2>Records (${data.records.length})</h2><input id="search" type="search" placeholder="search records"></div>
<div id="list"></div>
</div>
<div id="main"><button id="back" type="button">&#8617; back</button></div>
<script type="application/json" id="review-data">${scriptJson({ ...data, pages, zoom })}</script>
<script>${REVIEW_SCRIPT}</script>
</body>
</html>
`;
}
