import type { DetectorCorpus } from './corpus-types';

/** Luhn-valid payment card numbers (13–19 digits, optional spaces or dashes); Luhn failures must not match. */
export const corpus: DetectorCorpus = {
  ruleId: 'card-number',
  positives: [
    { text: '4049091330431499', secret: '4049091330431499' },
    { text: '4154 9708 3691 9555', secret: '4154 9708 3691 9555' },
    { text: '5182-3374-0980-7471', secret: '5182-3374-0980-7471' },
    { text: '5575220524635248', secret: '5575220524635248' },
    { text: '2221 3503 1809 5815', secret: '2221 3503 1809 5815' },
    { text: '3798 138888 98359', secret: '3798 138888 98359' },
    { text: '345574081687160', secret: '345574081687160' },
    { text: '6011-1546-7779-9453', secret: '6011-1546-7779-9453' },
    { text: '3528046607786902', secret: '3528046607786902' },
    { text: '4028631665548879810', secret: '4028631665548879810' },
    { text: '36441815747831', secret: '36441815747831' },
    // Dots as separators, and letters right against the number (#12).
    { text: '4111.1111.1111.1111', secret: '4111.1111.1111.1111' },
    { text: 'card:4111111111111111x', secret: '4111111111111111' },
    { text: 'id4111111111111111', secret: '4111111111111111' },
    { text: 'pan=5575220524635248_ref', secret: '5575220524635248' },
  ],
  negatives: [
    '4049091330431490',
    '4154 9708 3691 9556',
    '5182-3374-0980-7472',
    '379813888898350',
    '1234567890123456',
    'order 4111111111111112 shipped',
    '1741942001114212',
    '4111.1111.1111.1112',
    'ratio 0.4111111111111111',
    'total 4111111111111111.50',
    'id 14111111111111111',
  ],
};
