import { z } from "zod";
import { USER_ROLES } from "@/lib/domain/user-input";

const demoSignInsSchema = z.object({
  password: z.string(),
  accounts: z.array(z.object({ email: z.string(), role: z.enum(USER_ROLES), unitName: z.string().optional() })),
});

export type DemoSignIns = z.infer<typeof demoSignInsSchema>;

/**
 * The demo's accounts, shown on the sign-in page only when the demo started this server
 * (scripts/run-app.ts passes them in PAR_DEMO_SIGN_INS); a real installation never sets it.
 */
export function demoSignIns(): DemoSignIns | null {
  const raw = process.env.PAR_DEMO_SIGN_INS;
  if (!raw) return null;
  try {
    return demoSignInsSchema.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}
