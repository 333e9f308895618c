import { DoubleLeftOutlined, DoubleRightOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import type { CalendarMonth } from './month-range';
import type { MonthNeighbours } from './use-month-neighbours';

function monthName({ year, month }: CalendarMonth, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { year: 'numeric', month: 'long' }).format(new Date(year, month - 1, 1));
}

interface MonthJumpProps {
  neighbours: MonthNeighbours;
  /** Records in the month on screen; null while counting. */
  total: number | null;
  onJump: (month: CalendarMonth) => void;
}

/** Jumps over empty months to the nearest records, naming the month they are in, and counts the month on screen. */
export function MonthJump({ neighbours, total, onJump }: MonthJumpProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { previous, next } = neighbours;
  return (
    <>
      <Button icon={<DoubleLeftOutlined />} disabled={!previous} onClick={() => previous && onJump(previous)} data-testid="calendar-earlier">
        {previous ? t('calendar.earlier', { month: monthName(previous, locale) }) : t('calendar.noEarlier')}
      </Button>
      <Button icon={<DoubleRightOutlined />} iconPlacement="end" disabled={!next} onClick={() => next && onJump(next)} data-testid="calendar-later">
        {next ? t('calendar.later', { month: monthName(next, locale) }) : t('calendar.noLater')}
      </Button>
      {total !== null && (
        <Typography.Text type="secondary" data-testid="calendar-month-count">
          {t('calendar.monthCount', { count: new Intl.NumberFormat(locale).format(total) })}
        </Typography.Text>
      )}
    </>
  );
}
