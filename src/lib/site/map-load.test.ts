import { describe, expect, it } from 'vitest';
import { mapLoadPolicy, PHONE_MAX_WIDTH } from './map-load.ts';

describe('mapLoadPolicy', () => {
  it.each([
    [{ width: 1280, coarsePointer: false, saveData: false }, 'auto'],
    [{ width: PHONE_MAX_WIDTH + 1, coarsePointer: false, saveData: false }, 'auto'],
    [{ width: 360, coarsePointer: true, saveData: false }, 'on-request'],
    [{ width: 360, coarsePointer: false, saveData: false }, 'on-request'],
    [{ width: PHONE_MAX_WIDTH, coarsePointer: false, saveData: false }, 'on-request'],
    [{ width: 1024, coarsePointer: true, saveData: false }, 'on-request'],
    [{ width: 640, coarsePointer: false, saveData: false }, 'auto'],
    [{ width: 1920, coarsePointer: false, saveData: true }, 'on-request'],
  ] as const)('%j → %s', (env, want) => expect(mapLoadPolicy(env)).toBe(want));
});
