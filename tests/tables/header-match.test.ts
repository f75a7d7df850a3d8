import { describe, expect, it } from 'vitest';
import { headerSimilarity, headerWords } from '../../src/structure/tables/header-match.js';

describe('header similarity (continued tables read by OCR)', () => {
  it('reads header words without punctuation, split at slashes', () => {
    expect(headerWords([['Category/Grade', 'P-4'], ['Total (USD)']])).toEqual(['category', 'grade', 'p4', 'total', 'usd']);
  });

  it('scores a misread repeat of a header high, wherever its words sit', () => {
    const a = [['Country of Nationality', 'Headquarters', 'Field', 'Total'], ['', 'F', 'M', 'F', 'M']];
    const b = [['I', 'Headquarters', 'Field', ''], ['Country of Natlonality', 'F', 'MF', 'M', 'Total']];
    expect(headerSimilarity(a, b)).toBeGreaterThan(0.8);
  });

  it('scores other headers low, even with short words in common', () => {
    const a = [['Country of Nationality', 'Headquarters', 'Field', 'Total'], ['', 'F', 'M', 'F', 'M']];
    const b = [['Category/Grade', 'Headquarters', 'Field', 'Total IOM Officials'], ['', 'F', 'M', 'F', 'M', 'F', 'M', 'Total']];
    expect(headerSimilarity(a, b)).toBeLessThan(0.6);
  });
});
