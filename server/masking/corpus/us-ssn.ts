import type { DetectorCorpus } from './corpus-types';

/** US Social Security numbers NNN-NN-NNNN with valid area, group and serial. */
export const corpus: DetectorCorpus = {
  ruleId: 'us-ssn',
  positives: [
    { text: '493-32-6548', secret: '493-32-6548' },
    { text: '107-55-6969', secret: '107-55-6969' },
    { text: '715-08-1427', secret: '715-08-1427' },
    { text: '299-05-6525', secret: '299-05-6525' },
    { text: '314-44-4084', secret: '314-44-4084' },
    { text: '296-31-8780', secret: '296-31-8780' },
    { text: '327-63-2661', secret: '327-63-2661' },
    { text: '475-78-0328', secret: '475-78-0328' },
    { text: '208-61-4623', secret: '208-61-4623' },
    { text: '642-44-6758', secret: '642-44-6758' },
    { text: '669-30-2204', secret: '669-30-2204' },
  ],
  negatives: ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000', '078-05-1120', '2024-03-14', '1-800-555-0199'],
};
