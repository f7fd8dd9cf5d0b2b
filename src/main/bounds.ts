/**
 * The window's remembered size and place: a small JSON file in the user data
 * folder, read at start and written when the window closes.
 *
 * Constraints: the file is outside input — any content (garbage, huge or
 * negative numbers, a monitor that is no longer plugged in) yields a window
 * that is fully on a visible display; a write never leaves a half file.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as z from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent the first time: the window is centred on the primary display. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
export const MIN_SIZE = { width: 640, height: 480 } as const;
/** A window must show at least this much of itself on a display to stay where it was. */
const MIN_VISIBLE = 100;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const stateSchema = z
  .object({ x: coordinate.optional(), y: coordinate.optional(), width: length, height: length, maximized: z.boolean() })
  .strict();

/** The state stored in `text`, or null when it is not a valid state. */
export function parseWindowState(text: string): WindowState | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = stateSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= MIN_VISIBLE && h >= MIN_VISIBLE ? w * h : 0;
}

const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(high, value));

/**
 * A state that fits on the displays: on the display it overlaps most (else the
 * primary one), no larger than that display's work area, entirely inside it.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  const wanted = state ?? { ...DEFAULT_SIZE, maximized: false };
  let area = primary;
  let placed = wanted.x !== undefined && wanted.y !== undefined;
  if (placed) {
    const rect = { x: wanted.x!, y: wanted.y!, width: wanted.width, height: wanted.height };
    let best = 0;
    for (const candidate of workAreas) {
      const score = overlap(rect, candidate);
      if (score > best) [best, area] = [score, candidate];
    }
    placed = best > 0;
  }
  const width = clamp(wanted.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(wanted.height, Math.min(MIN_SIZE.height, area.height), area.height);
  const x = placed
    ? clamp(wanted.x!, area.x, area.x + area.width - width)
    : area.x + Math.round((area.width - width) / 2);
  const y = placed
    ? clamp(wanted.y!, area.y, area.y + area.height - height)
    : area.y + Math.round((area.height - height) / 2);
  return { x, y, width, height, maximized: wanted.maximized };
}

export function loadWindowState(path: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(path, 'utf8'));
  } catch {
    return null; // first start, or unreadable: default placement
  }
}

/** Synchronous on purpose: it runs in the window's 'close' handler, just before the app quits. */
export function saveWindowState(path: string, state: WindowState): void {
  const tmp = `${path}.${randomUUID()}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(state)}\n`);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
