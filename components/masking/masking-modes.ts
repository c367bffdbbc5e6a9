/** Where a resource's sessions are masked (db/masking-schema.ts's MASKING_MODES). */
export type ResourceMaskingMode = 'view_and_recording' | 'recording_only';

export const DEFAULT_MASKING_MODE: ResourceMaskingMode = 'view_and_recording';

/** What each mode means, in the words the admin pages use (one line each). */
export const MASKING_MODE_TEXT: Record<ResourceMaskingMode, { label: string; description: string }> = {
  view_and_recording: {
    label: 'Screen and recording',
    description: 'Engineers see masked values in their terminal or SQL console, and the recording keeps them masked.',
  },
  recording_only: {
    label: 'Recording only',
    description: 'Engineers see the real values while they work; only the recording is masked.',
  },
};

export const MASKING_MODES = Object.keys(MASKING_MODE_TEXT) as ResourceMaskingMode[];
