import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor } from "@/lib/auth/auth-options";
import { withoutUnusableCallbackUrl } from "@/lib/auth/next-auth-callback-url";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(withoutUnusableCallbackUrl(request), context, authOptionsFor(request.headers));
}

export { handler as GET, handler as POST };
