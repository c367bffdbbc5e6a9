import type { DetectorCorpus } from './corpus-types';

/** An access key ID immediately followed by its secret (credentials CSV, tables). */
export const corpus: DetectorCorpus = {
  ruleId: 'aws-credential-pair',
  positives: [
    { text: 'AKIA32POHTFJ5YL3IN4U: 6gijA9kifoMvvlCa0AITUhBzwjiaOMi/z5Dsh5Ci', secret: '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' },
    { text: 'AKIAOGDMVTEOYYGTFKNF | EPCnD9auqz1BzprH4aHGlWvDnV/nS17L8UmzXf6P', secret: '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' },
    { text: 'AKIA5G75YMHMOMPJFXGS: ygHbaWMeR88Ue6eaURUv/tFYMIwcAPLNaYd71Rxp', secret: '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' },
    { text: 'AKIAAJSFPUUAABMU37X2,bN5QUJ8KGrQ4PSx9G+XmO56rKw2WcCUhAFHYUk9C', secret: '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' },
    { text: 'AKIA3FFL5AMOYEAL2RDX | QflskV1s4VOzpU9OTxqyEH5QbvlFiQqNgy3HWC7e', secret: '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' },
    { text: 'AKIAKXALPZ3MP66SJIFA,/gt6dJiHMMjbVPx3jBdXV2p0Zzkj4oJL+x/QrgMH', secret: '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' },
    { text: 'AKIAYBW6CP435SFGOG5X,KFkuL1BwmgxbG2/a7Cg5DgIZo2UEYBXE2NbwMzFy', secret: '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' },
    { text: 'AKIAZZDCZOH4VDW3VCGF, +9tiGMayKIWWtvIwe1RDl7uep0JHipuitX+paTYt', secret: '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' },
    { text: 'AKIADGO7A2SRVF7TLR5H,TtPH17/mYL6Rz6MxtHmF5z6mIE+tU+v+2H2cN+VY', secret: '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' },
    { text: 'AKIAMEJ2MJTKUV5O4E2Z ilXEsqS2sUlTB2gj8t7YGAXrYiQwk57u9JrZPUjT', secret: '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' },
    { text: 'AKIAMQNHXNXRSMU3GITT,xZ+HrLnzgcLVzMtG3Rj605JhPq3LsdCgfPyQi5+m', secret: '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' },
    // Found by the key ID's prefix, wherever it is: a character glued before it hides nothing (#12).
    { text: 'ZAKIA32POHTFJ5YL3IN4U: 6gijA9kifoMvvlCa0AITUhBzwjiaOMi/z5Dsh5Ci', secret: '6gijA9kifoMvvlCa0AITUhBzwjiaOMi/z5Dsh5Ci' },
    { text: 'key_AKIA32POHTFJ5YL3IN4U: 6gijA9kifoMvvlCa0AITUhBzwjiaOMi/z5Dsh5Ci', secret: '6gijA9kifoMvvlCa0AITUhBzwjiaOMi/z5Dsh5Ci' },
    { text: 'ZAKIA32POHTFJ5YL3IN4U: 6gijA9kifoMvvlCa0AITUhBzwjiaOMi/z5Dsh5CiX', secret: '6gijA9kifoMvvlCa0AITUhBzwjiaOMi/z5Dsh5Ci' },
  ],
  negatives: [
    'AKIAIOSFODNN7EXAMPL,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'AKIA_IOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'Access key ID,Secret access key',
    'AKIAIOSFODNN7EXAMP,short',
    'AKIA is the prefix of a long-term key id',
  ],
};
