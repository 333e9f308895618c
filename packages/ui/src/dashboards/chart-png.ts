import type { ChartPicture } from './echart';

/**
 * A drawn chart as a PNG: ECharts gives its picture (an SVG, as the charts are drawn with the SVG
 * renderer, ADR 0050); the browser paints that on a canvas twice the size, on white, and encodes it.
 * No chart library of our own and no server round trip.
 */
export async function chartPng(chart: ChartPicture): Promise<Blob> {
  const source = chart.getDataURL({ type: 'svg', backgroundColor: '#fff' });
  const image = new Image();
  image.src = source;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = chart.getWidth() * scale;
  canvas.height = chart.getHeight() * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d unavailable');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
