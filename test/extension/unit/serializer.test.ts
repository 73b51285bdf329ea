import './vscodeMock';
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { PoolnbSerializer } from '../../../src/extension/serializer';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe('PoolnbSerializer (with a stand-in vscode module)', () => {
  const text = '{\n  "version": 1,\n  "cells": [\n    {\n      "kind": "markdown",\n      "language": "markdown",\n      "source": "# Max pooling",\n      "metadata": {"id": "a"}\n    },\n    {\n      "kind": "code",\n      "language": "poolscript",\n      "source": "nn.MaxPool2d(2)",\n      "metadata": {},\n      "outputs": [\n        {"items":[{"mime":"text/plain","text":"MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)"}]}\n      ]\n    }\n  ],\n  "metadata": {},\n  "generator": "hand"\n}\n';

  it('maps cells, kinds, languages and outputs to NotebookData', () => {
    const data = new PoolnbSerializer().deserializeNotebook(enc(text));
    assert.equal(data.cells.length, 2);
    assert.equal(data.cells[0].kind, vscode.NotebookCellKind.Markup);
    assert.equal(data.cells[1].kind, vscode.NotebookCellKind.Code);
    assert.equal(data.cells[1].languageId, 'poolscript');
    assert.equal(dec(data.cells[1].outputs![0].items[0].data).slice(0, 9), 'MaxPool2d');
  });

  it('opening then saving without edits gives back the same bytes', () => {
    const s = new PoolnbSerializer();
    const data = s.deserializeNotebook(enc(text));
    assert.equal(dec(s.serializeNotebook(data) as Uint8Array), text);
  });

  it('an edited cell is written in the same style, unknown fields kept', () => {
    const s = new PoolnbSerializer();
    const data = s.deserializeNotebook(enc(text));
    data.cells[1].value = 'nn.MaxPool2d(3)';
    data.cells[1].outputs = [];
    data.cells.push(new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'x = 1', 'poolscript'));
    const out = dec(s.serializeNotebook(data) as Uint8Array);
    const json = JSON.parse(out);
    assert.equal(json.generator, 'hand');
    assert.deepEqual(json.cells[0].metadata, { id: 'a' });
    assert.deepEqual(json.cells[1].outputs, []);
    assert.deepEqual(json.cells[2], { kind: 'code', language: 'poolscript', source: 'x = 1', metadata: {} });
    assert.ok(out.startsWith('{\n  "version": 1,\n  "cells": [\n'));
  });

  it('throws a clear, positioned error for a malformed file instead of opening it empty', () => {
    assert.throws(() => new PoolnbSerializer().deserializeNotebook(enc('{\n  "version": 1,\n  "cells": [\n    {"kind": "code",}\n  ]\n}')),
      /^Error: Cannot open this poolnb notebook: expected a property name in double quotes \(line 4, column 21\)\. The file was not changed\.$/);
  });
});
