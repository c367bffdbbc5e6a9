import type { DetectorCorpus } from './corpus-types';

/** GitHub classic personal (ghp_) and OAuth (gho_) tokens. */
export const corpus: DetectorCorpus = {
  ruleId: 'github-token',
  positives: [
    { text: 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW_suffix', secret: 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW' },
    { text: 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW', secret: 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW' },
    { text: 'ghp_6KbTT9aA8AAK2WiBEmwo7TvhsjOHY6cmGp88', secret: 'ghp_6KbTT9aA8AAK2WiBEmwo7TvhsjOHY6cmGp88' },
    { text: 'ghp_uOjD3gdebE3ss2Rog2CmpO9sf40RnTI56Ts5', secret: 'ghp_uOjD3gdebE3ss2Rog2CmpO9sf40RnTI56Ts5' },
    { text: 'ghp_92T3RhEbd9s1zP1jiPucQKSjknhuMkDGteCv', secret: 'ghp_92T3RhEbd9s1zP1jiPucQKSjknhuMkDGteCv' },
    { text: 'ghp_H9usM2OYTujtpsaM1RNvGQkosuE33oc3ubxd', secret: 'ghp_H9usM2OYTujtpsaM1RNvGQkosuE33oc3ubxd' },
    { text: 'ghp_T4fxpV2GXITOIkraKQfXSEF4BIDhnvMNsHpw', secret: 'ghp_T4fxpV2GXITOIkraKQfXSEF4BIDhnvMNsHpw' },
    { text: 'ghp_RKC2SdEY65F7EPdgz64zAqLgIMZlQwTfu18B', secret: 'ghp_RKC2SdEY65F7EPdgz64zAqLgIMZlQwTfu18B' },
    { text: 'ghp_9OuiNslBpVz8a306UFlSGkco8lv99lkCC2Pl', secret: 'ghp_9OuiNslBpVz8a306UFlSGkco8lv99lkCC2Pl' },
    { text: 'gho_MV7JX85KGo6uJbBRYzAXOTPd90xibjg7ujdH', secret: 'gho_MV7JX85KGo6uJbBRYzAXOTPd90xibjg7ujdH' },
    { text: 'gho_TxqnsPswGfqkKhxNLGNSGqxQ2LS9fHo1oPVI', secret: 'gho_TxqnsPswGfqkKhxNLGNSGqxQ2LS9fHo1oPVI' },
    { text: 'gho_X5wST8EbpWmJa0iqW08ZJcXfLRW0h6LP78pM', secret: 'gho_X5wST8EbpWmJa0iqW08ZJcXfLRW0h6LP78pM' },
    // Found by its prefix, wherever it is: a character glued before or after it hides nothing (#12).
    { text: 'xghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW', secret: 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW' },
    { text: 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXWx', secret: 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW' },
    { text: 'xghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXWx', secret: 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW' },
    { text: '_ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW_\b \b', secret: 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW' },
  ],
  negatives: [
    'ghp_G0cZGGOwnJhRrGZ69QwjN2uNEzwXrVtkrJQ',
    'ghp_',
    'ghx_W6rItcEX8cMSf0twINnXT3zPKb3Cqv5Pdgqc',
    'GHP_qtZ69AxRt4mBXBNo5F50nE6ZPkgA78WTJoPp',
    'ghp-spZGPauJWI67IAQojybb0o30BhqeC7gxmJUV',
    'ghp_ghp_ghp_ghp_',
  ],
};
