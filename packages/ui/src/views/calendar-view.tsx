import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Alert, Button, Calendar, DatePicker, Divider, Empty, Flex, Grid, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Fragment, type ReactNode } from 'react';
import { errorMessage } from '../api/error-message';
import type { RecordData } from '../api/types';
import { useT } from '../i18n/use-t';
import { FilterBar } from '../list-view/filter-bar';
import { LinkProblemAlert } from '../list-view/link-problem-alert';
import { QuickSearch } from '../list-view/quick-search';
import { ViewPicker } from '../list-view/view-picker';
import { useCurrentAppStore } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { displayText } from './display-text';
import { MonthCounts } from './month-counts';
import { MonthJump } from './month-jump';
import { type CalendarMonth, dayKeyOf, shiftMonth } from './month-range';
import { type RecordChange, useRecordChanges } from './record-change';
import { useRefusedLink } from './use-board-query';
import { useCalendarRecords } from './use-calendar-records';
import { useViewFilters } from './use-view-filters';
import type { ViewChoice } from './view-choice';

interface CalendarViewProps {
  appId: string;
  object: ObjectDefinition;
  fieldId: string;
  change: RecordChange | null;
  onOpen: (recordId: string) => void;
  /** Opens the layout a designer's view is laid out as, when the person picks it. */
  onLayout?: (layout: ViewChoice) => void;
}

const NO_OBJECTS: readonly ObjectDefinition[] = [];

/** Records on a month calendar by one date or datetime field, narrowed by the list view's filters; a click opens the record. */
export function CalendarView({ appId, object, fieldId, change, onOpen, onLayout }: CalendarViewProps) {
  const field = object.fields.find((f) => f.id === fieldId);
  return field ? <MonthCalendar appId={appId} object={object} field={field} change={change} onOpen={onOpen} onLayout={onLayout} /> : null;
}

/** The calendar's selected day: today in the current month (as antd's own default), else the 1st. */
function toDayjs({ year, month }: CalendarMonth): Dayjs {
  const today = dayjs();
  return today.year() === year && today.month() + 1 === month ? today.startOf('day') : dayjs(new Date(year, month - 1, 1));
}

function MonthCalendar({ appId, object, field, change, onOpen, onLayout }: Omit<CalendarViewProps, 'fieldId'> & { field: FieldDefinition }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const objects = useCurrentAppStore((s) => s.document?.objects ?? NO_OBJECTS);
  const { scope, views, search, filters } = useViewFilters(appId, object, onLayout);
  const calendar = useCalendarRecords(appId, object, field, filters);
  useRecordChanges(change, calendar.reload, calendar.reload);
  useRefusedLink([calendar.error], views.refuseLink);
  const value = toDayjs(calendar.month);
  const entry = (record: RecordData) => <CalendarEntry key={record.id} object={object} field={field} record={record} onOpen={onOpen} />;

  const header = (
    <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
      <Button icon={<LeftOutlined />} aria-label={t('calendar.previous')} onClick={() => calendar.setMonth(shiftMonth(calendar.month, -1))} />
      <DatePicker
        picker="month"
        allowClear={false}
        value={value}
        onChange={(date: Dayjs | null) => {
          if (date) calendar.setMonth({ year: date.year(), month: date.month() + 1 });
        }}
        data-testid="calendar-month"
      />
      <Button icon={<RightOutlined />} aria-label={t('calendar.next')} onClick={() => calendar.setMonth(shiftMonth(calendar.month, 1))} />
      <Button onClick={calendar.goToday} data-testid="calendar-today">
        {t('calendar.today')}
      </Button>
      <MonthJump neighbours={calendar.neighbours} total={calendar.total} onJump={calendar.setMonth} />
      {calendar.status === 'loading' && <Spin size="small" />}
    </Flex>
  );

  return (
    <div data-testid="calendar-view">
      <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
        <ViewPicker views={views} />
        {scope.searchField && <QuickSearch field={scope.searchField} value={search.searchText} onChange={search.setSearchText} />}
        <FilterBar appId={appId} objects={objects} fields={scope.filterable} filters={views.state.filters} onChange={views.setFilters} />
      </Flex>
      {views.linkProblem && <LinkProblemAlert problem={views.linkProblem} onClose={views.dismissLinkProblem} />}
      {header}
      <MonthCounts month={calendar.month} counts={calendar.yearCounts} onPick={calendar.setMonth} />
      {calendar.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(calendar.error, t)}
          action={
            <Button size="small" onClick={calendar.reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {calendar.truncated && <Alert type="warning" showIcon title={t('calendar.truncated', { count: calendar.records.length })} style={{ marginBottom: 8 }} />}
      {screens.md === false ? (
        <MonthList month={calendar.month} days={calendar.days} renderEntry={entry} />
      ) : (
        <Calendar
          value={value}
          headerRender={() => null}
          onSelect={(date, info) => {
            // Clicking a greyed day of the next or previous month goes to that month.
            if (info.source === 'date' && !date.isSame(value, 'month')) calendar.setMonth({ year: date.year(), month: date.month() + 1 });
          }}
          cellRender={(current, info) => {
            // Days of the neighbouring months are not queried: an empty cell, not a misleading one.
            if (info.type !== 'date' || !current.isSame(value, 'month')) return null;
            const key = current.format('YYYY-MM-DD');
            return (
              <Flex vertical gap={2} data-testid={`calendar-day-${key}`}>
                {(calendar.days.get(key) ?? []).map(entry)}
              </Flex>
            );
          }}
        />
      )}
    </div>
  );
}

interface CalendarEntryProps {
  object: ObjectDefinition;
  field: FieldDefinition;
  record: RecordData;
  onOpen: (recordId: string) => void;
}

function CalendarEntry({ object, field, record, onOpen }: CalendarEntryProps) {
  const value = record[field.id];
  const time = field.type === 'datetime' && typeof value === 'string' ? dayjs(value).format('HH:mm') : null;
  return (
    <Button
      type="link"
      size="small"
      data-testid={`calendar-record-${record.id}`}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(record.id);
      }}
      style={{ padding: 0, height: 'auto', justifyContent: 'flex-start', maxWidth: '100%', overflow: 'hidden' }}
    >
      <Typography.Text ellipsis style={{ color: 'inherit' }}>
        {time ? `${time} ` : ''}
        {displayText(object, record)}
      </Typography.Text>
    </Button>
  );
}

interface MonthListProps {
  month: CalendarMonth;
  days: Map<string, RecordData[]>;
  renderEntry: (record: RecordData) => ReactNode;
}

/** On a phone a 7-column grid is unreadable: the month becomes a list of its days that have records. */
function MonthList({ month, days, renderEntry }: MonthListProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const format = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { weekday: 'short', month: 'short', day: 'numeric' });
  const prefix = dayKeyOf(month.year, month.month, 1).slice(0, 8);
  const keys = [...days.keys()].filter((k) => k.startsWith(prefix)).sort();
  if (keys.length === 0) return <Empty description={t('calendar.emptyMonth')} />;
  return (
    <Flex vertical data-testid="calendar-list">
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 && <Divider style={{ margin: '8px 0' }} />}
          <Flex vertical gap={4} data-testid={`calendar-day-${key}`}>
            <Typography.Text strong>{format.format(new Date(`${key}T00:00:00`))}</Typography.Text>
            {(days.get(key) ?? []).map(renderEntry)}
          </Flex>
        </Fragment>
      ))}
    </Flex>
  );
}
