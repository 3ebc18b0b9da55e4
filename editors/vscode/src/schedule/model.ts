/** What `pgm schedule --format json` writes. */
export interface Schedule {
  items: ScheduledItem[];
}

/** A project or milestone; its dates are `null` when it is caught in a dependency cycle. */
export interface ScheduledItem {
  /** The qualified name, `program.item`. */
  id: string;
  kind: 'project' | 'milestone';
  title: string | null;
  earliest_start: string | null;
  earliest_finish: string | null;
  latest_start: string | null;
  latest_finish: string | null;
  slack_days: number | null;
  critical: boolean;
}

/** The schedule in `text`, or why it is not one. */
export function parseSchedule(text: string): Schedule {
  const value: unknown = JSON.parse(text);
  if (
    typeof value !== 'object' ||
    value === null ||
    !Array.isArray((value as { items?: unknown }).items)
  ) {
    throw new Error('pgm schedule wrote no list of items');
  }
  return value as Schedule;
}
