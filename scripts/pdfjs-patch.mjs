/**
 * pdf.js's parser module (pdf.worker.mjs) patched for reading, copied into dist/ by build.mjs.
 * Reading a page (src/load/pdf.ts) asks for its operator list with intent 'any', which nothing else
 * in the program uses; for such a list the parser skips two kinds of work whose result only a
 * renderer needs and reading throws away:
 * - decoding an image XObject's pixels (JPEG, Flate through zlib) and sending them over: reading
 *   needs only the paint operation, whose box comes from the transform;
 * - compiling each glyph's outline and sending it (pdf.js draws text as paths when, as in Node,
 *   there is no FontFace).
 * Operator lists are otherwise the same, so output does not change; rendering (OCR) and the
 * image list OCR reads (other intents) still decode everything. And for every stream: Flate data
 * is inflated by zlib in one call instead of through a DecompressionStream (the same zlib, the
 * same results and errors, without the web-stream round trips: about 10× less CPU on the
 * fixture's content streams). Every patch must apply exactly
 * once; when pdf.js changes, `missing` names the ones that no longer do (the build then keeps
 * pdf.js as it is: slower, same output; tests/load/pdfjs-patch.test.ts fails).
 */

const FLAG = 'reportExtractReading';

/**
 * Both modules polyfill `Response.prototype.bytes` (missing in Node 20) as they load, and the mere
 * look at `Response` makes Node load its fetch implementation (undici, with http, tls and crypto:
 * some 60-85 ms of CPU per thread), which reading never uses. The polyfill now waits for the first
 * use of `Response`, when Node's own lazy global is replaced by one that adds it then.
 */
const LAZY_RESPONSE_BYTES = {
  name: 'Response.prototype.bytes polyfilled on first use of Response',
  find: 'if (typeof Response.prototype.bytes !== "function") {\n  Response.prototype.bytes = async function () {\n    return new Uint8Array(await this.arrayBuffer());\n  };\n}\n',
  replace:
    'const polyfillResponseBytes = R => {\n' +
    '  if (typeof R?.prototype?.bytes !== "function" && R?.prototype) {\n' +
    '    R.prototype.bytes = async function () {\n' +
    '      return new Uint8Array(await this.arrayBuffer());\n' +
    '    };\n' +
    '  }\n' +
    '  return R;\n' +
    '};\n' +
    'const lazyResponse = Object.getOwnPropertyDescriptor(globalThis, "Response");\n' +
    'if (lazyResponse?.get && lazyResponse.configurable) {\n' +
    '  const settle = value => Object.defineProperty(globalThis, "Response", { value, writable: true, configurable: true, enumerable: lazyResponse.enumerable });\n' +
    '  Object.defineProperty(globalThis, "Response", {\n' +
    '    configurable: true,\n' +
    '    enumerable: lazyResponse.enumerable,\n' +
    '    get() {\n' +
    '      const R = polyfillResponseBytes(lazyResponse.get.call(globalThis));\n' +
    '      settle(R);\n' +
    '      return R;\n' +
    '    },\n' +
    '    set: settle\n' +
    '  });\n' +
    '} else {\n' +
    '  polyfillResponseBytes(Response);\n' +
    '}\n',
};

/**
 * pdf.mjs requires @napi-rs/canvas as it loads, for three globals Node lacks (DOMMatrix, ImageData,
 * Path2D) that only rendering uses: loading that native module (Skia, 33 MB) took some 45-65 ms of
 * CPU per thread, and reading never renders. The globals are now getters that load it on first use
 * (rendering a page for OCR), with pdf.js's warnings then; the one DOMMatrix pdf.js made at load
 * (SCALE_MATRIX, for stroking scaled paths) is made on first use too.
 */
const CANVAS_POLYFILL = 'if (isNodeJS) {\n  let canvas;\n  try {\n    const require = process.getBuiltinModule("module").createRequire(import.meta.url);\n    try {\n      canvas = require("@napi-rs/canvas");\n    } catch (ex) {\n      warn(`Cannot load "@napi-rs/canvas" package: "${ex}".`);\n    }\n  } catch (ex) {\n    warn(`Cannot access the \\`require\\` function: "${ex}".`);\n  }\n' +
  ['DOMMatrix', 'ImageData', 'Path2D']
    .map((name) => `  if (!globalThis.${name}) {\n    if (canvas?.${name}) {\n      globalThis.${name} = canvas.${name};\n    } else {\n      warn("Cannot polyfill \`${name}\`, rendering may be broken.");\n    }\n  }\n`)
    .join('');

const LAZY_CANVAS = [
  {
    name: 'canvas globals polyfilled on first use',
    find: CANVAS_POLYFILL,
    replace:
      'if (isNodeJS) {\n' +
      '  let canvas;\n' +
      '  const loadCanvas = () => {\n' +
      '    if (canvas !== undefined) {\n' +
      '      return canvas;\n' +
      '    }\n' +
      '    canvas = null;\n' +
      '    try {\n' +
      '      const require = process.getBuiltinModule("module").createRequire(import.meta.url);\n' +
      '      try {\n' +
      '        canvas = require("@napi-rs/canvas");\n' +
      '      } catch (ex) {\n' +
      '        warn(`Cannot load "@napi-rs/canvas" package: "${ex}".`);\n' +
      '      }\n' +
      '    } catch (ex) {\n' +
      '      warn(`Cannot access the \\`require\\` function: "${ex}".`);\n' +
      '    }\n' +
      '    return canvas;\n' +
      '  };\n' +
      '  for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {\n' +
      '    if (globalThis[name]) {\n' +
      '      continue;\n' +
      '    }\n' +
      '    const settle = value => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });\n' +
      '    Object.defineProperty(globalThis, name, {\n' +
      '      configurable: true,\n' +
      '      enumerable: false,\n' +
      '      get() {\n' +
      '        const value = loadCanvas()?.[name];\n' +
      '        if (value) {\n' +
      '          settle(value);\n' +
      '        } else {\n' +
      '          delete globalThis[name];\n' +
      '          warn(`Cannot polyfill \\`${name}\\`, rendering may be broken.`);\n' +
      '        }\n' +
      '        return value;\n' +
      '      },\n' +
      '      set: settle\n' +
      '    });\n' +
      '  }\n',
  },
  {
    name: 'SCALE_MATRIX made on first use',
    find: 'const SCALE_MATRIX = new DOMMatrix();\n',
    replace: 'let SCALE_MATRIX = null;\n',
  },
  {
    name: 'SCALE_MATRIX made before its first use',
    find: '    SCALE_MATRIX.a = 1 / scaleX;\n',
    replace: '    SCALE_MATRIX ??= new DOMMatrix();\n    SCALE_MATRIX.a = 1 / scaleX;\n',
  },
];

export const PATCHES = [
  LAZY_RESPONSE_BYTES,
  {
    name: 'mark the evaluator of an operator list asked for with intent any',
    find: 'const partialEvaluator = this.#createPartialEvaluator(handler, pageIndex);\n',
    replace:
      'const partialEvaluator = this.#createPartialEvaluator(handler, pageIndex);\n' +
      `    partialEvaluator.${FLAG} = !!(intent & RenderingIntentFlag.ANY) && !!(intent & RenderingIntentFlag.OPLIST);\n`,
  },
  {
    name: 'no glyph outlines for reading',
    find: 'if (isAddToPathSet || state.fillColorSpace.name === "Pattern" || state.strokeColorSpace.name === "Pattern" || font.disableFontFace) {',
    replace: `if (!this.${FLAG} && (isAddToPathSet || state.fillColorSpace.name === "Pattern" || state.strokeColorSpace.name === "Pattern" || font.disableFontFace)) {`,
  },
  {
    name: 'no image decoding for reading',
    find: '    let objId = `img_${this.idFactory.createObjId()}`,\n',
    replace:
      `    if (this.${FLAG}) {\n` +
      '      const objId = `img_${this.idFactory.createObjId()}`;\n' +
      '      operatorList.addDependency(objId);\n' +
      '      operatorList.addImageOps(OPS.paintImageXObject, [objId, w, h], optionalContent, hasMask);\n' +
      '      return;\n' +
      '    }\n' +
      '    let objId = `img_${this.idFactory.createObjId()}`,\n',
  },
  {
    name: 'operator list chunks handed over, not emptied after sending',
    find: '    this.dependencies.clear();\n    this.fnArray.length = 0;\n    this.argsArray.length = 0;\n',
    replace:
      '    this.dependencies.clear();\n' +
      '    this.fnArray = [];\n' +
      '    this.argsArray = [];\n' +
      '    if (this.optimizer.context) {\n' +
      '      this.optimizer.context.fnArray = this.fnArray;\n' +
      '      this.optimizer.context.argsArray = this.argsArray;\n' +
      '    }\n',
  },
  {
    name: 'deflate through zlib at once',
    find: '    try {\n      const {\n        readable,\n        writable\n      } = new DecompressionStream(name);\n',
    replace:
      '    try {\n' +
      '      const zlib = name === "deflate" ? globalThis.process?.getBuiltinModule?.("zlib") : null;\n' +
      '      if (zlib) {\n' +
      '        return {\n' +
      '          decompressed: new Uint8Array(zlib.inflateSync(bytes)),\n' +
      '          compressed: bytes\n' +
      '        };\n' +
      '      }\n' +
      '      const {\n        readable,\n        writable\n      } = new DecompressionStream(name);\n',
  },
];

/**
 * pdf.js's display module (pdf.mjs), patched to go with the parser, as DIR/pdfjs/pdf.mjs. In Node
 * the parser runs on the same thread, behind a port that structured-clones every message: an
 * operator list chunk (every glyph of a page an object) is passed on as it is instead, since the
 * patched parser starts new arrays after sending one instead of emptying them, and nothing on
 * either side changes a chunk after it is sent. The copies were about 4 % of the reading thread's
 * CPU on the mc2278 report (0.2 s of 5.6 s, profiled on a loaded machine), and their garbage.
 */
export const DISPLAY_PATCHES = [
  LAZY_RESPONSE_BYTES,
  ...LAZY_CANVAS,
  {
    name: 'operator list chunks passed on without a copy',
    find: '      data: structuredClone(obj, transfer ? {\n        transfer\n      } : null)\n',
    replace: '      data: obj.chunk?.fnArray ? obj : structuredClone(obj, transfer ? {\n        transfer\n      } : null)\n',
  },
];

/** The patched source, and the patches that did not apply (their text was not found exactly once). */
export function patchPdfjsWorker(source) {
  return applyPatches(source, PATCHES);
}

/** pdf.mjs patched (DISPLAY_PATCHES); only to be used with a parser that all of PATCHES apply to. */
export function patchPdfjsDisplay(source) {
  return applyPatches(source, DISPLAY_PATCHES);
}

function applyPatches(source, patches) {
  const missing = [];
  let out = source;
  for (const p of patches) {
    const at = out.indexOf(p.find);
    if (at < 0 || out.indexOf(p.find, at + 1) >= 0) missing.push(p.name);
    else out = out.slice(0, at) + p.replace + out.slice(at + p.find.length);
  }
  return { source: missing.length ? source : out, missing };
}
