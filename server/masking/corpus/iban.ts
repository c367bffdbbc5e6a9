import type { DetectorCorpus } from './corpus-types';

/** IBANs with a valid country length and mod-97 check digits; wrong check digits must not match. */
export const corpus: DetectorCorpus = {
  ruleId: 'iban',
  positives: [
    { text: 'DE12826457305374776357', secret: 'DE12826457305374776357' },
    { text: 'GB48 IUHC 5452 0235 9538 42', secret: 'GB48 IUHC 5452 0235 9538 42' },
    { text: 'FR3567025550555341183241602', secret: 'FR3567025550555341183241602' },
    { text: 'NL51 MLGP 4342 6120 32', secret: 'NL51 MLGP 4342 6120 32' },
    { text: 'ES3075093370013411298179', secret: 'ES3075093370013411298179' },
    { text: 'IT66 8683 0598 8813 9946 8767 396', secret: 'IT66 8683 0598 8813 9946 8767 396' },
    { text: 'BE75033044173755', secret: 'BE75033044173755' },
    { text: 'CH49 1127 3906 4805 4413 0', secret: 'CH49 1127 3906 4805 4413 0' },
    { text: 'AT661881970863882243', secret: 'AT661881970863882243' },
    { text: 'PL88 6390 1061 1240 1706 2675 5850', secret: 'PL88 6390 1061 1240 1706 2675 5850' },
    { text: 'SE8292830491531308323010', secret: 'SE8292830491531308323010' },
  ],
  negatives: [
    'DE13826457305374776357',
    'GB49 IUHC 5452 0235 9538 42',
    'FR3667025550555341183241602',
    'DE89370400440532013001',
    'XX12345678901234567890',
    'SHA256AB12CD34EF56GH78',
  ],
};
