import { describe, expect, it } from 'vitest';
import { nativesInPlace } from '../../src/load/pdfjs/natives.js';
import '../../src/load/pdfjs/index.js';

describe('pdf.js entry point', () => {
  it('leaves the engine’s own Array.prototype.push and JSON in place after loading pdf.js', () => {
    expect(nativesInPlace()).toBe(true);
    expect(Function.prototype.toString.call(Array.prototype.push)).toContain('[native code]');
  });
});
