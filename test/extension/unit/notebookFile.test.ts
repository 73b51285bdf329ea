import { strict as assert } from 'assert';
import {
  NotebookCodec, NotebookParseError, decodeNotebook, CellMeta, NotebookMeta,
} from '../../../src/extension/notebookFile';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

/** Files in the layouts people and tools write; each must come back byte for byte. */
const files: Record<string, string> = {
  twoSpaces: '{\n  "version": 1,\n  "cells": [\n    {\n      "kind": "code",\n      "language": "poolscript",\n      "source": "x = torch.ones(1, 1, 4, 4)\\nnn.MaxPool2d(2)(x)",\n      "metadata": {}\n    }\n  ],\n  "metadata": {}\n}\n',
  fourSpacesNoFinalNewline: '{\n    "version": 1,\n    "cells": [\n        {\n            "kind": "markdown",\n            "language": "markdown",\n            "source": "# 池化",\n            "metadata": {}\n        }\n    ],\n    "metadata": {}\n}',
  tabsCrlf: '{\r\n\t"version": 1,\r\n\t"cells": [\r\n\t\t{\r\n\t\t\t"kind": "code",\r\n\t\t\t"language": "poolscript",\r\n\t\t\t"source": "print(1)",\r\n\t\t\t"metadata": {}\r\n\t\t}\r\n\t],\r\n\t"metadata": {}\r\n}\r\n',
  compact: '{"version":1,"cells":[{"kind":"code","language":"poolscript","source":"1+1","metadata":{}}],"metadata":{}}',
  handWritten: '{ "cells" : [ { "source":"a = 1", "kind":"code", "language":"poolscript", "tags": ["x"] } ],\n  "version":1,  "author": {"name": "Li"} }\n',
  bom: '\ufeff{"version": 1, "cells": [], "metadata": {"title": "t"}}\n',
  withOutputs: '{\n  "version": 1,\n  "cells": [\n    {\n      "kind": "code",\n      "language": "poolscript",\n      "source": "print(2)",\n      "metadata": {},\n      "outputs": [\n        {"items":[{"mime":"application/vnd.code.notebook.stdout","text":"2\\n"}]},\n        {"items":[{"mime":"application/vnd.poolnb.value+json","json":{"kind":"text","text":"2"}},{"mime":"text/plain","text":"2"},{"mime":"image/png","base64":"iVBORw0KGgo="}]}\n      ],\n      "execution": {"order":3,"success":true}\n    }\n  ],\n  "metadata": {}\n}\n',
  empty: '',
  whitespace: '  \n\n ',
};

describe('notebookFile: .poolnb codec', () => {
  for (const [name, text] of Object.entries(files)) {
    it(`gives back the same bytes when saved unchanged: ${name}`, () => {
      const codec = new NotebookCodec();
      const bytes = enc(text);
      const doc = codec.decode(bytes);
      // a copy, as VS Code hands back new objects on save
      const copy = JSON.parse(JSON.stringify(doc, (_k, v) => (v instanceof Uint8Array ? Array.from(v) : v)), (k, v) =>
        (k === 'data' && Array.isArray(v) ? Uint8Array.from(v) : v));
      assert.equal(dec(codec.encode(copy)), text);
    });
  }

  it('reproduces a JSON.stringify-style file with a fresh codec (style is remembered in metadata)', () => {
    for (const name of ['twoSpaces', 'fourSpacesNoFinalNewline', 'tabsCrlf', 'compact', 'withOutputs']) {
      const doc = decodeNotebook(enc(files[name]));
      assert.equal(dec(new NotebookCodec().encode(doc)), files[name], name);
    }
  });

  it('keeps unknown top-level and cell fields, key order and style after an edit', () => {
    const codec = new NotebookCodec();
    const doc = codec.decode(enc(files.handWritten));
    const cellMeta = doc.cells[0].metadata as CellMeta;
    assert.deepEqual(cellMeta.extra, { tags: ['x'] });
    assert.deepEqual((doc.metadata as NotebookMeta).extra, { author: { name: 'Li' } });
    doc.cells[0].value = 'a = 2';
    const out = JSON.parse(dec(codec.encode(doc)));
    assert.deepEqual(Object.keys(out), ['cells', 'version', 'author', 'metadata']);
    assert.deepEqual(Object.keys(out.cells[0]), ['source', 'kind', 'language', 'tags']);
    assert.equal(out.cells[0].source, 'a = 2');
    assert.deepEqual(out.author, { name: 'Li' });
  });

  it('writes an edited indented file with its indent and each output on one line', () => {
    const codec = new NotebookCodec();
    const doc = codec.decode(enc(files.withOutputs));
    doc.cells[0].value = 'print(3)';
    const text = dec(codec.encode(doc));
    assert.match(text, /^\{\n {2}"version": 1,\n {2}"cells": \[\n {4}\{\n/);
    assert.match(text, /\n {8}\{"items":\[\{"mime":"application\/vnd.code.notebook.stdout","text":"2\\n"\}\]\},\n/);
  });

  it('opens an empty or whitespace-only file as an empty notebook', () => {
    assert.deepEqual(decodeNotebook(enc('')).cells, []);
    assert.deepEqual(decodeNotebook(enc(' \n\t\n')).cells, []);
  });

  it('decodes outputs: json items, text, base64 bytes, execution summary', () => {
    const doc = decodeNotebook(enc(files.withOutputs));
    const [o1, o2] = doc.cells[0].outputs!;
    assert.equal(dec(o1.items[0].data), '2\n');
    assert.deepEqual(JSON.parse(dec(o2.items[0].data)), { kind: 'text', text: '2' });
    assert.deepEqual(Array.from(o2.items[2].data), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepEqual(doc.cells[0].execution, { order: 3, success: true });
  });

  const bad: Array<[string, string, RegExp, number, number]> = [
    ['missing comma', '{\n  "version": 1\n  "cells": []\n}', /Expected ',' or '}'/, 3, 3],
    ['truncated', '{"version": 1, "cells": [', /Unexpected end of file/, 1, 26],
    ['trailing comma', '{\n  "version": 1,\n}', /Expected a property name/, 3, 1],
    ['garbage', 'hello', /Unexpected character "h"/, 1, 1],
    ['raw newline in string', '{"cells": [{"source": "a\nb"}]}', /Control character/, 1, 25],
    ['not an object', '[1, 2]', /must be a JSON object/, 1, 1],
    ['newer version', '{\n  "version": 2,\n  "cells": []\n}', /Unsupported notebook version 2/, 2, 3],
    ['cells not array', '{"version": 1, "cells": {}}', /"cells" must be an array/, 1, 16],
    ['bad kind', '{"version": 1, "cells": [{"kind": "code"},\n  {"kind": "raw"}]}', /Cell 2: "kind"/, 2, 3],
    ['source not string', '{"version": 1, "cells": [{"source": ["a", "b"]}]}', /Cell 1: "source" must be a string/, 1, 26],
    ['text after value', '{"version": 1, "cells": []} x', /Unexpected text after/, 1, 29],
  ];
  for (const [name, text, message, line, column] of bad) {
    it(`rejects a malformed file with its line and column: ${name}`, () => {
      assert.throws(() => new NotebookCodec().decode(enc(text)), (e: unknown) => {
        assert.ok(e instanceof NotebookParseError, String(e));
        assert.match(e.message, message);
        assert.deepEqual([e.line, e.column], [line, column], e.message);
        return true;
      });
    });
  }

  it('rejects bytes that are not UTF-8', () => {
    assert.throws(() => decodeNotebook(new Uint8Array([0x7b, 0xff, 0x7d])), /not valid UTF-8/);
  });

  it('treats a "__proto__" key as data', () => {
    const doc = decodeNotebook(enc('{"version": 1, "cells": [], "__proto__": {"x": 1}}'));
    assert.deepEqual(Object.keys((doc.metadata as NotebookMeta).extra!), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });
});

describe('notebookFile: examples and generated notebooks', () => {
  const fs = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const fc = require('fast-check') as typeof import('fast-check');
  const dir = path.resolve(__dirname, '../../../examples');

  for (const name of fs.readdirSync(dir).filter((f: string) => f.endsWith('.poolnb'))) {
    it(`examples/${name}: a fresh codec writes it back byte for byte`, () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, name)));
      assert.equal(dec(new NotebookCodec().encode(decodeNotebook(bytes))), dec(bytes));
    });
  }

  it('any notebook survives encode -> decode, in every style, and re-encodes to the same bytes', () => {
    // the characters JSON escapes or that trip encoders, and some that need none
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '/', '\n', '\r', '\t', '\u0000', '\u001f', 'é', '池', '😀', '\u2028', '\ufeff'), maxLength: 40 });
    const cell = fc.record({
      kind: fc.constantFrom('code' as const, 'markdown' as const),
      value: text,
      outputs: fc.array(fc.record({ items: fc.array(fc.record({
        mime: fc.constantFrom('text/plain', 'application/vnd.code.notebook.stdout', 'application/vnd.poolnb.value+json', 'image/png'),
        data: fc.uint8Array({ maxLength: 12 }),
      }), { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
    });
    const style = fc.record({
      indent: fc.constantFrom('', '  ', '    ', '\t'), eol: fc.constantFrom('\n' as const, '\r\n' as const),
      finalNewline: fc.boolean(), bom: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(cell, { maxLength: 4 }), style, (cells, format) => {
      const doc = {
        cells: cells.map((c) => ({ kind: c.kind, languageId: c.kind === 'code' ? 'poolscript' : 'markdown', value: c.value, outputs: c.outputs })),
        metadata: { format },
      };
      const bytes = new NotebookCodec().encode(doc);
      const back = decodeNotebook(bytes);
      assert.deepEqual(back.cells.map((c) => c.value), doc.cells.map((c) => c.value));
      assert.deepEqual(back.cells.map((c) => c.kind), doc.cells.map((c) => c.kind));
      // bytes of outputs come back as they went, except JSON items, which come back as equal JSON
      back.cells.forEach((c, i) => (c.outputs ?? []).forEach((o, j) => o.items.forEach((it, k) => {
        const sent = doc.cells[i].outputs[j].items[k];
        assert.equal(it.mime, sent.mime);
        let json: unknown;
        try { json = JSON.parse(dec(sent.data)); } catch { json = undefined; }
        if (json !== undefined && /json/.test(sent.mime)) assert.deepEqual(JSON.parse(dec(it.data)), json);
        else assert.deepEqual(Array.from(it.data), Array.from(sent.data));
      })));
      assert.equal(dec(new NotebookCodec().encode(back)), dec(bytes));
    }), { numRuns: 300 });
  });
});
