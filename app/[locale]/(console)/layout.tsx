/**
 * Every console page belongs to one signed-in person and changes with every action: rendered
 * for each request, never cached or prerendered.
 */
export const dynamic = "force-dynamic";

export default function ConsoleLayout({ children }: { children: React.ReactNode }) {
  return children;
}
