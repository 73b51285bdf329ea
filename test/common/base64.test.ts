// The one base64 codec (src/common/base64.ts) against Node's own, on every length mod 3.
import * as assert from 'assert';
import { decodeBase64, encodeBase64 } from '../../src/common/base64';

describe('base64', () => {
  it('encodes and decodes as Buffer does, also past the flush size', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 0x10000 * 3 / 4 + 7, 100_001]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      const b64 = Buffer.from(bytes).toString('base64');
      assert.strictEqual(encodeBase64(bytes), b64);
      assert.deepStrictEqual(decodeBase64(b64), bytes);
    }
  });
});
