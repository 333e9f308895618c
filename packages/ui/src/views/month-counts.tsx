import { Button, Flex, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import type { CalendarMonth } from './month-range';
import type { YearCounts } from './use-year-counts';

interface MonthCountsProps {
  /** The month on screen: its year's months are listed, itself highlighted. */
  month: CalendarMonth;
  counts: YearCounts;
  onPick: (month: CalendarMonth) => void;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The twelve months of the year on screen with how many records each holds; a click opens that month. */
export function MonthCounts({ month, counts, onPick }: MonthCountsProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const intl = locale === 'zh-CN' ? 'zh-CN' : 'en-US';
  const short = new Intl.DateTimeFormat(intl, { month: 'short' });
  const long = new Intl.DateTimeFormat(intl, { year: 'numeric', month: 'long' });
  const number = new Intl.NumberFormat(intl);
  return (
    <Flex gap={4} wrap role="group" aria-label={t('calendar.yearCounts', { year: month.year })} style={{ marginBottom: 8 }} data-testid="calendar-year-counts">
      {MONTHS.map((m) => {
        const count = counts?.get(m) ?? 0;
        const name = long.format(new Date(month.year, m - 1, 1));
        return (
          <Button
            key={m}
            size="small"
            type={m === month.month ? 'primary' : 'default'}
            aria-label={counts ? t('calendar.monthRecords', { month: name, count: number.format(count) }) : name}
            onClick={() => onPick({ year: month.year, month: m })}
            data-testid={`calendar-year-month-${m}`}
          >
            {short.format(new Date(month.year, m - 1, 1))}
            <Typography.Text
              type={count > 0 || m === month.month ? undefined : 'secondary'}
              strong={count > 0}
              style={{ color: 'inherit' }}
              data-testid={`calendar-year-count-${m}`}
            >
              {counts ? number.format(count) : '…'}
            </Typography.Text>
          </Button>
        );
      })}
    </Flex>
  );
}
