import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataRoot } from "./project-root";

/**
 * Where the portal running from this folder listens, and the secret its page-refresh endpoint
 * answers to: written when it starts (readable by this user only), removed when it stops. A
 * command-line publication uses it to have the public pages refreshed at once.
 */
type PortalAddress = { pid: number; url: string; token: string };

const addressFile = () => path.join(dataRoot(), "portal.json");

export function newRevalidateToken(): string {
  return randomBytes(24).toString("base64url");
}

export function writePortalAddress(address: PortalAddress): void {
  writeFileSync(addressFile(), JSON.stringify(address), { mode: 0o600 });
}

export function removePortalAddress(pid: number): void {
  try {
    if ((JSON.parse(readFileSync(addressFile(), "utf8")) as PortalAddress).pid === pid) rmSync(addressFile());
  } catch {
    // already gone
  }
}

export function readPortalAddress(): PortalAddress | null {
  try {
    const address = JSON.parse(readFileSync(addressFile(), "utf8")) as PortalAddress;
    process.kill(address.pid, 0);
    return address;
  } catch {
    return null;
  }
}

/**
 * Asks the running portal, if any, to drop its cached public pages: a publication changes league
 * tables, unit pages and the home page alike. Without a portal (or one that cannot be reached) the
 * pages refresh themselves within 5 minutes.
 */
export async function refreshPortalPages(): Promise<"refreshed" | "no-portal" | "unreachable"> {
  const address = readPortalAddress();
  if (!address) return "no-portal";
  try {
    const response = await fetch(`${address.url}/api/revalidate`, {
      method: "POST",
      headers: { authorization: `Bearer ${address.token}` },
      signal: AbortSignal.timeout(5000),
    });
    return response.ok ? "refreshed" : "unreachable";
  } catch {
    return "unreachable";
  }
}
