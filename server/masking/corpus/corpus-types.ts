/** Test corpus for one detector: realistic positives and near-miss negatives. */
export interface DetectorCorpus {
  ruleId: string;
  /** Rules to enable besides the defaults (for detectors that are off by default). */
  enable?: string[];
  /** `secret` is the part of `text` that must never reach the output. */
  positives: Array<{ text: string; secret: string }>;
  /** Look-alikes that no rule may mask. */
  negatives: string[];
}
