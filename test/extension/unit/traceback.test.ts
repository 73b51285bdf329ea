import { strict as assert } from 'assert';
import { errorLocation, formatTraceback } from '../../../src/extension/traceback';

describe('cell error traceback', () => {
  const source = 'x = torch.ones(1, 1, 2, 2)\nif True:\n    y = nn.MaxPool2d(3)(x)';
  const start = source.indexOf('nn.MaxPool2d');
  const error = {
    type: 'RuntimeError',
    message: 'Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small',
    range: { start, end: source.length },
  };

  it('names the cell, line and column (1-based) and underlines the failing code', () => {
    assert.equal(formatTraceback(error, source, 2), [
      'Traceback (most recent call last):',
      '  Cell 2, line 3, column 9',
      '    y = nn.MaxPool2d(3)(x)',
      '        ^^^^^^^^^^^^^^^^^^',
      'RuntimeError: Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small',
    ].join('\n'));
  });

  it('prefers the lineCol the interpreter reports', () => {
    assert.deepEqual(errorLocation({ ...error, lineCol: { line: 3, column: 4 } }, source), { line: 3, column: 5 });
  });

  it('prints just the type when there is no message (KeyboardInterrupt) and no place', () => {
    assert.equal(formatTraceback({ type: 'KeyboardInterrupt', message: '' }, source, 1),
      'Traceback (most recent call last):\n  Cell 1\nKeyboardInterrupt');
  });
});
