import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/auth-options';
import { CLIENT_IP_HEADER } from '@/server/auth/client-ip';

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so `next build` never needs the runtime secrets.
async function handler(req: Request, context: Context) {
  return (NextAuth as unknown as (req: Request, ctx: Context, options: ReturnType<typeof authOptions>) => Promise<Response>)(
    req,
    context,
    authOptions({ clientIp: req.headers.get(CLIENT_IP_HEADER) || 'unknown' }),
  );
}

export { handler as GET, handler as POST };
