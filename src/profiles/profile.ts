/**
 * Report-family profiles: the one place for what is specific to a series of reports (header
 * patterns, the document-symbol pattern, annex conventions). Everything else is generic. A profile
 * is plain JSON validated here; the generic profile needs no family knowledge at all.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import generic from './generic.json' with { type: 'json' };
import iom from './iom-governing-bodies.json' with { type: 'json' };
import { ExpectedTableSpecSchema } from '../validate/expected-tables.js';

export const ProfileSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string(),
  /** Regular expressions (case-insensitive) for running header/footer lines, matched near page edges. */
  furniture: z.array(z.string()).default([]),
  /** Regular expression for the document symbol, e.g. "MC/\\d{4}"; matched in the first page's header. */
  symbol: z.string().nullable().default(null),
  /** Unnumbered lines that open a top-level part of the report (e.g. an annex), as regexes. */
  topLevelTitles: z.array(z.string()).default([]),
  /**
   * Regexes that, all matched against a document's first pages, pick this profile automatically
   * (one alone may be a mere mention: a UN report citing the family's organization).
   */
  detect: z.array(z.string()).default([]),
  /** Titles of a table of contents (regexes, case-insensitive, the whole line); the generic profile's when absent. */
  contentsTitles: z.array(z.string()).optional(),
  /** Tables the series always carries, checked for drift on every run. */
  tables: z.array(ExpectedTableSpecSchema).default([]),
});
export type ProfileSpec = z.infer<typeof ProfileSchema>;

export interface Profile {
  spec: ProfileSpec;
  furniture: RegExp[];
  symbol: RegExp | null;
  topLevelTitles: RegExp[];
  contentsTitles: RegExp[];
  detect: RegExp[];
}

function compile(spec: ProfileSpec): Profile {
  const re = (s: string) => new RegExp(s, 'i');
  return {
    spec,
    furniture: spec.furniture.map(re),
    symbol: spec.symbol ? re(spec.symbol) : null,
    topLevelTitles: spec.topLevelTitles.map(re),
    contentsTitles: (spec.contentsTitles ?? generic.contentsTitles).map(re),
    detect: spec.detect.map(re),
  };
}

export const BUILTIN_PROFILES: Profile[] = [iom, generic].map((p) => compile(ProfileSchema.parse(p)));

/** A built-in profile by name, or a JSON file path. */
export function loadProfile(nameOrFile: string): Profile {
  const builtin = BUILTIN_PROFILES.find((p) => p.spec.name === nameOrFile);
  if (builtin) return builtin;
  const raw = JSON.parse(readFileSync(nameOrFile, 'utf8'));
  const parsed = ProfileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`profile ${nameOrFile}: ${z.prettifyError(parsed.error)}`);
  return compile(parsed.data);
}

/**
 * The built-in profile every one of whose detection patterns matches a line of the sample (the one
 * with most patterns when several do); generic otherwise.
 */
export function detectProfile(sampleLines: string[]): Profile {
  let best = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;
  let bestHits = 0;
  for (const p of BUILTIN_PROFILES) {
    const all = p.detect.length > 0 && p.detect.every((re) => sampleLines.some((l) => re.test(l.trim())));
    if (all && p.detect.length > bestHits) [best, bestHits] = [p, p.detect.length];
  }
  return best;
}
