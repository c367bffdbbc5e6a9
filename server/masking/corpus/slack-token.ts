import type { DetectorCorpus } from './corpus-types';

/** Slack bot/user/app tokens: xox[abprs]-…. */
export const corpus: DetectorCorpus = {
  ruleId: 'slack-token',
  positives: [
    { text: 'xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6_', secret: 'xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6' },
    { text: 'xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6', secret: 'xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6' },
    { text: 'xoxr-404604420557-436879239274-SkigGJORD01FqFIeCc5JUtaD', secret: 'xoxr-404604420557-436879239274-SkigGJORD01FqFIeCc5JUtaD' },
    { text: 'xoxb-911854897714-922885723586-HDpjTMvsdMCWOX0LkHBMi9c6', secret: 'xoxb-911854897714-922885723586-HDpjTMvsdMCWOX0LkHBMi9c6' },
    { text: 'xoxp-411471317718-547625665953-ivblwcZU23UyiUy8LTp3tprD', secret: 'xoxp-411471317718-547625665953-ivblwcZU23UyiUy8LTp3tprD' },
    { text: 'xoxp-208847090824-184467522201-FxHlQBce6B5e2QQGbkvTH4Df', secret: 'xoxp-208847090824-184467522201-FxHlQBce6B5e2QQGbkvTH4Df' },
    { text: 'xoxp-60500509299-773298638922-5OX63pytnZsqPg69EvvKOeIL', secret: 'xoxp-60500509299-773298638922-5OX63pytnZsqPg69EvvKOeIL' },
    { text: 'xoxs-495622067320-814551370029-T5hJNLHU4QimumZ66c99NTha', secret: 'xoxs-495622067320-814551370029-T5hJNLHU4QimumZ66c99NTha' },
    { text: 'xoxb-61576876395-494741595736-wpBxVrkkv9971LGTokUqimGo', secret: 'xoxb-61576876395-494741595736-wpBxVrkkv9971LGTokUqimGo' },
    { text: 'xoxr-734785500090-841065257653-wx1XxB80Xbxrvl4T27zOvosu', secret: 'xoxr-734785500090-841065257653-wx1XxB80Xbxrvl4T27zOvosu' },
    { text: 'xoxb-629545959065-30536828366-uKG3brWO3z6vsLExSpYhetK6', secret: 'xoxb-629545959065-30536828366-uKG3brWO3z6vsLExSpYhetK6' },
    { text: 'xoxa-614465849649-54317737195-yF5ndA0IuDq9IAgtp96vEytP', secret: 'xoxa-614465849649-54317737195-yF5ndA0IuDq9IAgtp96vEytP' },
    // Found by its prefix, wherever it is: a character glued before or after it hides nothing (#12).
    { text: 'axoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6', secret: 'xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6' },
    { text: 'xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6Q', secret: 'xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6' },
    { text: 'axoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6Q', secret: 'xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6' },
    { text: '_xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6_\b \b', secret: 'xoxb-186004656182-284666766145-4MYgI8UG4or7yJfNFBjfaES6' },
  ],
  negatives: ['xoxb-', 'xoxb-123', 'xoxz-jy7tyTU4k0JRVh3jkook8DyOY94TvJ', 'XOXB-HSSdDJDIYv8w8G8J4Ob00UlBnaHylK', 'xoxb-short'],
};
