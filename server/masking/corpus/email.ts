import type { DetectorCorpus } from './corpus-types';

/** E-mail addresses (rule off by default: enabled for this corpus). */
export const corpus: DetectorCorpus = {
  ruleId: 'email',
  enable: ['email'],
  positives: [
    { text: 'qsfa.pqvba@corp.example.org', secret: 'qsfa.pqvba@corp.example.org' },
    { text: 'mdwljduxn.whxan@example.com', secret: 'mdwljduxn.whxan@example.com' },
    { text: 'riks.jbttc@example.com', secret: 'riks.jbttc@example.com' },
    { text: 'izivqxf.idbsx@mail.example.net', secret: 'izivqxf.idbsx@mail.example.net' },
    { text: 'sgdckk.tbjuq@corp.example.org', secret: 'sgdckk.tbjuq@corp.example.org' },
    { text: 'vbezpfsq.debog@sub.domain.example.io', secret: 'vbezpfsq.debog@sub.domain.example.io' },
    { text: 'kbjuanaz.yxxhp@sub.domain.example.io', secret: 'kbjuanaz.yxxhp@sub.domain.example.io' },
    { text: 'jobzdq.wxhco@example.com', secret: 'jobzdq.wxhco@example.com' },
    { text: 'giczhvcms.tjksb@example.com', secret: 'giczhvcms.tjksb@example.com' },
    { text: 'vtnsrg.pnxrn@mail.example.net', secret: 'vtnsrg.pnxrn@mail.example.net' },
    { text: 'lkx.tmoxd@example.com', secret: 'lkx.tmoxd@example.com' },
  ],
  negatives: ['user@localhost', '@example.com', 'alice@', 'ops at example dot com', 'git@github:acme/api'],
};
