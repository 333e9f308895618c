import { Alert, Button, Checkbox, DatePicker, Form, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/error-message';
import { useT } from '../i18n/use-t';
import { useUserNames } from '../record-page/use-page-frame';
import { UserSelect } from '../widgets/user-select';
import { approvalsApi, type Delegation } from './approvals-api';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/**
 * Out of office: the approvals that reach me in a period go to a colleague. Shows my periods not
 * over yet (each can be ended now), those in which I approve for someone else, and a form for a
 * new one. The server refuses what makes no sense (myself, an end before the start), in my language.
 */
export function OutOfOffice() {
  const t = useT();
  const nameOf = useUserNames();
  const [open, setOpen] = useState(false);
  const [lists, setLists] = useState<{ mine: Delegation[]; forOthers: Delegation[] }>({ mine: [], forOthers: [] });
  const [delegate, setDelegate] = useState<string | null>(null);
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null);
  const [handOver, setHandOver] = useState(true);
  const [handed, setHanded] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setLists(await approvalsApi.delegations());
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const away = lists.mine.some((d) => new Date(d.startsAt) <= new Date());
  const save = async () => {
    if (!delegate || !period) {
      setProblem(t('approvals.ooo.incomplete'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const made = await approvalsApi.delegate({
        delegateId: delegate,
        startsAt: period[0].toISOString(),
        endsAt: period[1].toISOString(),
        handOverPending: handOver,
      });
      setHanded(made.handedOver > 0 ? t('approvals.ooo.handedOver', { count: made.handedOver, delegate: nameOf(made.delegateId) }) : null);
      setDelegate(null);
      setPeriod(null);
      await load();
    } catch (error) {
      setProblem(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  const end = async (id: string) => {
    try {
      await approvalsApi.endDelegation(id);
      await load();
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="out-of-office">
        {t('approvals.ooo.button')}
        {away && (
          <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
            {t('approvals.ooo.away')}
          </Tag>
        )}
      </Button>
      <Modal open={open} title={t('approvals.ooo.title')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden width={560}>
        <Typography.Paragraph type="secondary">{t('approvals.ooo.explain')}</Typography.Paragraph>
        {lists.mine.length > 0 && (
          <List
            size="small"
            data-testid="out-of-office-mine"
            dataSource={lists.mine}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Button key="end" size="small" danger onClick={() => void end(d.id)} data-testid="out-of-office-end">
                    {t('approvals.ooo.end')}
                  </Button>,
                ]}
              >
                {t('approvals.ooo.line', { delegate: nameOf(d.delegateId), from: when(d.startsAt), to: when(d.endsAt) })}
              </List.Item>
            )}
          />
        )}
        {lists.forOthers.map((d) => (
          <Alert
            key={d.id}
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('approvals.ooo.covering', { person: nameOf(d.userId), to: when(d.endsAt) })}
          />
        ))}
        {/* No submit on Enter: Enter confirms a date in the picker, and must not hand the approvals over half-set. */}
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item label={t('approvals.ooo.delegate')} required>
            <UserSelect id="out-of-office-delegate" value={delegate} onChange={setDelegate} placeholder={t('approvals.pickPerson')} />
          </Form.Item>
          <Form.Item label={t('approvals.ooo.period')} required>
            <DatePicker.RangePicker
              id="out-of-office-period"
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              value={period}
              onChange={(range) => setPeriod(range?.[0] && range[1] ? [range[0], range[1]] : null)}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={handOver} onChange={(e) => setHandOver(e.target.checked)} data-testid="out-of-office-hand-over">
              {t('approvals.ooo.handOver')}
            </Checkbox>
          </Form.Item>
          {handed && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={handed} data-testid="out-of-office-handed" />}
          {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} data-testid="out-of-office-problem" />}
          <Space>
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="out-of-office-save">
              {t('approvals.ooo.save')}
            </Button>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
