/**
 * Single-key shortcuts (`/`, `?`, Space) must not fire while the user types: in a field, an
 * editable element, Monaco or xterm (both take keys through a hidden textarea, but a click on
 * their surface can leave the focus on a wrapper). A page whose only terminal is read-only (the
 * replay) passes `{ hasLiveTerminal: false }`: a click on that terminal must leave its shortcuts working.
 */
export function isTypingTarget(target: EventTarget | null, { hasLiveTerminal = true }: { hasLiveTerminal?: boolean } = {}): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return target.closest(hasLiveTerminal ? '.xterm, .monaco-editor' : '.monaco-editor') !== null;
}
