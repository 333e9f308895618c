import { Skeleton, Typography } from 'antd';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import type { ChartModel } from './chart-options';

/** What an export needs of a drawn chart: its picture (an SVG data URL with the SVG renderer) and its size. */
export interface ChartPicture {
  getDataURL(options: { type?: 'svg' | 'png'; backgroundColor?: string; pixelRatio?: number }): string;
  getWidth(): number;
  getHeight(): number;
}

type EChartsInstance = ChartPicture & {
  setOption(option: unknown, notMerge?: boolean): void;
  resize(): void;
  dispose(): void;
  on(event: string, handler: (p: unknown) => void): void;
};

/**
 * ECharts, loaded the first time a chart is shown (ADR 0050): only the charts and components the
 * widgets use (echarts-setup.ts), drawn with the SVG renderer. A click on a point hands its
 * series and index to `onPick`.
 */
async function loadECharts(): Promise<{ init(el: HTMLElement, theme?: string, opts?: Record<string, unknown>): EChartsInstance }> {
  const setup = await import('./echarts-setup');
  return setup as unknown as { init(el: HTMLElement, theme?: string, opts?: Record<string, unknown>): EChartsInstance };
}

export function EChart({
  model,
  onPick,
  testId,
  picture,
}: {
  model: ChartModel;
  onPick: (seriesIndex: number, dataIndex: number) => void;
  testId: string;
  /** Holds the drawn chart while it is on screen, for a PNG export. */
  picture?: RefObject<ChartPicture | null>;
}) {
  const t = useT();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    loadECharts().then(
      (echarts) => {
        if (cancelled || !element.current) return;
        const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
        instance.on('click', (params) => {
          const p = params as { seriesIndex?: number; dataIndex?: number };
          pick.current(p.seriesIndex ?? 0, p.dataIndex ?? 0);
        });
        chart.current = instance;
        if (picture) picture.current = instance;
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(element.current);
        setReady(true);
      },
      () => setFailed(true), // an offline phone after a deploy: the chart says so, the rest of the page stays
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      if (picture) picture.current = null;
    };
  }, [picture]);

  useEffect(() => {
    if (ready) chart.current?.setOption(model.option, true);
  }, [ready, model]);

  return (
    <div style={{ position: 'relative', width: '100%', height: '100%', minHeight: 220 }}>
      {!ready && !failed && <Skeleton active style={{ position: 'absolute', inset: 0 }} />}
      {failed && <Typography.Text type="danger">{t('perf.widgetsFailed')}</Typography.Text>}
      <div ref={element} data-testid={testId} style={{ width: '100%', height: '100%', minHeight: 220 }} />
    </div>
  );
}
