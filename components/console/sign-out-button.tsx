"use client";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={async () => {
        await fetch("/api/console/sign-out", { method: "POST" }).catch(() => null);
        // A full load, not a client navigation: nothing of the signed-in pages stays in the router's cache.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/console/sign-in");
      }}
      className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
    >
      {label}
    </button>
  );
}
