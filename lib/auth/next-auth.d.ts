import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    /** When the password was checked (ms): the session ends 8 hours later however often it is renewed. */
    signedInAt?: number;
  }
}

declare module "next-auth" {
  interface Session {
    userId?: string;
    sessionVersion?: number;
    signedInAt?: number;
  }
}
