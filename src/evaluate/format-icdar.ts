/** The human-readable text of an ICDAR 2013 score report. */
import { num, pct, prfText } from './format-score.js';
import type { IcdarReport } from './icdar-document.js';
import { REGION_COMPLETE } from './score-icdar.js';

const pages = (p: number[]): string => (p.length ? `p.${p.join(',')}` : 'p.?');

export function formatIcdar(r: IcdarReport): string {
  const lines = [`Output ${r.outputDir}`, `Gold   ${r.goldPath} (ICDAR 2013 structure)${r.regionsPath ? `, regions ${r.regionsPath}` : ''}`, ''];
  lines.push(`Tables       ${r.tables.filter((t) => t.output).length}/${r.tables.length} matched, ${r.extra.length} output table(s) matched to none`);
  lines.push(`Adjacency    ${prfText(r.adjacency)}`);
  lines.push(`             mean F1 per table ${num(r.macroF1)}`);
  const region = new Map((r.regions?.tables ?? []).map((x) => [x.gold, x]));
  for (const t of r.tables) {
    const g = region.get(t.gold);
    const regionText = g ? `   completeness ${num(g.completeness)}  purity ${num(g.purity)}` : '';
    lines.push(`  table ${t.gold} (${pages(t.pages)}) → ${t.output ?? 'not found'}: ${prfText(t.adjacency)}${regionText}`);
  }
  for (const e of r.extra) lines.push(`  extra ${e.output}: ${e.adjacency.found} relation(s), none true`);
  if (r.regions) {
    const s = r.regions.summary;
    lines.push(
      `Regions      ${s.complete}/${s.expected - s.empty} found with completeness ≥ ${REGION_COMPLETE} (${pct(s.completeShare)})${s.empty ? `, ${s.empty} without text left out` : ''}`,
      `             mean completeness ${num(s.meanCompleteness)}  mean purity ${num(s.meanPurity)}  (${s.pure} with purity ≥ ${REGION_COMPLETE})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
