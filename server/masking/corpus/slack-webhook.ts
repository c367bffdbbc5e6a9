import type { DetectorCorpus } from './corpus-types';

/** Slack incoming webhook URLs: the secret path is masked. */
export const corpus: DetectorCorpus = {
  ruleId: 'slack-webhook',
  positives: [
    { text: 'https://hooks.slack.com/services/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', secret: 'TS5JAWLA458/B7B5J5BMO7D/eaIyVEhtrBJu93J4rd8LFI8l' },
    { text: 'https://hooks.slack.com/services/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', secret: 'TR5YRKRWOHF/B2K2F80LUPY/exYor0lo5dAbGJJHozm5EWpl' },
    { text: 'https://hooks.slack.com/services/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', secret: 'TFWW9DQHKNO/B9P8XGZ2EH1/dBG7nMJtteZvNn6Fb5QunsVN' },
    { text: 'https://hooks.slack.com/services/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', secret: 'TP3MYYZKQZS/BU6UZUPC50M/k41mjVm1PSiVXlIAkXPstI5e' },
    { text: 'https://hooks.slack.com/services/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', secret: 'TZ3QA7MX5QP/B8Y8C05BI02/jcAFsliGj5dG0w6AiAotCrC3' },
    { text: 'https://hooks.slack.com/services/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', secret: 'TVUZNL9RMIZ/BCHBP7G1ZKN/QV7CpZ5N6CSAGqVKo5ieWNcJ' },
    { text: 'https://hooks.slack.com/services/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', secret: 'TXOQSD3TYQZ/BQLW1DR05HF/pvWDKBkHqxA7Bw3y1drn7gqu' },
    { text: 'https://hooks.slack.com/services/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', secret: 'T01KMWJE2KH/B7WOMOT1T2C/Wf1r3q4jo0IICccik8PWVOcm' },
    { text: 'https://hooks.slack.com/services/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', secret: 'T6IDBWFY47T/BQ77PE2RXXD/YInB9yHxxzWgn8JKiSMBPfwB' },
    { text: 'https://hooks.slack.com/services/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', secret: 'TBUF6ORBR8K/B8O82LBO4HH/CBfljtVNT3wfZpkATCJq0jl4' },
    { text: 'https://hooks.slack.com/services/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', secret: 'TTXSG15T4FA/BRAGR2HDP0V/fOP4aX6eTWXNQR4aQQjOIcyJ' },
  ],
  negatives: [
    'https://hooks.slack.com/services/',
    'https://hooks.slack.com/',
    'https://api.slack.com/services/T0000000/B0000000/xxxx',
    'https://hooks.slack.com/services/T012/B034/short',
    'hooks.slack.com is allow-listed',
  ],
};
