import type { DetectorCorpus } from './corpus-types';

/** Stripe secret (sk_), restricted (rk_) keys and webhook secrets (whsec_). */
export const corpus: DetectorCorpus = {
  ruleId: 'stripe-key',
  positives: [
    { text: 'sk_live_szJieeJhglG3LIfSk2kmRp7o_', secret: 'sk_live_szJieeJhglG3LIfSk2kmRp7o' },
    { text: 'sk_live_szJieeJhglG3LIfSk2kmRp7o', secret: 'sk_live_szJieeJhglG3LIfSk2kmRp7o' },
    {
      text: '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',
      secret: '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',
    },
    { text: 'rk_live_VV0AHU2aRC1ud6TgeheRbAegK2aesHZ4', secret: 'rk_live_VV0AHU2aRC1ud6TgeheRbAegK2aesHZ4' },
    {
      text: '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',
      secret: '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',
    },
    { text: 'sk_live_ZBFSxYnny2U1kJiTPIlZAgkrkDfJTmdP', secret: 'sk_live_ZBFSxYnny2U1kJiTPIlZAgkrkDfJTmdP' },
    { text: 'rk_live_xTm4HAo1ugKeZQ3Snhjl5DfI', secret: 'rk_live_xTm4HAo1ugKeZQ3Snhjl5DfI' },
    { text: 'rk_live_J06Fjr0OFTpVymgOU3uPeAwOGb33qvGN', secret: 'rk_live_J06Fjr0OFTpVymgOU3uPeAwOGb33qvGN' },
    {
      text: 'whsec_zIpcjZoi3CcsUF5faHOT8h5pQMrooLMr7bfXDKtttTQiOneFUilig7IeKB84phhcFfpWMRlCSMTimkN8dyjsEnXrsCngAIsBzqL',
      secret: 'whsec_zIpcjZoi3CcsUF5faHOT8h5pQMrooLMr7bfXDKtttTQiOneFUilig7IeKB84phhcFfpWMRlCSMTimkN8dyjsEnXrsCngAIsBzqL',
    },
    { text: 'sk_live_NXZwnW0HfBegDhhgV6NdaBEZqKOQ75LC', secret: 'sk_live_NXZwnW0HfBegDhhgV6NdaBEZqKOQ75LC' },
    {
      text: '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',
      secret: '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',
    },
    {
      text: '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',
      secret: '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',
    },
    // Found by its prefix, wherever it is: a character glued before or after it hides nothing (#12).
    { text: 'xsk_live_szJieeJhglG3LIfSk2kmRp7o', secret: 'sk_live_szJieeJhglG3LIfSk2kmRp7o' },
    { text: 'sk_live_szJieeJhglG3LIfSk2kmRp7oQ', secret: 'sk_live_szJieeJhglG3LIfSk2kmRp7o' },
    { text: 'xsk_live_szJieeJhglG3LIfSk2kmRp7oQ', secret: 'sk_live_szJieeJhglG3LIfSk2kmRp7o' },
    { text: '_sk_live_szJieeJhglG3LIfSk2kmRp7o_\b \b', secret: 'sk_live_szJieeJhglG3LIfSk2kmRp7o' },
  ],
  negatives: [
    'pk_live_mKHZNlxVLJX6CpiRAdnoGSht',
    'sk_live_short',
    'sk_prod_ulYSWGFQkq0hSN3wUgmgKckv',
    'SK_LIVE_jeupcuc3x2FvV0dBABmuO4ud',
    'sk_live_abcdefghijklmno',
  ],
};
