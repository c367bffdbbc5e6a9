import { CloseCode, type SessionEndReason } from '@/lib/protocol/terminal-protocol';

/** How a terminal or SQL console session ended, in words for the banner or the sessions list. */
export type SessionEnding = {
  /** `error` endings are shown as failures; the others as a normal end. */
  tone: 'ended' | 'error';
  title: string;
  detail?: string;
  /**
   * What the banner offers next when connecting again cannot work: a new access request (the
   * grant is over) or nothing (account disabled, resource deleted). Unset: connect again.
   */
  nextStep?: 'request-access' | 'none';
};

/**
 * Whose session and what kind, so the words fit: a SQL console has no shell, and an auditor
 * reading someone else's row is not "you".
 */
export type EndingView = { kind?: 'terminal' | 'sql' | 'http'; isOwn?: boolean };

const REASON_TITLES: Record<SessionEndReason, string> = {
  user_exit: 'You exited the shell',
  disconnected: 'You closed the terminal',
  target_closed: 'The host closed the connection',
  terminated: 'Session terminated',
  grant_expired: 'Your access grant expired',
  grant_revoked: 'Your access was revoked',
  user_disabled: 'Your account was disabled',
  signed_out: 'Your sign-in ended',
  resource_deleted: 'This resource was deleted',
  idle_timeout: 'Ended after a time without input',
  error: 'The session ended with an error',
};

const SQL_TITLES: Partial<Record<SessionEndReason, string>> = {
  // Before `disconnected`, a console the browser closed ended as `user_exit`.
  user_exit: 'You closed the console',
  disconnected: 'You closed the console',
  target_closed: 'The database closed the connection',
};

const HTTP_TITLES: Partial<Record<SessionEndReason, string>> = {
  user_exit: 'You closed the console',
  disconnected: 'You closed the console',
  target_closed: 'The API closed the connection',
};

/** Someone else's session, as an auditor or admin reads it in a list. */
const OTHERS_TITLES: Partial<Record<SessionEndReason, string>> = {
  grant_expired: 'The access grant expired',
  grant_revoked: 'The access was revoked',
  user_disabled: 'The account was disabled',
  signed_out: 'The user’s sign-in ended',
};

function reasonTitle(reason: SessionEndReason, { kind = 'terminal', isOwn = true }: EndingView): string {
  if (reason === 'user_exit' && !isOwn) return kind === 'terminal' ? 'The user exited the shell' : 'The user closed the console';
  if (reason === 'disconnected' && !isOwn) return kind === 'terminal' ? 'The user closed the terminal' : 'The user closed the console';
  const consoleTitle = kind === 'sql' ? SQL_TITLES[reason] : kind === 'http' ? HTTP_TITLES[reason] : undefined;
  return (isOwn ? undefined : OTHERS_TITLES[reason]) ?? consoleTitle ?? REASON_TITLES[reason];
}

const NEXT_STEPS: Partial<Record<SessionEndReason, SessionEnding['nextStep']>> = {
  grant_expired: 'request-access',
  grant_revoked: 'request-access',
  user_disabled: 'none',
  resource_deleted: 'none',
};

const sentenceKey = (text: string) =>
  text
    .trim()
    .replace(/[.!]+$/, '')
    .toLowerCase();

/**
 * The gateway's message minus what the title already says ("Your access was revoked." under
 * "Your access was revoked"; "Session terminated by Ada: …" under "Session terminated" reads "By Ada: …").
 */
function detailBeyond(title: string, message: string | null | undefined): string | undefined {
  const detail = message?.trim();
  if (!detail) return undefined;
  const key = sentenceKey(title);
  if (sentenceKey(detail) === key) return undefined;
  if (detail.toLowerCase().startsWith(`${key} `)) {
    const rest = detail.slice(key.length).trim();
    return `${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
  }
  const [first = '', ...rest] = detail.split(/(?<=[.!])\s+/);
  return sentenceKey(first) === key ? rest.join(' ') || undefined : detail;
}

/** From the gateway's `exit` frame (or a session row's end reason and message). */
export function endingFromReason(reason: SessionEndReason, message?: string | null, exitCode?: number | null, view: EndingView = {}): SessionEnding {
  const title = reasonTitle(reason, view);
  if (reason === 'error') return { tone: 'error', title: message?.trim() || title };
  // A shell's exit (or the page closing it) says all there is to say, apart from a failing status.
  if (reason === 'user_exit' || reason === 'disconnected')
    return { tone: 'ended', title, detail: exitCode != null && exitCode !== 0 ? `Exit status ${exitCode}.` : undefined };
  // The gateway writes its message to the session's owner: an auditor's row drops the owner's title from it too.
  const ownTitle = reasonTitle(reason, { ...view, isOwn: true });
  const ending: SessionEnding = { tone: 'ended', title, detail: detailBeyond(ownTitle, message) };
  const nextStep = NEXT_STEPS[reason];
  return nextStep ? { ...ending, nextStep } : ending;
}

/** The user ended the session from the page (the Disconnect button). */
export const DISCONNECTED: SessionEnding = { tone: 'ended', title: 'You disconnected' };

/** From a gateway `error` frame: the gateway's message is already written for people. */
export function endingFromError(message: string): SessionEnding {
  return { tone: 'error', title: message };
}

/** From a socket close that came with no `exit` or `error` frame before it. */
export function endingFromClose(code: number, reason: string): SessionEnding {
  switch (code) {
    case CloseCode.Normal:
    case CloseCode.SessionEnded:
      return { tone: 'ended', title: 'The session ended', detail: reason || undefined };
    case CloseCode.Terminated:
      return { tone: 'ended', title: REASON_TITLES.terminated, detail: reason || undefined };
    case CloseCode.Unauthorized:
      return { tone: 'error', title: 'Porthole refused to open this session', detail: reason || 'Start a new session from the resource page.' };
    case CloseCode.BadFrame:
    case CloseCode.FrameTooLarge:
      return { tone: 'error', title: 'The connection was closed after an invalid message', detail: reason || undefined };
    case CloseCode.TargetError:
      return { tone: 'error', title: reason || 'The host could not be reached' };
    default:
      return { tone: 'error', title: 'The connection to Porthole was lost', detail: reason || 'Check your network, then start a new session.' };
  }
}
