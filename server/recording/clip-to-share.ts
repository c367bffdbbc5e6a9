import type { MaskMark } from '@/lib/recording/mask-marks';
import { isInRange, type RecordingAccess, type ShareRange } from './share-access';
import type { CommandView, RecordingDetail } from './recording-schemas';

type Extras = { heatmap: number[]; commands: CommandView[]; maskMarks: MaskMark[] };

/** Heatmap slices wholly outside the range say nothing: zero, so the timeline shows no activity there. */
function clipHeatmap(heatmap: number[], duration: number, range: ShareRange): number[] {
  const width = heatmap.length > 0 ? duration / heatmap.length : 0;
  return heatmap.map((bytes, i) => {
    const sliceStart = i * width;
    const sliceEnd = sliceStart + width;
    const isOutside = sliceEnd <= range.start || (range.end !== null && sliceStart > range.end);
    return isOutside ? 0 : bytes;
  });
}

/** The totals a reviewer of a range sees: counted inside it (the whole recording's would tell what lies outside). */
type Totals = Pick<RecordingDetail, 'commandCount' | 'maskCount'>;

/** A reviewer's view of the replay's extras and totals: only what lies inside the shared range. */
export function clipToShare(extras: Extras, duration: number, access: RecordingAccess): Extras & Partial<Totals> {
  if (access.kind !== 'share' || !access.range) return extras;
  const { range } = access;
  const commands = extras.commands.filter((command) => isInRange(range, command.t));
  const maskMarks = extras.maskMarks.filter((mark) => isInRange(range, mark.t));
  return {
    heatmap: clipHeatmap(extras.heatmap, duration, range),
    commands,
    maskMarks,
    commandCount: commands.length,
    maskCount: maskMarks.reduce((sum, mark) => sum + mark.count, 0),
  };
}

/** What the reviewer's banner says; null for everyone else. */
export function shareBanner(access: RecordingAccess): RecordingDetail['share'] {
  if (access.kind !== 'share') return null;
  return {
    id: access.shareId,
    sharedByName: access.sharedByName,
    expiresAt: access.expiresAt,
    message: access.message,
    rangeStart: access.range?.start ?? null,
    rangeEnd: access.range?.end ?? null,
  };
}
