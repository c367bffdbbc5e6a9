import type { DetectorCorpus } from './corpus-types';

/** AWS secret access keys (40 characters) after aws_secret_access_key and its spellings. */
export const corpus: DetectorCorpus = {
  ruleId: 'aws-secret-access-key',
  positives: [
    { text: 'aws_secret_access_key = DiE5Pe/+Xz3yDUcHFv08GoqlTElrzPc/Ym6XZMJt', secret: 'DiE5Pe/+Xz3yDUcHFv08GoqlTElrzPc/Ym6XZMJt' },
    { text: 'AWS_SECRET_ACCESS_KEY=sEPD6bzPHqPfxBNhiK5OAnKanrdgYPYT0fUMY/1P', secret: 'sEPD6bzPHqPfxBNhiK5OAnKanrdgYPYT0fUMY/1P' },
    { text: 'export AWS_SECRET_ACCESS_KEY="t7HC/GWIHv6LKa/RCeA7fnG24JxEf0432NAAExxL"', secret: 't7HC/GWIHv6LKa/RCeA7fnG24JxEf0432NAAExxL' },
    { text: '"SecretAccessKey": "mWXRW+Q4X/G6xPi2Wt4BzJidd9mVayQ9WGcVGC+T"', secret: 'mWXRW+Q4X/G6xPi2Wt4BzJidd9mVayQ9WGcVGC+T' },
    { text: 'secret_access_key: zFB3tTFthU6lq6roULHdXuqYsISCBaiQP8ibfksn', secret: 'zFB3tTFthU6lq6roULHdXuqYsISCBaiQP8ibfksn' },
    { text: "aws_secret_access_key='m5AGW0xvi+/SAQfFvzX83pAYv5q3yEUY7mE0hyq1'", secret: 'm5AGW0xvi+/SAQfFvzX83pAYv5q3yEUY7mE0hyq1' },
    { text: '--aws-secret-access-key=M7g9QG80qxYHzCbvcRlJ/x10pFpWMSOwhwSGb7XJ', secret: 'M7g9QG80qxYHzCbvcRlJ/x10pFpWMSOwhwSGb7XJ' },
    { text: 'SECRET_ACCESS_KEY: "egdmJsGt/++ydoVdJIGVD+Lvd/uwhaGcjS9hWKi1"', secret: 'egdmJsGt/++ydoVdJIGVD+Lvd/uwhaGcjS9hWKi1' },
    { text: '"secretAccessKey":"PL90ta0u+LHzROaQjqWisHBNHM2Afh7QLNsnP9EH"', secret: 'PL90ta0u+LHzROaQjqWisHBNHM2Afh7QLNsnP9EH' },
    { text: 'aws_secret_access_key=ZX9vJ+jMuIz2Kb7HTjEju+J3CR0ovC3/OrugnrBz', secret: 'ZX9vJ+jMuIz2Kb7HTjEju+J3CR0ovC3/OrugnrBz' },
    { text: 'AWS Secret Access Key: DUF2SFZJ4W5UI4Yg2Arsnk6jBNCiGKYPdBPGmJnV', secret: 'DUF2SFZJ4W5UI4Yg2Arsnk6jBNCiGKYPdBPGmJnV' },
  ],
  negatives: [
    'aws_secret_access_key: null',
    'aws_secret_access_key = ',
    'secret_access_key: ${AWS_SECRET}',
    'aws_access_key_id = <your key id>',
    'aws_secret_access_key is required',
    'SecretAccessKeyLength: 40',
  ],
};
