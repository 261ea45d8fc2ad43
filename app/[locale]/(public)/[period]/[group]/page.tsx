import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedLeagueTables } from "@/lib/data/league-tables";
import { getLocale } from "@/lib/i18n/get-locale";
import { messagesFor } from "@/lib/i18n/messages";
import { formatDate } from "@/lib/i18n/format-date";
import { GroupLeagueSection } from "@/components/group-league-section";
import { TableDownloads } from "@/components/table-downloads";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

/**
 * Rendered on its first request and then served from the cache: published figures change only
 * when a period is published or corrected. A publication, from the console of any instance or from
 * the command line, reaches every instance's cache at once (lib/data/page-cache-handler.mjs); the
 * five-minute refresh only catches changes made to the database by hand.
 */
export const revalidate = 300;

/** No page is rendered at build time (a build has no database); each is cached on first request. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ period: string; group: string }> };

/** generateMetadata and the page ask for the same snapshot: one query per request. */
const loadGroup = cache(async (periodCode: string, groupCode: string) => {
  const period = await getPublishedLeagueTables(periodCode, { groupCode });
  const table = period?.tables[0];
  return period && table ? { period, table } : null;
});

async function routeParams(params: Props["params"]) {
  const { period, group } = await params;
  return { period: decodeRouteSegment(period), group: decodeRouteSegment(group) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period: periodCode, group } = await routeParams(params);
  const [found, locale] = await Promise.all([loadGroup(periodCode, group), getLocale()]);
  if (!found) return {};
  const t = messagesFor(locale);
  const title = `${found.table.groupName} — ${found.period.name}`;
  const description = t.periodMetaDescription(
    found.period.name,
    found.period.authority,
    `${found.table.groupName} (${t.units(found.table.rows.length)})`,
    formatDate(found.period.publishedAt, locale),
  );
  return { title, description, openGraph: { title, description, type: "website" } };
}

/** One group's league table on its own page: what a large period links to from its page. */
export default async function GroupPage({ params }: Props) {
  const { period: periodCode, group } = await routeParams(params);
  const [found, locale] = await Promise.all([loadGroup(periodCode, group), getLocale()]);
  if (!found) notFound();
  const { period, table } = found;
  const t = messagesFor(locale);

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/${encodeURIComponent(period.code)}`} className="text-sm text-brand-800 underline-offset-2 hover:underline">
          ← {period.name}
        </Link>
      </p>
      <GroupLeagueSection periodCode={period.code} table={table} periodName={period.name} locale={locale} t={t} headingLevel={1} />
      <TableDownloads
        t={t}
        headingLevel={2}
        downloads={[
          {
            key: table.groupCode,
            path: `/api/v1/periods/${encodeURIComponent(period.code)}/rankings`,
            query: `group=${encodeURIComponent(table.groupCode)}`,
            tableName: table.groupName,
          },
        ]}
      />
    </div>
  );
}
