/**
 * The interactive map's reactions in numbers, without the DOM: what a key does on the map canvas and where the
 * tooltip goes inside the map frame. Pure.
 */

/** What a key on the map canvas asks for: select the area at an index of the code order, or a camera/page action. */
export type KeyAction = { select: number } | 'open' | 'zoomIn' | 'zoomOut' | 'fit' | 'clear';

/**
 * The action of `key` with `n` areas in code order, `index` the selected area's position (−1 for none) and `selected`
 * whether an area is selected: arrows move (wrapping; from nothing, right/down start at the first, left/up at the
 * last), Home/End go to the ends, Enter opens the selected area (or selects the first), + / − zoom, 0 refits, Esc
 * clears. Null for any other key or when there are no areas.
 */
export function keyAction(key: string, index: number, n: number, selected: boolean): KeyAction | null {
  if (!n) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { select: index < 0 ? 0 : (index + 1) % n };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { select: index < 0 ? n - 1 : (index - 1 + n) % n };
    case 'Home':
      return { select: 0 };
    case 'End':
      return { select: n - 1 };
    case 'Enter':
      return selected ? 'open' : { select: 0 };
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
    case '_':
      return 'zoomOut';
    case '0':
      return 'fit';
    case 'Escape':
      return 'clear';
    default:
      return null;
  }
}

/** Offset of the tooltip from the pointer, in CSS pixels. */
const TIP_GAP = 14;

/**
 * Top-left corner (whole CSS pixels) of a tooltip of size `tip` shown for point `at` in a frame of size `frame`: below
 * right of the point, flipped to the left / above where it would cross the frame's right / bottom edge (at least 4 px
 * from the frame's left / top).
 */
export function tipPosition(at: readonly [number, number], tip: readonly [number, number], frame: readonly [number, number]): [number, number] {
  const x = at[0] + TIP_GAP + tip[0] > frame[0] ? Math.max(4, at[0] - TIP_GAP - tip[0]) : at[0] + TIP_GAP;
  const y = at[1] + TIP_GAP + tip[1] > frame[1] ? Math.max(4, at[1] - TIP_GAP - tip[1]) : at[1] + TIP_GAP;
  return [Math.round(x), Math.round(y)];
}
