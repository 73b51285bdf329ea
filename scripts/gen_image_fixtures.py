#!/usr/bin/python3
"""Pictures for image(path) tests, and what torchvision's ToTensor would give for them
(uint8 -> float32 / 255, C×H×W; gray via PIL's convert('L')), computed with PIL and
torch 1.13.1. Writes test/fixtures/interp/images/*.png|jpg and expected.json.

Run with /usr/bin/python3 scripts/gen_image_fixtures.py
"""
import json
import os

import numpy as np
import torch
from PIL import Image

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'interp', 'images')


def to_tensor(img):
    """torchvision.transforms.functional.to_tensor for 8-bit PIL images."""
    a = torch.from_numpy(np.array(img, dtype=np.uint8))
    if a.ndim == 2:
        a = a[:, :, None]
    return a.permute(2, 0, 1).contiguous().float().div(255)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(7)
    rgb = Image.fromarray(rng.integers(0, 256, (5, 7, 3), dtype=np.uint8), 'RGB')
    gray = Image.fromarray(rng.integers(0, 256, (4, 6), dtype=np.uint8), 'L')
    rgba = Image.fromarray(rng.integers(0, 256, (3, 4, 4), dtype=np.uint8), 'RGBA')
    pal = rgb.convert('P', palette=Image.ADAPTIVE, colors=8)
    photo = Image.fromarray(np.kron(rng.integers(0, 256, (4, 4, 3), dtype=np.uint8), np.ones((8, 8, 1), dtype=np.uint8)), 'RGB')
    rgb.save(os.path.join(OUT, 'rgb.png'))
    gray.save(os.path.join(OUT, 'gray.png'))
    rgba.save(os.path.join(OUT, 'rgba.png'))
    pal.save(os.path.join(OUT, 'palette.png'))
    photo.save(os.path.join(OUT, 'photo.jpg'), quality=95, subsampling=0)
    photo_decoded = Image.open(os.path.join(OUT, 'photo.jpg'))
    cases = {
        'rgb.png': {'mode': None, 't': to_tensor(rgb)},
        'rgb.png gray': {'mode': 'gray', 't': to_tensor(rgb.convert('L'))},
        'gray.png': {'mode': None, 't': to_tensor(gray)},
        'gray.png rgb': {'mode': 'rgb', 't': to_tensor(gray.convert('RGB'))},
        'rgba.png': {'mode': None, 't': to_tensor(rgba)},
        'rgba.png rgb': {'mode': 'rgb', 't': to_tensor(rgba.convert('RGB'))},
        'palette.png': {'mode': None, 't': to_tensor(pal.convert('RGB'))},
        'photo.jpg': {'mode': None, 't': to_tensor(photo_decoded), 'tolerance': 4 / 255},
    }
    expected = {}
    for name, c in cases.items():
        t = c['t'].unsqueeze(0)
        expected[name] = {'file': name.split(' ')[0], 'mode': c['mode'], 'shape': list(t.shape),
                          'values': t.flatten().tolist(), 'tolerance': c.get('tolerance', 0)}
    with open(os.path.join(OUT, 'expected.json'), 'w') as f:
        json.dump(expected, f)
    print(f'{len(expected)} image cases -> {OUT}')


if __name__ == '__main__':
    main()
