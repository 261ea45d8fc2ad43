import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadSurveyFormTarget } from "@/lib/data/sipas-survey-form";
import { getLocale } from "@/lib/i18n/get-locale";
import { sipasSurveyMessagesFor } from "@/lib/i18n/sipas-survey-messages";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

// Reached only after a submission; rendered per request like the form (it is tiny).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ period: string; unit: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = sipasSurveyMessagesFor(await getLocale());
  return { title: t.thanksTitle, robots: { index: false } };
}

/**
 * The same page for every submission that was taken, flagged ones included: a bot learns nothing
 * from it about how its response was judged.
 */
export default async function SurveyThanksPage({ params }: Props) {
  const { period, unit } = await params;
  const [target, locale] = await Promise.all([loadSurveyFormTarget(decodeRouteSegment(period), decodeRouteSegment(unit)), getLocale()]);
  if (!target) notFound();
  const t = sipasSurveyMessagesFor(locale);
  const unitName = locale === "en" && target.unit.nameEn ? target.unit.nameEn : target.unit.name;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold text-balance">{t.thanksTitle}</h1>
      <p className="text-lg text-slate-900">{t.thanksText(unitName)}</p>
      <p className="text-slate-800">{t.thanksNext}</p>
      <p>
        <Link href="/" className="inline-flex min-h-11 items-center font-medium text-brand-800 underline underline-offset-2">
          {t.homeLink}
        </Link>
      </p>
    </div>
  );
}
