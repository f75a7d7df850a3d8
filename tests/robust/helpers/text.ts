/** A small text dump in the fixture's style, with the accented and typographic characters that
 * tell the encodings apart, and a Windows-1252 encoder (Node has no encoder for it). */

export function sampleDump(): string {
  return [
    ' INTRODUCTION ',
    ' ',
    '1. This is the first Report of the Director General on the work of the Organization to be ',
    'issued since I assumed office on 1 October 2008. For next year’s Report, I am eager to hear ',
    'the views of the membership on the type of information which would be most useful. ',
    ' ',
    '2. During 2008 the Organization admitted as Members the Republic of Côte d’Ivoire and ',
    'São Tomé and Príncipe, bringing the total membership to 125. The “Migration Initiatives” ',
    'appeal – launched in Genève – raised € 12 million. ',
    ' ',
    '3. The sections following this introduction give a brief account of the type and volume of ',
    'activities during 2008, and particular highlights or developments. ',
    '',
  ].join('\n');
}

const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

export function encodeWindows1252(s: string): Buffer {
  return Buffer.from(
    [...s].map((ch) => {
      if (CP1252[ch] !== undefined) return CP1252[ch];
      const c = ch.codePointAt(0)!;
      if (c < 0x100 && !(c >= 0x80 && c < 0xa0)) return c;
      throw new Error(`not in Windows-1252: ${ch}`);
    }),
  );
}
