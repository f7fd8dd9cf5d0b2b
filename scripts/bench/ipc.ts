/**
 * The cost of moving typical answers between processes: Electron's IPC
 * copies every result with the structured clone algorithm, so this times
 * `structuredClone` and v8's serializer (the same algorithm, as bytes) on a
 * search result page of 20 hits and on a focus area page (content.section),
 * and reports their sizes.
 *
 * Constraint: the payloads are produced by the real core (search service and
 * content store), not built by hand, so they grow if the contract does.
 */
import v8 from 'node:v8';
import type { BenchContext, Row, SectionOutcome } from './context';
import { fmtBytes } from './format';
import { sampleMs, summarize, type Summary } from './stats';

export interface PayloadFigures {
  name: string;
  /** Bytes of the structured-clone serialization (what crosses the process boundary). */
  cloneBytes: number;
  jsonBytes: number;
  structuredClone: Summary;
  /** v8.serialize + v8.deserialize. */
  serializeRoundTrip: Summary;
}

export interface IpcData {
  payloads: PayloadFigures[];
}

export const SEARCH_PAYLOAD_QUERY = 'migrant workers';
export const SECTION_PAYLOAD_ID = 'c2.f2';

export function benchIpc(ctx: BenchContext): SectionOutcome<IpcData> {
  const reps = ctx.quick ? 300 : 3000;
  const search = ctx.service.query({ q: SEARCH_PAYLOAD_QUERY, limit: 20 });
  if (search.hits.length < 20)
    throw new Error(`"${SEARCH_PAYLOAD_QUERY}" should fill a page of 20 hits, got ${search.hits.length}`);
  const samples: Array<[string, unknown]> = [
    [`search.query "${SEARCH_PAYLOAD_QUERY}" (20 hits)`, search],
    [`content.section ${SECTION_PAYLOAD_ID}`, ctx.store.sectionPayload(SECTION_PAYLOAD_ID)],
    ['content.outline', ctx.store.outline()],
  ];
  const payloads = samples.map(([name, value]): PayloadFigures => ({
    name,
    cloneBytes: v8.serialize(value).byteLength,
    jsonBytes: Buffer.byteLength(JSON.stringify(value), 'utf8'),
    structuredClone: summarize(sampleMs(() => structuredClone(value), reps, 100)),
    serializeRoundTrip: summarize(sampleMs(() => v8.deserialize(v8.serialize(value)), reps, 100)),
  }));
  const rows: Row[] = payloads.flatMap((p) => [
    { label: p.name, value: `${fmtBytes(p.cloneBytes)} cloned, ${fmtBytes(p.jsonBytes)} as JSON` },
    {
      label: '  structuredClone',
      n: p.structuredClone.n,
      p50: p.structuredClone.p50,
      p95: p.structuredClone.p95,
      p99: p.structuredClone.p99,
    },
    {
      label: '  v8 serialize + deserialize',
      n: p.serializeRoundTrip.n,
      p50: p.serializeRoundTrip.p50,
      p95: p.serializeRoundTrip.p95,
      p99: p.serializeRoundTrip.p99,
    },
  ]);
  return {
    title: '4. IPC-shaped cost (ms)',
    data: { payloads },
    rows,
    notes: [`${reps} repetitions after 100 warm-up; Electron IPC serializes with the same structured clone algorithm`],
  };
}
