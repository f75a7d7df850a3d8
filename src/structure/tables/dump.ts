/**
 * Text-dump tables (placeholder: positional reading).
 */
import type { Draft } from './model.js';
import type { Region } from './regions.js';
import { regionToDraft } from './grid.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';

export function dumpRegionToDraft(region: Region, s: TableSettings = TABLE_SETTINGS): Draft | null {
  return regionToDraft(region, s);
}
