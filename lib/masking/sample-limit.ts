/** The most sample text the masking tester takes (characters, about as many bytes for terminal text). */
export const MASKING_SAMPLE_MAX_CHARS = 64 * 1024;

export const SAMPLE_TOO_LONG = `Paste at most ${MASKING_SAMPLE_MAX_CHARS / 1024} KiB`;
