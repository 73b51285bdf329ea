// The renderer's words in English and Simplified Chinese. The webview has no vscode.l10n,
// so the language comes from navigator.language (VS Code sets it to its display language).

const en = {
  tensor: 'Tensor',
  min: 'min',
  max: 'max',
  planes: '{0} planes',
  morePlanes: '{0} more planes not shown',
  largeGrid: 'Too many values for a grid: drawn as a heatmap',
  heatmapOf: 'Heatmap of {0}',
  imageOf: 'Image of {0}',
  notImage: 'Shown as a heatmap: an image needs 1 or 3 channels with values in [0, 1]',
  nan: 'NaN',
  hasNaN: 'has NaN',
  posInf: '+inf',
  negInf: '-inf',
  input: 'Input',
  output: 'Output',
  padding: 'padding',
  overhang: 'ceil-mode overhang (not counted)',
  tap: 'window',
  winner: 'maximum',
  plane: 'Plane',
  planeOf: 'plane {0}',
  outputCell: 'output {0} = {1}',
  windowCovers: 'window covers {0} input cells',
  windowPads: '{0} padding',
  windowOverhang: '{0} past the padding (ceil mode, not counted)',
  winnerAt: 'maximum at {0}',
  derivation: 'Output size',
  ceilCorrection: 'ceil correction: the last window would start in the right padding, so it is dropped',
  ceilMode: 'ceil_mode=True',
  floorMode: 'ceil_mode=False',
  adaptiveBins: 'Adaptive pooling: the windows are the bins start = floor(i·in/out), end = ceil((i+1)·in/out)',
  parameter: 'Parameter',
  value: 'Value',
  hoverHint: 'Hover or focus an output cell (arrow keys move) to see its window in the input.',
  depthSlice: 'depth {0}',
  legend: 'Colour scale',
  unknownView: 'poolnb cannot draw this output',
};

export type LabelKey = keyof typeof en;

const zhCn: Record<LabelKey, string> = {
  tensor: '张量',
  min: '最小值',
  max: '最大值',
  planes: '{0} 个平面',
  morePlanes: '另有 {0} 个平面未显示',
  largeGrid: '数值太多，无法用网格显示：改用热力图',
  heatmapOf: '{0} 的热力图',
  imageOf: '{0} 的图像',
  notImage: '以热力图显示：图像需要 1 或 3 个通道且数值在 [0, 1] 之间',
  nan: 'NaN',
  hasNaN: '含 NaN',
  posInf: '+inf',
  negInf: '-inf',
  input: '输入',
  output: '输出',
  padding: '填充',
  overhang: 'ceil 模式越界部分（不计入）',
  tap: '窗口',
  winner: '最大值',
  plane: '平面',
  planeOf: '平面 {0}',
  outputCell: '输出 {0} = {1}',
  windowCovers: '窗口覆盖 {0} 个输入单元',
  windowPads: '{0} 个填充',
  windowOverhang: '{0} 个越过填充区（ceil 模式，不计入）',
  winnerAt: '最大值位于 {0}',
  derivation: '输出尺寸',
  ceilCorrection: 'ceil 修正：最后一个窗口将从右侧填充区开始，因此被舍弃',
  ceilMode: 'ceil_mode=True',
  floorMode: 'ceil_mode=False',
  adaptiveBins: '自适应池化：窗口为区间 start = floor(i·in/out)，end = ceil((i+1)·in/out)',
  parameter: '参数',
  value: '值',
  hoverHint: '将鼠标悬停或聚焦到输出单元上（方向键移动），即可看到它在输入中的窗口。',
  depthSlice: '深度 {0}',
  legend: '颜色刻度',
  unknownView: 'poolnb 无法绘制此输出',
};

export const LABELS: Record<'en' | 'zh-cn', Record<LabelKey, string>> = { en, 'zh-cn': zhCn };

export function pickLanguage(language: string | undefined): 'en' | 'zh-cn' {
  const l = (language ?? '').toLowerCase();
  return l === 'zh-cn' || l === 'zh' || l.startsWith('zh-hans') || l === 'zh-sg' ? 'zh-cn' : 'en';
}

let current: Record<LabelKey, string> = en;

export function setLanguage(language: string | undefined): void {
  current = LABELS[pickLanguage(language)];
}

export function label(key: LabelKey, ...args: Array<string | number>): string {
  return current[key].replace(/\{(\d+)\}/g, (m, i) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
