// Hover and completion providers over a StaticProject, with a stand-in vscode module and a
// recording project: one project per notebook, re-fed only when a cell's version changes.
import { settings, workspace, NotebookCellKind, Hover, CompletionItemKind } from './vscodeMock';
import { strict as assert } from 'assert';
import type { CompletionInfo, HoverInfo, LangDiagnostic, StaticProject } from '../../../src/lang/api';
import { PoolnbHoverProvider, firstBlock } from '../../../src/extension/hover';
import { PoolnbCompletionProvider } from '../../../src/extension/completion';
import { Projects } from '../../../src/extension/projects';

class RecordingProject implements StaticProject {
  fed: string[][] = [];
  setCells(cells: readonly string[]) { this.fed.push([...cells]); }
  diagnostics(): LangDiagnostic[] { return []; }
  hover(cell: number, offset: number): HoverInfo | undefined {
    return { range: { start: offset, end: offset + 4 }, markdown: `\`Tensor[1, 1, 2, 2] float32\` (cell ${cell})\n\nH: floor((4 - 1 - 1) / 2) + 1 = 2` };
  }
  completions(): CompletionInfo[] {
    return [{ label: 'MaxPool2d', kind: 'class', detail: 'nn.MaxPool2d(kernel_size, ...)' }, { label: 'ceil_mode=', kind: 'argument' }];
  }
}

function doc(uri: string, text: string, version = 1) {
  return {
    uri: { scheme: 'vscode-notebook-cell', toString: () => uri }, languageId: 'poolscript', version,
    getText: () => text, offsetAt: (p: { character: number }) => p.character,
    positionAt: (o: number) => ({ line: 0, character: o }),
  };
}

describe('language feature providers (with a stand-in vscode module)', () => {
  const md = doc('cell:1', '# notes');
  const c1 = doc('cell:2', 'x = torch.ones(1, 1, 4, 4)');
  const c2 = doc('cell:3', 'pool(x)');
  const notebook = {
    notebookType: 'poolnb', uri: { toString: () => 'file:///nb.poolnb' },
    getCells: () => [
      { kind: NotebookCellKind.Markup, document: md }, { kind: NotebookCellKind.Code, document: c1 }, { kind: NotebookCellKind.Code, document: c2 },
    ],
  };
  let project: RecordingProject;
  let projects: Projects;
  beforeEach(() => {
    workspace.notebookDocuments.splice(0, Infinity, notebook);
    project = new RecordingProject();
    projects = new Projects(() => project);
    delete settings['poolnb.hover.showDerivation'];
  });

  it('feeds the notebook\'s cells in order (markdown as empty) and asks about the right cell', () => {
    const hover = new PoolnbHoverProvider(projects).provideHover(c2 as never, { line: 0, character: 1 } as never) as unknown as Hover;
    assert.deepEqual(project.fed, [['', 'x = torch.ones(1, 1, 4, 4)', 'pool(x)']]);
    assert.match(hover.contents.value, /^`Tensor\[1, 1, 2, 2\] float32` \(cell 2\)\n\nH: /);
    assert.deepEqual([hover.range!.start, hover.range!.end], [{ line: 0, character: 1 }, { line: 0, character: 5 }]);
  });

  it('re-analyses only when a cell document changes version', () => {
    const provider = new PoolnbHoverProvider(projects);
    provider.provideHover(c2 as never, { line: 0, character: 1 } as never);
    provider.provideHover(c1 as never, { line: 0, character: 0 } as never);
    assert.equal(project.fed.length, 1);
    c1.version = 2;
    provider.provideHover(c2 as never, { line: 0, character: 1 } as never);
    assert.equal(project.fed.length, 2);
  });

  it('poolnb.hover.showDerivation off keeps only the type line', () => {
    settings['poolnb.hover.showDerivation'] = false;
    const hover = new PoolnbHoverProvider(projects).provideHover(c2 as never, { line: 0, character: 1 } as never) as unknown as Hover;
    assert.equal(hover.contents.value, '`Tensor[1, 1, 2, 2] float32` (cell 2)');
    assert.equal(firstBlock('a\nb'), 'a');
  });

  it('turns CompletionInfo into CompletionItems in the checker\'s order', () => {
    const items = new PoolnbCompletionProvider(projects).provideCompletionItems(c2 as never, { line: 0, character: 3 } as never);
    assert.deepEqual(items.map((i) => [i.label, i.kind, i.sortText]), [
      ['MaxPool2d', CompletionItemKind.Class, '00000'], ['ceil_mode=', CompletionItemKind.Field, '00001'],
    ]);
    assert.equal(items[0].detail, 'nn.MaxPool2d(kernel_size, ...)');
  });

  it('a document outside a poolnb notebook and not PoolScript gets nothing', () => {
    const other = { ...doc('file:///a.txt', 'x'), languageId: 'plaintext', uri: { scheme: 'file', toString: () => 'file:///a.txt' } };
    assert.equal(new PoolnbHoverProvider(projects).provideHover(other as never, { line: 0, character: 0 } as never), undefined);
  });
});
