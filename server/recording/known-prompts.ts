import { KNOWN_PROMPTS, rememberFirst } from './command-tracker-model';

/**
 * The prompts a session has shown, remembered so a prompt is recognised without the pause
 * that first revealed it (typed-ahead lines, redraws): the text before the input on a prompt
 * line (most recent first), and whole prompt lines above the input of multi-line prompts.
 */
export class KnownPrompts {
  private readonly prompts: string[] = [];
  private readonly lines = new Set<string>();

  learn(promptText: string): void {
    if (promptText.trim() !== '') rememberFirst(this.prompts, promptText, KNOWN_PROMPTS);
  }

  learnLine(text: string): void {
    if (text.trim() === '' || this.lines.size >= KNOWN_PROMPTS) return;
    this.lines.add(text.trimEnd());
  }

  isPromptLine(text: string): boolean {
    return this.lines.has(text.trimEnd());
  }

  /** The longest known prompt `text` starts with. */
  longestPrefixOf(text: string): string | undefined {
    let longest: string | undefined;
    for (const prompt of this.prompts) {
      if (prompt.trim() !== '' && text.startsWith(prompt) && prompt.length > (longest?.length ?? -1)) longest = prompt;
    }
    return longest;
  }
}
