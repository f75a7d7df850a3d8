/**
 * A small XML reader for the evaluation's ground-truth files (ICDAR 2013 structure and region
 * files): elements, attributes in either quote style, text, the five predefined entities and
 * numeric character references. Declarations, comments and processing instructions are skipped;
 * CDATA sections are text. Enough for data files, no validation, no namespaces beyond the name.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) attrs[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/** Skips the construct opening at `at` that ends with `end`; throws when it never ends. */
function skipTo(xml: string, at: number, end: string): number {
  const close = xml.indexOf(end, at);
  if (close < 0) throw new Error(`XML: unterminated construct at offset ${at}`);
  return close + end.length;
}

/** Parses a document and returns its root element. Throws on unbalanced or unterminated tags. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    const top = stack[stack.length - 1];
    if (lt < 0) {
      top.text += decodeEntities(xml.slice(at));
      break;
    }
    if (lt > at) top.text += decodeEntities(xml.slice(at, lt));
    if (xml.startsWith('<!--', lt)) at = skipTo(xml, lt, '-->');
    else if (xml.startsWith('<![CDATA[', lt)) {
      const end = skipTo(xml, lt, ']]>');
      top.text += xml.slice(lt + 9, end - 3);
      at = end;
    } else if (xml.startsWith('<?', lt)) at = skipTo(xml, lt, '?>');
    else if (xml.startsWith('<!', lt)) at = skipTo(xml, lt, '>');
    else if (xml.startsWith('</', lt)) {
      const end = skipTo(xml, lt, '>');
      const name = xml.slice(lt + 2, end - 1).trim();
      if (stack.length < 2 || top.name !== name) throw new Error(`XML: unexpected </${name}> at offset ${lt}`);
      stack.pop();
      at = end;
    } else {
      const end = tagEnd(xml, lt);
      const inner = xml.slice(lt + 1, end - 1);
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const name = /^[^\s/>]+/.exec(body)?.[0];
      if (!name) throw new Error(`XML: malformed tag at offset ${lt}`);
      const element: XmlElement = { name, attrs: parseAttrs(body.slice(name.length)), children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
      at = end;
    }
  }
  if (stack.length > 1) throw new Error(`XML: <${stack[stack.length - 1].name}> is never closed`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error(`XML: expected one root element, found ${elements.length}`);
  return elements[0];
}

/** End of a start tag: the first '>' outside quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  throw new Error(`XML: unterminated tag at offset ${lt}`);
}

/** Child elements of `el` with this name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
