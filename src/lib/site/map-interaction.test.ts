import { describe, expect, it } from 'vitest';
import { keyAction, tipPosition } from './map-interaction.ts';

describe('keyAction', () => {
  it.each([
    ['ArrowRight', -1, { select: 0 }],
    ['ArrowDown', 1, { select: 2 }],
    ['ArrowRight', 4, { select: 0 }],
    ['ArrowLeft', -1, { select: 4 }],
    ['ArrowUp', 0, { select: 4 }],
    ['ArrowLeft', 3, { select: 2 }],
    ['Home', 3, { select: 0 }],
    ['End', 0, { select: 4 }],
    ['+', 0, 'zoomIn'],
    ['=', 0, 'zoomIn'],
    ['-', 0, 'zoomOut'],
    ['_', 0, 'zoomOut'],
    ['0', 2, 'fit'],
    ['Escape', 2, 'clear'],
  ] as const)('%s from index %i of 5 gives %j', (key, index, want) => {
    expect(keyAction(key, index, 5, index >= 0)).toEqual(want);
  });

  it('opens the selected area on Enter, or selects the first when none is selected', () => {
    expect(keyAction('Enter', 2, 5, true)).toBe('open');
    expect(keyAction('Enter', -1, 5, false)).toEqual({ select: 0 });
    // A selected area no longer in the order (index −1) still opens.
    expect(keyAction('Enter', -1, 5, true)).toBe('open');
  });

  it('ignores other keys and does nothing on a map without areas', () => {
    expect(keyAction('a', 0, 5, true)).toBeNull();
    expect(keyAction('Tab', 0, 5, true)).toBeNull();
    expect(keyAction('ArrowRight', -1, 0, false)).toBeNull();
    expect(keyAction('Escape', -1, 0, false)).toBeNull();
  });
});

describe('tipPosition', () => {
  it('puts the tooltip below right of the point, rounded to whole pixels', () => {
    expect(tipPosition([10.4, 20.6], [100, 50], [400, 300])).toEqual([24, 35]);
  });

  it('flips to the left and above near the right and bottom edges', () => {
    expect(tipPosition([350, 280], [100, 50], [400, 300])).toEqual([236, 216]);
  });

  it('stays at least 4 px from the left and top when flipping would leave the frame', () => {
    expect(tipPosition([50, 30], [380, 290], [400, 300])).toEqual([4, 4]);
  });
});
