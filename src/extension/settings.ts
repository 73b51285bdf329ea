// poolnb's settings that act outside the providers: the tensor size limit of the engine and
// the grid size the renderer switches to a heatmap at (sent to the renderer by message).

import * as vscode from 'vscode';
import { RENDERER_ID } from '../common/mime';
import { setElementLimit } from '../engine/limits';

const section = () => vscode.workspace.getConfiguration('poolnb');

export function applyElementLimit(): void {
  const n = section().get<number>('maxTensorElements', 67108864);
  if (typeof n === 'number' && Number.isFinite(n) && n >= 1) setElementLimit(Math.floor(n));
}

function gridMaxCells(): number {
  const n = section().get<number>('display.gridMaxCells', 400);
  return typeof n === 'number' && n >= 1 ? Math.floor(n) : 400;
}

export function registerSettings(): vscode.Disposable {
  applyElementLimit();
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  const disposables: vscode.Disposable[] = [
    // a renderer asks when it starts; it has nothing to ask with before that
    messaging.onDidReceiveMessage((e) => {
      void messaging.postMessage({ gridMaxCells: gridMaxCells() }, e.editor);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('poolnb.maxTensorElements')) applyElementLimit();
      if (e.affectsConfiguration('poolnb.display.gridMaxCells')) void messaging.postMessage({ gridMaxCells: gridMaxCells() });
    }),
  ];
  return vscode.Disposable.from(...disposables);
}
