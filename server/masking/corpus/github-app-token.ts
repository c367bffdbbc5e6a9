import type { DetectorCorpus } from './corpus-types';

/** GitHub App installation (ghs_), user-to-server (ghu_) and refresh (ghr_) tokens. */
export const corpus: DetectorCorpus = {
  ruleId: 'github-app-token',
  positives: [
    { text: 'ghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00R', secret: 'ghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00R' },
    { text: 'ghu_hd0TBvw8QP4ttE37ShM5oKJxaf7abGnOO1Fw', secret: 'ghu_hd0TBvw8QP4ttE37ShM5oKJxaf7abGnOO1Fw' },
    { text: 'ghr_3FMATSAM9WWmAnL5nMFE9d2QvrjiA2uP1oWP', secret: 'ghr_3FMATSAM9WWmAnL5nMFE9d2QvrjiA2uP1oWP' },
    { text: 'ghs_Ee82BYpo0DzfIUFX9v2rYIAOylaExRtsvJMA', secret: 'ghs_Ee82BYpo0DzfIUFX9v2rYIAOylaExRtsvJMA' },
    { text: 'ghs_pezWCMG7uneqPnachjKqFJnwBveRPua59go2', secret: 'ghs_pezWCMG7uneqPnachjKqFJnwBveRPua59go2' },
    { text: 'ghr_hteSqMHGNsvKB0fSZC3r9AhOxVThS10FaMrv', secret: 'ghr_hteSqMHGNsvKB0fSZC3r9AhOxVThS10FaMrv' },
    { text: 'ghu_dWDqA6YLNRK7fA0DZcxHxWm7qNLp1lsXokqF', secret: 'ghu_dWDqA6YLNRK7fA0DZcxHxWm7qNLp1lsXokqF' },
    { text: 'ghr_RJ2YxDFgeGQM5uvk5JnEMK6Dn5lw9DK4IVKq', secret: 'ghr_RJ2YxDFgeGQM5uvk5JnEMK6Dn5lw9DK4IVKq' },
    { text: 'ghr_ZSM4zxkSu3hn72eu9K8LEk98DFtXFquMmVo4', secret: 'ghr_ZSM4zxkSu3hn72eu9K8LEk98DFtXFquMmVo4' },
    { text: 'ghu_uOQDY0VE1LG5I8R1yzKlporhNr3yLbG8am7o', secret: 'ghu_uOQDY0VE1LG5I8R1yzKlporhNr3yLbG8am7o' },
    { text: 'ghu_AvZHFisbHXf5tsg9MJPTJhhnlVKFJmTYsdiu', secret: 'ghu_AvZHFisbHXf5tsg9MJPTJhhnlVKFJmTYsdiu' },
    // Found by its prefix, wherever it is: a character glued before or after it hides nothing (#12).
    { text: 'xghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00R', secret: 'ghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00R' },
    { text: 'ghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00RQ', secret: 'ghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00R' },
    { text: 'xghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00RQ', secret: 'ghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00R' },
    { text: '_ghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00R_\b \b', secret: 'ghu_kMwdMpIUVJU7lbz94WiBDbcImnKxRWunM00R' },
  ],
  negatives: [
    'ghs_6uYs9bC4l5i1nwtOZfS9',
    'ghs_token',
    'ght_K4PSSeEPQwjuxrbK0K0J0XbA38yY52Ji21m2',
    'ghu-XqjAWzPTOBWdKQQlFvDDr3yH0507kNu908pM',
    'ghs_short_token_value',
  ],
};
