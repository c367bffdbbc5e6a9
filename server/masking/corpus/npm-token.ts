import type { DetectorCorpus } from './corpus-types';

/** npm access tokens: npm_ + 36 characters. */
export const corpus: DetectorCorpus = {
  ruleId: 'npm-token',
  positives: [
    { text: 'npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ_x', secret: 'npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ' },
    { text: 'npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ', secret: 'npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ' },
    { text: 'npm_9Qa4rlezG4gtNNFPxbbdAFNZzubBWvzTLgr8', secret: 'npm_9Qa4rlezG4gtNNFPxbbdAFNZzubBWvzTLgr8' },
    { text: 'npm_IYwL1uEUfjy68Yba6adlWsxMrQKKUBh95Lov', secret: 'npm_IYwL1uEUfjy68Yba6adlWsxMrQKKUBh95Lov' },
    { text: 'npm_I4QLmP2VYpxgldBa3CW6IeNtv3LujKIY9WHV', secret: 'npm_I4QLmP2VYpxgldBa3CW6IeNtv3LujKIY9WHV' },
    { text: 'npm_36EpxrXAGKNo4u5bnGXHFPnnISzKJh0fv8Mf', secret: 'npm_36EpxrXAGKNo4u5bnGXHFPnnISzKJh0fv8Mf' },
    { text: 'npm_Ycc4HglYO94kMKERnytqX3totpm3XAAPVCnQ', secret: 'npm_Ycc4HglYO94kMKERnytqX3totpm3XAAPVCnQ' },
    { text: 'npm_IFoMbcsqhFvpJW6280XpLcVTduNx11EEZ0TG', secret: 'npm_IFoMbcsqhFvpJW6280XpLcVTduNx11EEZ0TG' },
    { text: 'npm_gg0fgVNGnWk0Xno0qqIF6BXMpWubepTE06wW', secret: 'npm_gg0fgVNGnWk0Xno0qqIF6BXMpWubepTE06wW' },
    { text: 'npm_W1rqFp4kVb87oHpRZC1A9Od0mI8pabyUhKVo', secret: 'npm_W1rqFp4kVb87oHpRZC1A9Od0mI8pabyUhKVo' },
    { text: 'npm_QwzIE3dtQFAVBX5hjOrQt0RRZi291LKKBwzZ', secret: 'npm_QwzIE3dtQFAVBX5hjOrQt0RRZi291LKKBwzZ' },
    { text: 'npm_Cg84CdGJUoUgG6e0IXd83yvmzEafdD3bYqHi', secret: 'npm_Cg84CdGJUoUgG6e0IXd83yvmzEafdD3bYqHi' },
    // Found by its prefix, wherever it is: a character glued before or after it hides nothing (#12).
    { text: 'xnpm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ', secret: 'npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ' },
    { text: 'npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQQ', secret: 'npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ' },
    { text: 'xnpm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQQ', secret: 'npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ' },
    { text: '_npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ_\b \b', secret: 'npm_WXEeLrm7n7C6ySHE5GjWKauhpaV9etj39RKQ' },
  ],
  negatives: [
    'npm_TWXfYmqY8qLA0s2KfXXlAvBOR0FKV4Yeij4',
    'npm_config_registry',
    'npm_package_version=1.2.3',
    'npm-AtpVrPO4ioYHTh2C7Aa1k6uHq90Y7Fd4ZCSs',
    'npm_token_is_not_set',
  ],
};
