import { nameText, type Name } from './name-text.ts';

/**
 * A person's names as a list: each as the record writes it (the original script, tagged with its
 * script so the browser picks a fitting font, direction found from the text), then any Latin form.
 */
export function PersonNames({ names }: { names: readonly Name[] }) {
  return (
    <ul>
      {names.map((n, i) => (
        <li key={i}>
          <span dir="auto" lang={n.script ? `und-${n.script}` : undefined}>
            {nameText(n)}
          </span>
          {n.full && (n.family || n.given) ? (
            <>
              {' '}
              (<span dir="auto">{[n.family, n.given].filter(Boolean).join(', ')}</span>)
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
