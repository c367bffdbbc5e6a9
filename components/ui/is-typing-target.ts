/**
 * Single-key shortcuts (`/`, `?`, Space) must not fire while the user types: in a field, an
 * editable element, Monaco or xterm (both take keys through a hidden textarea, but a click on
 * their surface can leave the focus on a wrapper).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return target.closest('.xterm, .monaco-editor') !== null;
}
