import { cookies } from "next/headers";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { answer, FOREIGN_ORIGIN } from "@/lib/auth/console-route-answers";
import { actionOk } from "@/lib/domain/action-result";

// next-auth's session cookie names, plain and the __Secure- form it uses over HTTPS.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Signs out by dropping the session cookie (the session is a signed token: nothing else holds
 * it). Done here rather than through next-auth's sign-out redirect, whose absolute callback
 * address would depend on NEXTAUTH_URL matching the address the user typed.
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return answer(FOREIGN_ORIGIN);
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    // A large token is split into .0, .1, … chunks.
    if (SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`))) {
      // A __Secure- cookie is only replaced by one set with Secure: browsers ignore a plain delete.
      jar.set(cookie.name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
    }
  }
  return answer(actionOk(undefined));
}
