import { z } from 'zod';
import { toAppError } from '../errors/to-app-error';
import { authenticatePassword } from './authenticate-password';
import { CLIENT_IP_HEADER } from './client-ip';

const credentialsInput = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(256) });

/**
 * next-auth's credentials `authorize`: the request headers are the ones the custom server
 * handed to Next.js, so the client address is the one it stamped (never a client's header).
 */
export async function authorizeCredentials(raw: unknown, headers: unknown): Promise<{ id: string; email: string; name: string }> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) throw new Error('Enter your e-mail and password.');
  const stamped = (headers as Record<string, unknown> | undefined)?.[CLIENT_IP_HEADER];
  const ip = typeof stamped === 'string' && stamped ? stamped : 'unknown';
  try {
    const user = await authenticatePassword({ ...parsed.data, ip });
    return { id: user.id, email: user.email, name: user.name };
  } catch (error) {
    // next-auth passes this message to the login form as-is: only user messages.
    throw new Error(toAppError(error).userMessage);
  }
}
