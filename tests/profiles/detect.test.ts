/** Profile detection: a family's profile needs all of its detection patterns, not a mere mention. */
import { describe, expect, it } from 'vitest';
import { detectProfile } from '../../src/profiles/profile.js';

describe('detectProfile', () => {
  const mention = 'Including the International Organization for Migration and the Office of the High Commissioner.';

  it('keeps the generic profile for a document that only mentions a family organization', () => {
    expect(detectProfile(['A/RES/64/181', 'General Assembly', mention]).spec.name).toBe('generic');
  });

  it("picks the family's profile when its symbol and its name are both on the first pages", () => {
    expect(detectProfile(['MC/2278', 'Page 2', mention]).spec.name).toBe('iom-governing-bodies');
  });
});
