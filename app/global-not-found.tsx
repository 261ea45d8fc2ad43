import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { messagesFor } from "@/lib/i18n/messages";
import { unitPageMessagesFor } from "@/lib/i18n/unit-page-messages";

export const metadata: Metadata = { title: "404", robots: { index: false } };

/**
 * An address that matches no route at all (proxy.ts sends every page address to a language, so
 * this is rare: a malformed path). No language is known here, so it speaks both.
 */
export default function GlobalNotFound() {
  const vi = unitPageMessagesFor("vi");
  const en = unitPageMessagesFor("en");
  return (
    <html lang="vi">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <main className="mx-auto max-w-2xl space-y-4 px-4 py-10">
          <p className="text-sm font-semibold tracking-wide text-slate-700">404 · {messagesFor("vi").siteName}</p>
          <h1 className="text-2xl font-bold">{vi.notFoundTitle}</h1>
          <p>{vi.notFoundText}</p>
          <p>
            <Link href="/" className="font-medium text-brand-800 underline underline-offset-2">
              {vi.notFoundHome}
            </Link>
          </p>
          <div lang="en" className="border-t border-slate-300 pt-4 text-sm text-slate-700">
            <p className="font-semibold">{en.notFoundTitle}</p>
            <p>{en.notFoundText}</p>
            <p>
              <Link href="/" className="text-brand-800 underline underline-offset-2">
                {en.notFoundHome}
              </Link>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
