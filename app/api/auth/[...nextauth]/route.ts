import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: Context) {
  // next-auth v4 reads the catch-all segment synchronously; Next 16 passes params as a promise.
  const params = await context.params;
  return NextAuth(req as never, { params } as never, await authOptions());
}

export { handler as GET, handler as POST };
