import { BuildOutlined, DeleteOutlined } from '@ant-design/icons';
import { type AppSummary, localized, useSessionStore } from '@tessera/ui';
import { NAVIGATION_ICON_COMPONENTS } from '@tessera/ui/navigation-icons';
import { Button, Card, Flex, Tag, Tooltip, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useT } from '../i18n/use-t';

interface AppCardProps {
  app: AppSummary;
  isAdmin: boolean;
  onOpen: ((appId: string) => void) | undefined;
  onDesign: (appId: string) => void;
  onDelete: (appId: string) => void;
}

/** One app of the list: its icon and name, id and version; administrators also design or delete it from here. */
export function AppCard({ app, isAdmin, onOpen, onDesign, onDelete }: AppCardProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const name = localized(app.label, locale, app.id);
  const Icon = app.icon ? NAVIGATION_ICON_COMPONENTS[app.icon] : null;
  // The card opens the app; its buttons do their own thing only.
  const only = (action: (appId: string) => void) => (event: MouseEvent) => {
    event.stopPropagation();
    action(app.id);
  };
  return (
    <Card
      hoverable={onOpen !== undefined}
      data-testid={`app-card-${app.id}`}
      onClick={onOpen ? () => onOpen(app.id) : undefined}
      style={onOpen ? undefined : { opacity: 0.6 }}
    >
      <Flex vertical gap={8}>
        <Flex align="center" gap={8}>
          {Icon && (
            <span data-testid={`app-icon-${app.id}`} data-icon={app.icon}>
              <Icon />
            </span>
          )}
          <Typography.Text strong style={{ flex: 1 }} ellipsis>
            {name}
          </Typography.Text>
          {isAdmin && (
            <>
              <Tooltip title={t('apps.design', { name })}>
                <Button size="small" type="text" icon={<BuildOutlined />} aria-label={t('apps.design', { name })} onClick={only(onDesign)} />
              </Tooltip>
              <Tooltip title={t('apps.delete', { name })}>
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('apps.delete', { name })}
                  onClick={only(onDelete)}
                  data-testid={`app-delete-${app.id}`}
                />
              </Tooltip>
            </>
          )}
        </Flex>
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" code>
            {app.id}
          </Typography.Text>
          {app.liveVersion !== null ? <Tag color="green">{t('apps.version', { version: app.liveVersion })}</Tag> : <Tag>{t('apps.notPublished')}</Tag>}
        </Flex>
      </Flex>
    </Card>
  );
}
