import Link from "next/link";
import type { ReactNode } from "react";

/** One fact of the record under the title; `false`/`null` entries are facts the record lacks. */
export type RecordFact = { label: string; value: ReactNode; className?: string; testId?: string };

/**
 * The head of a console page about one record (a period, a SIPAS survey, a criteria set): the way
 * back to its list, its name, its facts as a definition list, then whatever acts on it.
 */
export function ConsoleRecordHeader({
  back,
  title,
  facts,
  children,
}: {
  back: { href: string; label: string };
  title: ReactNode;
  facts: (RecordFact | false | null | undefined)[];
  children?: ReactNode;
}) {
  return (
    <header className="space-y-2">
      <p className="text-sm text-slate-700">
        <Link href={back.href} className="underline">
          {back.label}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {facts
          .filter((fact): fact is RecordFact => Boolean(fact))
          .map((fact) => (
            <div key={fact.label}>
              <dt className="text-slate-700">{fact.label}</dt>
              <dd className={fact.className} data-testid={fact.testId}>
                {fact.value}
              </dd>
            </div>
          ))}
      </dl>
      {children}
    </header>
  );
}
