import type { Locale } from "@/lib/i18n/locale";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import type { CommentView } from "@/components/console/workspace-types";

/** The council's and the unit's exchange on one leaf, oldest first. Text is shown as text only. */
export function CommentThread({ locale, comments }: { locale: Locale; comments: CommentView[] }) {
  const t = workspaceMessagesFor(locale);
  return (
    <section className="mt-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <h5 className="font-semibold">{t.history}</h5>
      <ol className="mt-1 space-y-2">
        {comments.map((comment, index) => (
          <li key={index} className={comment.kind === "return" ? "border-l-4 border-amber-500 pl-2" : "border-l-4 border-slate-300 pl-2"}>
            <p className="text-xs text-slate-700">
              <span className="font-semibold">{t.commentKind[comment.kind]}</span>
              {comment.authorName ? ` · ${comment.authorName}` : ""} · {formatDateTime(comment.createdAt, locale)}
            </p>
            <p className="whitespace-pre-wrap">{comment.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
