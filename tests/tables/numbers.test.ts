import { describe, expect, it } from 'vitest';
import { parseNumber, unitOf } from '../../src/numbers/parse.js';

describe('parseNumber', () => {
  it.each([
    ['2 167', 2167, '', 'number'],
    ['1,013.0', 1013, '', 'number'],
    ['978 194 369', 978194369, '', 'number'],
    ['22%', 22, '%', 'percent'],
    ['0.5%', 0.5, '%', 'percent'],
    ['10,035', 10035, '', 'number'],
    ['(1 234)', -1234, '', 'number'],
    ['USD 1 000', 1000, 'USD', 'number'],
    ['729 (613 in 2007)', 729, '', 'number'],
    // A raised note mark kept in the cell's text is not a digit of the figure.
    ['298.1²', 298.1, '', 'number'],
    ['(1,234)ᵇ', -1234, '', 'number'],
  ])('%s → %s', (text, value, unit, kind) => {
    expect(parseNumber(text)).toMatchObject({ value, unit, kind });
  });

  it.each([
    ['(1)', 'rank'],
    ['-', 'dash'],
    ['', 'empty'],
    ['Total', 'text'],
  ])('%s means no quantity (%s)', (text, kind) => {
    expect(parseNumber(text)).toMatchObject({ value: null, kind });
  });

  it('keeps the printed precision', () => {
    expect(parseNumber('1 013.0').decimals).toBe(1);
    expect(parseNumber('2 167').decimals).toBe(0);
  });
});

describe('unitOf', () => {
  it.each([
    ['2008 USD million', 'USD million'],
    ['Operational Expenditure (USD)*', 'USD'],
    ['1. IOM Total Expenditures 2004-2008 (USD millions)', 'USD million'],
    ['Share in %', '%'],
    ['Contributions CHF', 'CHF'],
    ['Total Migrants', ''],
  ])('%s → %s', (text, unit) => {
    expect(unitOf(text)).toBe(unit);
  });
});
