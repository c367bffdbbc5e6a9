import { filterLabelClass, filterSelectClass, ListFilters, ResourceFilter, StateFilter, WhoseFilter } from '../ui/ListFilters';

export type RecordingSearch = { scope?: string; resourceId?: string; status?: string; from?: string; to?: string; automated?: string; page?: string };

const RECORDING_STATES = { recording: 'Live', complete: 'Complete', interrupted: 'Interrupted', failed: 'Failed' };

/** The recordings list's filters. */
export function RecordingFilters({
  search,
  resources,
  isAuditor,
  isFiltered,
}: {
  search: RecordingSearch;
  resources: { id: string; name: string }[];
  isAuditor: boolean;
  isFiltered: boolean;
}) {
  return (
    <ListFilters label="Filter recordings" clearHref="/recordings" isFiltered={isFiltered}>
      {isAuditor ? <WhoseFilter value={search.scope} /> : null}
      <ResourceFilter value={search.resourceId} resources={resources} />
      <StateFilter value={search.status} states={RECORDING_STATES} />
      <label className={filterLabelClass}>
        Opened by
        <select name="automated" defaultValue={search.automated ?? ''} className={filterSelectClass}>
          <option value="">People and scripts</option>
          <option value="false">People only</option>
          <option value="true">Scripts (API tokens) only</option>
        </select>
      </label>
      <label className={filterLabelClass}>
        From
        <input type="date" name="from" defaultValue={search.from ?? ''} className={filterSelectClass} />
      </label>
      <label className={filterLabelClass}>
        To
        <input type="date" name="to" defaultValue={search.to ?? ''} className={filterSelectClass} />
      </label>
    </ListFilters>
  );
}
