import type { DetectorCorpus } from './corpus-types';

/** AWS access key IDs: AKIA (long-term) and ASIA (temporary), 20 characters. */
export const corpus: DetectorCorpus = {
  ruleId: 'aws-access-key-id',
  positives: [
    { text: 'AKIARHUNWS7DR4ERD7TI', secret: 'AKIARHUNWS7DR4ERD7TI' },
    { text: 'AKIABTPUP7UHRJACJIPL', secret: 'AKIABTPUP7UHRJACJIPL' },
    { text: 'AKIARHBACGTRNUV2Z7P3', secret: 'AKIARHBACGTRNUV2Z7P3' },
    { text: 'AKIAWL742BY63JEXCIIO', secret: 'AKIAWL742BY63JEXCIIO' },
    { text: 'AKIAPYJDTI4JO6JQDO36', secret: 'AKIAPYJDTI4JO6JQDO36' },
    { text: 'AKIAN6PTD6JPQUUHRZND', secret: 'AKIAN6PTD6JPQUUHRZND' },
    { text: 'AKIAP7TVUHGRU5Q4GCTM', secret: 'AKIAP7TVUHGRU5Q4GCTM' },
    { text: 'AKIAY276N2P565W4WVUR', secret: 'AKIAY276N2P565W4WVUR' },
    { text: 'ASIA65OTBZTJ5YPW3BAK', secret: 'ASIA65OTBZTJ5YPW3BAK' },
    { text: 'ASIATYAXIFYJY6D7JCB7', secret: 'ASIATYAXIFYJY6D7JCB7' },
    { text: 'ASIAUBR3WYYEN4KUEVPL', secret: 'ASIAUBR3WYYEN4KUEVPL' },
    { text: 'AKIAIOSFODNN7EXAMPLE', secret: 'AKIAIOSFODNN7EXAMPLE' },
    // Its own shape ends it, not a word boundary: typed with `_` after it and erased (#12).
    { text: 'AKIAIOSFODNN7EXAMPLE_\b \b', secret: 'AKIAIOSFODNN7EXAMPLE' },
    { text: 'key_AKIARHUNWS7DR4ERD7TI', secret: 'AKIARHUNWS7DR4ERD7TI' },
    // Found by its prefix, wherever it is: a character glued before or after it hides nothing (#12).
    { text: 'ZAKIARHUNWS7DR4ERD7TI', secret: 'AKIARHUNWS7DR4ERD7TI' },
    { text: 'AKIARHUNWS7DR4ERD7TIX', secret: 'AKIARHUNWS7DR4ERD7TI' },
    { text: 'ZAKIARHUNWS7DR4ERD7TIX', secret: 'AKIARHUNWS7DR4ERD7TI' },
    { text: '_AKIARHUNWS7DR4ERD7TI_\b \b', secret: 'AKIARHUNWS7DR4ERD7TI' },
  ],
  negatives: [
    'AKIAIOSFODNN7EXAMPL',
    'AKIAiosfodnn7example',
    'AKIA-IOSFODNN7EXAMPLE',
    'arn:aws:iam::123456789012:user/AKIA',
    '"UserId": "AIDAJQABLZS4A3QDU576Q"',
    'AKIA_IOSFODNN7EXAMPLE',
    'ASIA/Tokyo',
  ],
};
