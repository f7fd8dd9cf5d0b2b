/** A search snippet with its matched words marked (offsets from the core, no HTML). */
import type { ReactNode } from 'react';
import type { Snippet as SnippetData } from '../../shared/contract/types';

export function Snippet({ snippet }: { snippet: SnippetData }): ReactNode {
  const out: ReactNode[] = [];
  let at = 0;
  const ranges = [...snippet.highlights].sort((a, b) => a[0] - b[0]);
  for (const [s, e] of ranges) {
    if (s < at || e <= s) continue;
    out.push(snippet.text.slice(at, s));
    out.push(<mark key={s}>{snippet.text.slice(s, e)}</mark>);
    at = e;
  }
  out.push(snippet.text.slice(at));
  return <span className="snippet">{out}</span>;
}
