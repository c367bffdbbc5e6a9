import type { DetectorCorpus } from './corpus-types';

/** GitLab tokens: glpat- personal, gldt- deploy, glrt- runner, glptt- trigger. */
export const corpus: DetectorCorpus = {
  ruleId: 'gitlab-token',
  positives: [
    { text: 'glptt-jPZ5ElO3S5wdGU4Hu-Gk', secret: 'glptt-jPZ5ElO3S5wdGU4Hu-Gk' },
    { text: 'glrt-V2Unh9JxjNQ6jtmTIs2q', secret: 'glrt-V2Unh9JxjNQ6jtmTIs2q' },
    { text: 'glptt-SXcYrV80mh8Whf0NMa9p', secret: 'glptt-SXcYrV80mh8Whf0NMa9p' },
    { text: 'glpat-CTNiNxp353aJKUSAE60w', secret: 'glpat-CTNiNxp353aJKUSAE60w' },
    { text: 'glpat-e2d9xEtiMJDzb0azjVH_', secret: 'glpat-e2d9xEtiMJDzb0azjVH_' },
    { text: 'gldt-R8n2iitmvRk12WgXmXy5', secret: 'gldt-R8n2iitmvRk12WgXmXy5' },
    { text: 'glpat-0WKOB5v98KnqQt8nz95u', secret: 'glpat-0WKOB5v98KnqQt8nz95u' },
    { text: 'glpat-YcYi6ZN1libSA8HsjKu5', secret: 'glpat-YcYi6ZN1libSA8HsjKu5' },
    { text: 'glpat-jMd8h0xxXFDCa3inLe8W', secret: 'glpat-jMd8h0xxXFDCa3inLe8W' },
    { text: 'gldt-AU9hpxpy1MaussnON8Ik', secret: 'gldt-AU9hpxpy1MaussnON8Ik' },
    { text: 'glpat-5wJPDbgmTbS9ifKzdSLH', secret: 'glpat-5wJPDbgmTbS9ifKzdSLH' },
    // Found by its prefix, wherever it is: a character glued before or after it hides nothing (#12).
    { text: 'xglptt-jPZ5ElO3S5wdGU4Hu-Gk', secret: 'glptt-jPZ5ElO3S5wdGU4Hu-Gk' },
    { text: 'glptt-jPZ5ElO3S5wdGU4Hu-GkQ', secret: 'glptt-jPZ5ElO3S5wdGU4Hu-Gk' },
    { text: 'xglptt-jPZ5ElO3S5wdGU4Hu-GkQ', secret: 'glptt-jPZ5ElO3S5wdGU4Hu-Gk' },
    { text: '_glptt-jPZ5ElO3S5wdGU4Hu-Gk_\b \b', secret: 'glptt-jPZ5ElO3S5wdGU4Hu-Gk' },
  ],
  negatives: ['glpat-ujpy8wokKkpi', 'glpat-', 'glxyz-wKZ0iyTuLZ8NQRxFsQBp', 'GLPAT-il5B5fPn3MiTG0lxCcDK', 'glpat_mVQEYZZNZPsqX1cPEPbH'],
};
