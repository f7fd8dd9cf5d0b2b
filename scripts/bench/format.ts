/**
 * Number formatting shared by the table rows of every section: milliseconds
 * with three significant-ish digits, bytes in KiB/MiB, ratios with a ×.
 *
 * Constraint: used for display only; the JSON file keeps full precision.
 */

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

export function fmtBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  const sign = bytes < 0 ? '-' : '';
  const b = Math.abs(bytes);
  if (b < 1024) return `${sign}${b} B`;
  if (b < 1024 * 1024) return `${sign}${(b / 1024).toFixed(1)} KiB`;
  return `${sign}${(b / 1024 / 1024).toFixed(1)} MiB`;
}

export function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
}
