// image(path, mode=None): a workspace PNG or JPEG as a float32 tensor of shape
// 1×C×H×W with values in [0, 1], as torchvision's ToTensor (plus unsqueeze(0)) gives
// it. mode='gray' converts as PIL's convert('L') does (ITU-R 601-2 luma in 16-bit fixed
// point, rounded), mode='rgb' drops alpha / repeats gray. Files come from the
// host (HostIO.readFile): the language layer itself touches no file system.

import type * as FastPng from 'fast-png';
import type * as JpegJs from 'jpeg-js';
import { Tensor } from '../../../engine/tensor';
import { PyBuiltin, pyError, typeName } from '../values';
import { bindArgs, sig } from '../args';
import type { Builtins } from './python';

interface Pixels { width: number; height: number; channels: number; data: ArrayLike<number>; max: number }

function isPng(b: Uint8Array): boolean {
  return b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
}

function isJpeg(b: Uint8Array): boolean {
  return b.length > 3 && b[0] === 0xff && b[1] === 0xd8;
}

/** The PNG and JPEG decoders. */
export interface Decoders { png: typeof FastPng; jpeg: typeof JpegJs }

let decoders: Promise<Decoders> | undefined;

/** Loaded on the first image(): most notebooks read no image, and initialising these packages
 * is a measurable part of a short `poolnb run` (esbuild bundles them as lazily run modules). */
export function loadDecoders(): Promise<Decoders> {
  decoders ??= Promise.all([import('fast-png'), import('jpeg-js')]).then(([png, jpeg]) => ({ png, jpeg }));
  return decoders;
}

export function decodeImage(bytes: Uint8Array, path: string, { png: fastPng, jpeg: jpegJs }: Decoders): Pixels {
  if (isPng(bytes)) {
    const png = fastPng.decode(bytes);
    if (png.palette) {
      const rgb = fastPng.convertIndexedToRgb(png);
      return { width: png.width, height: png.height, channels: png.palette[0].length, data: rgb, max: 255 };
    }
    return { width: png.width, height: png.height, channels: png.channels, data: png.data, max: (1 << png.depth) - 1 };
  }
  if (isJpeg(bytes)) {
    const jpg = jpegJs.decode(bytes, { useTArray: true, formatAsRGBA: false });
    const channels = jpg.data.length / (jpg.width * jpg.height);
    return { width: jpg.width, height: jpg.height, channels, data: jpg.data, max: 255 };
  }
  throw pyError('ValueError', `image(): '${path}' is not a PNG or JPEG file`);
}

/** Pixels -> 1×C×H×W float32 in [0, 1] (C as the mode asks). */
export function pixelsToTensor(p: Pixels, mode: string | null): Tensor {
  const { width: w, height: h, channels: c, data, max } = p;
  const hasColor = c >= 3;
  const outC = mode === 'gray' ? 1 : mode === 'rgb' ? 3 : c;
  const t = Tensor.empty([1, outC, h, w], 'float32');
  const out = t.storage;
  const plane = w * h;
  for (let i = 0; i < plane; i++) {
    const base = i * c;
    if (mode === 'gray') {
      const v = hasColor
        ? (max === 255
          ? (data[base] * 19595 + data[base + 1] * 38470 + data[base + 2] * 7471 + 0x8000) >> 16
          : Math.round((data[base] * 299 + data[base + 1] * 587 + data[base + 2] * 114) / 1000))
        : data[base];
      out[i] = v / max;
    } else if (mode === 'rgb') {
      for (let k = 0; k < 3; k++) out[k * plane + i] = (hasColor ? data[base + k] : data[base]) / max;
    } else {
      for (let k = 0; k < c; k++) out[k * plane + i] = data[base + k] / max;
    }
  }
  return t;
}

export function installImage(b: Builtins): void {
  b.names.set('image', new PyBuiltin('image', async (args, kwargs, ctx) => {
    const bd = bindArgs(sig('image', 'path', ['mode', null]), args, kwargs);
    const path = bd.values.get('path')!, mode = bd.values.get('mode')!;
    if (typeof path !== 'string') throw pyError('TypeError', `image(): path must be a str, not ${typeName(path)}`);
    const m = mode === null ? null : typeof mode === 'string' ? mode.toLowerCase() : undefined;
    const norm = m === 'l' ? 'gray' : m === 'grey' ? 'gray' : m;
    if (norm === undefined || (norm !== null && norm !== 'gray' && norm !== 'rgb')) {
      throw pyError('ValueError', `image(): mode must be None, 'gray' or 'rgb', not ${ctx.repr(mode)}`);
    }
    if (!ctx.readFile) throw pyError('NotImplementedError', 'image(): this host cannot read workspace files');
    let bytes: Uint8Array;
    try {
      bytes = await ctx.readFile(path);
    } catch (e) {
      throw pyError('FileNotFoundError' as never, `[Errno 2] No such file or directory: '${path}'`);
    }
    return pixelsToTensor(decodeImage(bytes, path, await loadDecoders()), norm);
  }));
}
