import { Flex, Grid, Typography } from 'antd';
import type { ReactNode } from 'react';

interface ObjectHeaderProps {
  title: string;
  /** Beside the title: the record count in the table. */
  meta?: ReactNode;
  /** View switcher, search, "New". */
  children: ReactNode;
}

export function ObjectHeader({ title, meta, children }: ObjectHeaderProps) {
  const phone = Grid.useBreakpoint().md === false;
  return (
    <Flex wrap gap={8} align="center" justify="space-between">
      <Flex align="baseline" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {meta}
      </Flex>
      {/* On a phone the controls take their own rows below the title instead of squeezing beside it. */}
      <Flex gap={8} wrap style={{ flex: phone ? '1 1 100%' : '1 1 300px', justifyContent: phone ? 'flex-start' : 'flex-end' }}>
        {children}
      </Flex>
    </Flex>
  );
}
