import type { DetectorCorpus } from './corpus-types';

/** GitHub fine-grained personal access tokens: github_pat_ + 22 + _ + 59. */
export const corpus: DetectorCorpus = {
  ruleId: 'github-fine-grained-token',
  positives: [
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    // Found by its prefix, wherever it is: a character glued before or after it hides nothing (#12).
    {
      text: 'x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',
      secret: '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',
    },
    {
      text: '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Q',
      secret: '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',
    },
    {
      text: 'x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Q',
      secret: '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',
    },
    {
      text: '_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_\b \b',
      secret: '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',
    },
  ],
  negatives: [
    'github_pat_',
    'github_pat_mactyO5cyu2Ip6QIAd9MoQDms58DCH',
    'github_pat_is_the_prefix',
    'GITHUB_PAT_7djWkRMFQsgyCftntY9HbC1ebv8vsJo5AtAWstyi1Rw5ZRLx6VP4NuhfwQ4UaXu9lCRB9GPLa8fXgYa6ZZ',
    'github-pat-nhIcsJIcLZm7o2RE1isEiHy2NT2cqLrzoVWaSlOLj9ObAnYevGkJsVGgX99q2MG5cfZSKRojYoSgIRdG6d',
  ],
};
