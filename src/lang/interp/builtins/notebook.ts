// Notebook helpers that are not PyTorch: show(x, mode=, title=) displays a value,
// explain(layer, x) runs a layer and displays its output with the derivation and windows.

import { Tensor } from '../../../engine/tensor';
import { PyBuiltin, PyInstance, Value, pyError, typeName } from '../values';
import { bindArgs, sig } from '../args';
import type { Builtins } from './python';

const MODES = ['grid', 'heatmap', 'image'];

export function installNotebook(b: Builtins): void {
  b.names.set('show', new PyBuiltin('show', (args, kwargs, ctx) => {
    const bd = bindArgs(sig('show', 'x', ['mode', null], ['title', null]), args, kwargs);
    const mode = bd.values.get('mode')!, title = bd.values.get('title')!;
    if (mode !== null && (typeof mode !== 'string' || !MODES.includes(mode))) {
      throw pyError('ValueError', `show(): mode must be one of 'grid', 'heatmap', 'image', not ${ctx.repr(mode)}`);
    }
    if (title !== null && typeof title !== 'string') throw pyError('TypeError', `show(): title must be a str, not ${typeName(title)}`);
    ctx.display({ value: bd.values.get('x')!, mode: (mode ?? undefined) as 'grid' | undefined, title: (title ?? undefined) as string | undefined });
    return null;
  }));
  b.names.set('explain', new PyBuiltin('explain', async (args, kwargs, ctx) => {
    const bd = bindArgs(sig('explain', 'layer', 'x'), args, kwargs);
    const layer = bd.values.get('layer')!, x = bd.values.get('x')!;
    if (!(x instanceof Tensor)) throw pyError('TypeError', `explain(): x must be a Tensor, not ${typeName(x)}`);
    if (!(layer instanceof PyInstance) && !(layer instanceof PyBuiltin)) throw pyError('TypeError', `explain(): layer must be a module or a function, not ${typeName(layer)}`);
    const out: Value = await ctx.call(layer, [x]);
    const first = out instanceof Tensor ? out : (out as { items?: Value[] }).items?.[0];
    if (!(first instanceof Tensor)) throw pyError('TypeError', 'explain(): the layer did not return a Tensor');
    ctx.display({ value: first, explain: { layer, input: x, output: first } });
    return null;
  }));
}
