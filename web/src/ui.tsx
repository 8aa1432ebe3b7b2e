// Small pieces every page uses: the "show the GraphQL" toggle and the API's error message.
import type { ComponentChildren } from "preact";
import type { SentQuery } from "./api";
import { useLabels } from "./i18n";

/** The exact documents and variables a view sent, behind a native disclosure (keyboard and screen readers for free). */
export function ShowGraphQL({ sent }: { sent: (SentQuery | null)[] }) {
  const { t } = useLabels();
  const queries = sent.filter((s): s is SentQuery => s !== null);
  if (queries.length === 0) return null;
  return (
    <details class="graphql">
      <summary>{t.showGraphQL}</summary>
      {queries.map((s) => (
        <div key={s.query}>
          <pre>
            <code>{s.query.trim()}</code>
          </pre>
          <p class="muted">{t.variables}</p>
          <pre>
            <code>{JSON.stringify(s.variables, null, 2)}</code>
          </pre>
        </div>
      ))}
    </details>
  );
}

export function ErrorMessage({ error }: { error?: string | null }) {
  return error ? (
    <p class="error" role="alert">
      {error}
    </p>
  ) : null;
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" aria-labelledby={id ? `${id}-title` : undefined} id={id}>
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {children}
    </section>
  );
}
