/**
 * zod without its compiled parsers in the page.
 *
 * Constraint: the page runs under Trusted Types with no policy (the CSP in
 * src/main/protocol.ts), so zod's probe `new Function('')`, made when a schema
 * is built, is refused and reported as a violation. Setting `jitless` before
 * any schema exists skips the probe; main.tsx imports this module first.
 */
import { config } from 'zod';

config({ jitless: true });
