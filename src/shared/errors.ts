/**
 * The message of anything thrown: an Error's message, else the value as text.
 *
 * Constraint: one helper for every layer (core, main, CLI, renderer, scripts),
 * so a thrown non-Error never prints as "[object Object]" in one place and
 * differently in another. Imports nothing.
 */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
