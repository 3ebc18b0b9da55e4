import { Schedule, ScheduledItem } from './model';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The calendar days a chart spans, both ends included. */
interface Timeline {
  first: number;
  last: number;
}

/** Where `day` (or the end of it) falls along the timeline, in percent. */
function position(timeline: Timeline, day: number): number {
  return ((day - timeline.first) / (timeline.last - timeline.first + 1)) * 100;
}

/** The chart as the body of a page: a row per item, one section per program. */
export function renderGantt(schedule: Schedule): string {
  const scheduled = schedule.items.filter(
    (item) => item.earliest_start !== null && item.earliest_finish !== null,
  );
  if (schedule.items.length === 0) {
    return '<p class="empty">No projects or milestones in this workspace.</p>';
  }
  const timeline: Timeline | undefined =
    scheduled.length === 0
      ? undefined
      : {
          first: Math.min(...scheduled.map((item) => dayNumber(item.earliest_start as string))),
          last: Math.max(...scheduled.map((item) => dayNumber(item.earliest_finish as string))),
        };
  const critical = schedule.items.filter((item) => item.critical).length;
  const unscheduled = schedule.items.length - scheduled.length;
  const summary = [
    `${schedule.items.length} items`,
    `${critical} on the critical path`,
    ...(unscheduled > 0 ? [`${unscheduled} not scheduled (dependency cycle)`] : []),
  ].join(' · ');
  const sections = groupByProgram(schedule.items)
    .map(([program, items]) => renderProgram(program, items, timeline))
    .join('\n');
  return [
    `<header><h1>Schedule</h1><p class="summary">${escapeHtml(summary)}</p>`,
    '<p class="legend"><span class="swatch critical"></span> critical path',
    '<span class="swatch"></span> with slack <span class="diamond">◆</span> milestone</p></header>',
    '<div class="chart">',
    timeline ? renderMonths(timeline) : '',
    sections,
    '</div>',
  ].join('\n');
}

function groupByProgram(items: ScheduledItem[]): [string, ScheduledItem[]][] {
  const programs = new Map<string, ScheduledItem[]>();
  for (const item of items) {
    const program = item.id.split('.')[0];
    programs.set(program, [...(programs.get(program) ?? []), item]);
  }
  return [...programs.entries()];
}

/** Month ticks along the top; quarters or years when the plan is long. */
function renderMonths(timeline: Timeline): string {
  const start = new Date(timeline.first * DAY_MS);
  const end = new Date(timeline.last * DAY_MS);
  const months =
    (end.getUTCFullYear() - start.getUTCFullYear()) * 12 +
    end.getUTCMonth() -
    start.getUTCMonth() +
    1;
  const step = months <= 12 ? 1 : months <= 36 ? 3 : 12;
  const ticks: string[] = [];
  for (let index = 0; index < months; index += 1) {
    const year = start.getUTCFullYear() + Math.floor((start.getUTCMonth() + index) / 12);
    const month = (start.getUTCMonth() + index) % 12;
    if (month % step !== 0 && index !== 0) {
      continue;
    }
    const left = Math.max(0, position(timeline, Date.UTC(year, month, 1) / DAY_MS));
    const label = index === 0 || month === 0 ? `${MONTHS[month]} ${year}` : MONTHS[month];
    ticks.push(`<span class="month" style="left:${left.toFixed(2)}%">${label}</span>`);
  }
  return row('row axis', '', '<div class="label"></div>', ticks.join(''), '');
}

function renderProgram(
  program: string,
  items: ScheduledItem[],
  timeline: Timeline | undefined,
): string {
  const rows = items.map((item) => renderItem(item, timeline)).join('\n');
  return `<section class="program"><h2>${escapeHtml(program)}</h2>\n${rows}\n</section>`;
}

function renderItem(item: ScheduledItem, timeline: Timeline | undefined): string {
  const classes = ['row', item.kind, ...(item.critical ? ['critical'] : [])].join(' ');
  const label =
    `<div class="label"><span class="id">${escapeHtml(item.id)}</span>` +
    (item.title ? ` <span class="title">${escapeHtml(item.title)}</span>` : '') +
    '</div>';
  const start = item.earliest_start;
  const finish = item.earliest_finish;
  if (start === null || finish === null || timeline === undefined) {
    const note = '<span class="note">not scheduled: caught in a dependency cycle</span>';
    return row(`${classes} unscheduled`, '', label, note, '—');
  }
  const left = position(timeline, dayNumber(start));
  const right = position(timeline, dayNumber(finish) + 1);
  const width = Math.max(right - left, 0.5);
  const mark =
    item.kind === 'milestone'
      ? `<span class="diamond" style="left:${right.toFixed(2)}%">◆</span>`
      : `<span class="bar" style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%"></span>`;
  const dates = item.kind === 'milestone' ? finish : `${start} → ${finish}`;
  const slack = item.slack_days === null ? '' : ` · slack ${item.slack_days}d`;
  const criticalNote = item.critical ? ' · <strong>critical</strong>' : '';
  const tooltip = [
    item.id,
    item.title ?? '',
    `earliest ${start} → ${finish}`,
    item.latest_start && item.latest_finish
      ? `latest ${item.latest_start} → ${item.latest_finish}`
      : '',
  ]
    .filter((part) => part !== '')
    .join('\n');
  return row(classes, tooltip, label, mark, `${escapeHtml(dates)}${slack}${criticalNote}`);
}

/** One line of the chart: the label, the track with its bar or mark, the dates. */
function row(
  classes: string,
  tooltip: string,
  label: string,
  track: string,
  dates: string,
): string {
  const title = tooltip ? ` title="${escapeHtml(tooltip)}"` : '';
  return (
    `<div class="${classes}"${title}>${label}` +
    `<div class="track">${track}</div><div class="dates">${dates}</div></div>`
  );
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
