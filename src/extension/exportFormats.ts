// Export a notebook as a Python script (`# %%` cells) or a Jupyter notebook (nbformat 4).
// PoolScript is Python, so code cells are copied as they are; the imports poolnb predefines
// and a small module defining poolnb's notebook helpers (show / explain / image) come
// first, so the exported program runs under Python + PyTorch and prints the same output.
// Pure (no `vscode`), so it is unit-tested.

export interface ExportCell { kind: 'code' | 'markdown'; source: string }

export const IMPORTS = ['import torch', 'from torch import nn', 'import torch.nn.functional as F'].join('\n');

/** Python definitions of poolnb's notebook helpers. In plain Python they print nothing, so
 * the program's output is what its print() calls write, as in poolnb. */
export const HELPERS = `# poolnb helpers (show / explain / image), defined here so this program runs without poolnb.
def _poolnb_display(value):
    # Only inside Jupyter/IPython: a plain \`python\` run prints nothing extra.
    try:
        ipython = get_ipython()  # noqa: F821 (defined by IPython)
    except NameError:
        return
    if ipython is not None:
        from IPython.display import display
        display(value)


def show(x, mode=None, title=None, **options):
    """poolnb draws x as a grid, a heatmap or an image; here Jupyter shows its repr."""
    if title is not None:
        _poolnb_display(title)
    _poolnb_display(x)


def explain(layer, x):
    """poolnb shows the output-size derivation; here Jupyter shows the shapes."""
    y = layer(x)
    if isinstance(y, tuple):
        y = y[0]
    _poolnb_display(f"{layer}: {tuple(x.shape)} -> {tuple(y.shape)}")


def image(path, mode=None):
    """A PNG/JPEG file as a float tensor in [0, 1], shaped N x C x H x W (like ToTensor)."""
    import numpy as np
    from PIL import Image
    img = Image.open(path)
    if mode in ("L", "gray", "grey", "grayscale"):
        img = img.convert("L")
    elif mode in ("RGB", "rgb", "color", "colour") or img.mode not in ("L", "RGB"):
        img = img.convert("RGB")
    t = torch.from_numpy(np.array(img, dtype=np.uint8)).float().div(255)
    t = t.unsqueeze(-1) if t.dim() == 2 else t
    return t.permute(2, 0, 1).unsqueeze(0).contiguous()
`;

/** A cell's source without the imports poolnb also accepts (they are at the top already). */
function codeOf(source: string): string {
  return source.replace(/\s+$/, '');
}

function commentOut(markdown: string): string {
  return markdown.replace(/\s+$/, '').split('\n').map((l) => (l ? `# ${l}` : '#')).join('\n');
}

/** The notebook as a `# %%` script (the cell format VS Code, Jupytext and Spyder read). */
export function toPythonScript(cells: readonly ExportCell[], title?: string): string {
  const parts: string[] = [];
  if (title) parts.push(`# ${title} (exported from poolnb)`);
  parts.push(IMPORTS, HELPERS.replace(/\s+$/, ''));
  for (const cell of cells) {
    if (cell.kind === 'markdown') {
      if (cell.source.trim()) parts.push(`# %% [markdown]\n${commentOut(cell.source)}`);
    } else {
      parts.push(`# %%\n${codeOf(cell.source)}`);
    }
  }
  return parts.join('\n\n') + '\n';
}

/** Jupyter keeps sources as a list of lines, each with its newline except the last. */
function lines(text: string): string[] {
  const out = text.split('\n').map((l, i, all) => (i < all.length - 1 ? l + '\n' : l));
  return out[out.length - 1] === '' ? out.slice(0, -1) : out;
}

/** The notebook as nbformat 4.5 JSON (cell ids included, as 4.5 requires). */
export function toJupyterNotebook(cells: readonly ExportCell[]): string {
  let id = 0;
  const nextId = () => `poolnb-${++id}`;
  const code = (source: string) => ({
    cell_type: 'code', execution_count: null, id: nextId(), metadata: {}, outputs: [], source: lines(source),
  });
  const nb = {
    cells: [
      code(`${IMPORTS}\n\n${HELPERS.replace(/\s+$/, '')}`),
      ...cells.map((c) => (c.kind === 'markdown'
        ? { cell_type: 'markdown', id: nextId(), metadata: {}, source: lines(c.source) }
        : code(codeOf(c.source)))),
    ],
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, undefined, 1) + '\n';
}
