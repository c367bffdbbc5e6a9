import type { MaskRule } from '../types';

/** Slack tokens and incoming webhooks. */
export const messagingRules: MaskRule[] = [
  {
    id: 'slack-token',
    name: 'Slack token',
    label: '[MASKED:slack-token]',
    strategy: 'label',
    // Found by its prefix wherever it is (`axoxb-…`): a glued character is one anyone can strip.
    pattern: String.raw`xox[abprs]-[A-Za-z0-9-]{10,250}`,
    maxLength: 255,
    enabledByDefault: true,
    description: 'xoxb- bot, xoxp- user, xoxa-/xoxr-/xoxs- tokens.',
  },
  {
    id: 'slack-webhook',
    name: 'Slack webhook',
    label: '[MASKED:slack-webhook]',
    strategy: 'label',
    pattern: String.raw`hooks\.slack\.com/(?:services|workflows)/(?<secret>T[A-Z0-9]{6,12}/[AB][A-Z0-9]{6,12}/[A-Za-z0-9]{20,40})`,
    maxLength: 100,
    enabledByDefault: true,
    description: 'The secret path of https://hooks.slack.com/services/… URLs.',
  },
];
